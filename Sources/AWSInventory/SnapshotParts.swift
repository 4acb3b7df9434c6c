import OrgCloseBasics
import PlanFiles

/// What has been read so far, from AWS or from saved files, before it is sorted into a
/// `SnapshotDocument`.
///
/// An optional section is `nil` until it has been read; a section that could not be read
/// stays `nil` and has a gap instead.
struct SnapshotParts: Sendable {
  var organization: SnapshotDocument.OrganizationRecord?
  var roots: [SnapshotDocument.RootRecord] = []
  var units: [String: SnapshotDocument.UnitRecord] = [:]
  var accounts: [String: SnapshotDocument.AccountRecord] = [:]
  var tags: [String: [String: String]]?
  var delegatedAdministrators: [SnapshotDocument.DelegatedAdministratorRecord]?
  var handshakes: [SnapshotDocument.HandshakeRecord]?
  var transfers: [SnapshotDocument.TransferRecord]?
  var servicePrincipals: [String]?
  var rootAccessFeatures: [String]?
  var costs: SnapshotDocument.CostsRecord?
  var gaps: [SnapshotDocument.GapRecord] = []

  /// Records that `section` could not be read, and why (one line).
  ///
  /// The reason echoes IDs, names and the CLI's own words, so its control characters are
  /// escaped and the snapshot (and every message quoting it) stays one line.
  mutating func addGap(_ section: String, _ reason: String) {
    gaps.append(.init(section: section, reason: OneLine.escaped(reason)))
  }

  /// The snapshot document, every list sorted so the same facts give the same bytes.
  ///
  /// - Precondition: `organization` has been read.
  func document(capturedAt: String?, collector: SnapshotDocument.CollectorRecord?)
    -> SnapshotDocument
  {
    guard let organization else { preconditionFailure("the organization must be read first") }
    let accountRecords = accounts.values.sorted { $0.id < $1.id }.map { account in
      var account = account
      account.tags = tags?[account.id]
      return account
    }
    return SnapshotDocument(
      organization: organization,
      roots: roots.sorted { $0.id < $1.id },
      organizationalUnits: units.values.sorted { $0.id < $1.id },
      accounts: accountRecords,
      delegatedAdministrators: delegatedAdministrators?.sorted {
        ($0.accountId, $0.servicePrincipal) < ($1.accountId, $1.servicePrincipal)
      },
      handshakes: handshakes?.sorted { $0.id < $1.id },
      responsibilityTransfers: transfers?.sorted { ($0.id, $0.direction) < ($1.id, $1.direction) },
      enabledServicePrincipals: servicePrincipals?.sorted(),
      rootAccessFeatures: rootAccessFeatures?.sorted(),
      costs: costs.map { costs in
        var costs = costs
        costs.rows.sort {
          ($0.accountId, $0.service, $0.region) < ($1.accountId, $1.service, $1.region)
        }
        return costs
      },
      capturedAt: capturedAt, collector: collector,
      gaps: gaps.sorted { ($0.section, $0.reason) < ($1.section, $1.reason) })
  }
}
