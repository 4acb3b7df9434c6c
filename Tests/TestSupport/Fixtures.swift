package import ClosurePlanner
package import Foundation
package import OrgGraph

/// Builds organizations and plans for tests without files.
package enum Fixtures {
  package static let managementID = account(0)
  package static let rootID = RootID(unchecked: "r-test")
  package static let startDate =
    CalendarDay(year: 2026, month: 12, day: 1) ?? .init(daysSince1970: 0)

  /// `100000000000 + n`.
  package static func account(_ n: Int) -> AccountID {
    let digits = String(n)
    return AccountID(unchecked: "1" + String(repeating: "0", count: 11 - digits.count) + digits)
  }

  /// `ou-test-<name padded to 8>`.
  package static func unit(_ name: String) -> OrganizationalUnitID {
    let padded = (name + "00000000").prefix(max(8, name.count))
    return OrganizationalUnitID(unchecked: "ou-test-\(padded)")
  }

  /// A member account.
  package static func member(
    _ n: Int, state: AccountState = .active, joinedMethod: JoinedMethod = .created,
    joined: Timestamp? = Timestamp(iso8601: "2020-01-01T00:00:00Z"), parent: ParentID? = nil,
    name: String? = nil, tags: [Tag]? = nil
  ) -> Account {
    Account(
      id: account(n), name: name ?? "member-\(n)", email: "aws+\(n)@example.com", state: state,
      joinedMethod: joinedMethod, joinedTimestamp: joined, parent: parent ?? .root(rootID),
      tags: tags)
  }

  /// The management account.
  package static var management: Account {
    Account(
      id: managementID, name: "management", email: "root@example.com", state: .active,
      joinedMethod: .invited, joinedTimestamp: Timestamp(iso8601: "2016-01-01T00:00:00Z"),
      parent: .root(rootID))
  }

  /// An organization with the management account and `members`.
  package static func organization(
    featureSet: FeatureSet = .all, members: [Account], units: [OrganizationalUnit] = [],
    delegatedAdministrators: [DelegatedAdministrator] = [], handshakes: [Handshake] = [],
    transfers: [ResponsibilityTransfer] = [], rootAccessFeatures: [String] = [],
    costs: CostReport? = nil, gaps: [SnapshotGap] = []
  ) throws -> Organization {
    try Organization(
      validating: .init(
        id: OrganizationID(unchecked: "o-testorg001"), featureSet: featureSet,
        managementAccountID: managementID, roots: [Root(id: rootID, name: "Root")],
        organizationalUnits: units, accounts: [management] + members,
        delegatedAdministrators: delegatedAdministrators, handshakes: handshakes,
        responsibilityTransfers: transfers, rootAccessFeatures: rootAccessFeatures,
        costs: costs, gaps: gaps))
  }

  /// Plans `organization` from `startDate` with placeholder digests.
  package static func plan(
    _ organization: Organization, policy: Policy = .empty,
    planner: ClosurePlanner = ClosurePlanner()
  ) throws -> ClosurePlan {
    try planner.plan(
      organization, policy: policy, startDate: startDate,
      inputs: .init(snapshot: "sha256:test", policy: nil))
  }

  /// The folder `Samples/` of this checkout.
  package static var samplesDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Samples")
  }
}

extension ClosurePlan {
  /// The step with `id`, if any.
  package func step(_ id: String) -> Step? { steps.first { $0.id.rawValue == id } }

  /// IDs of the steps about `account`.
  package func stepIDs(for account: AccountID) -> [String] {
    steps.filter { $0.account == account }.map(\.id.rawValue)
  }

  /// The findings with `code`.
  package func findings(_ code: String) -> [Finding] {
    findings.filter { $0.code.rawValue == code }
  }

  /// Whether `later` depends on `earlier`, directly or through other steps.
  package func depends(_ later: StepID, on earlier: StepID) -> Bool {
    depends(later.rawValue, on: earlier.rawValue)
  }

  /// Whether `later` depends on `earlier`, directly or through other steps.
  package func depends(_ later: String, on earlier: String) -> Bool {
    var byID: [String: Step] = [:]
    for step in steps { byID[step.id.rawValue] = step }
    var stack = [later]
    var seen: Set<String> = []
    while let current = stack.popLast() {
      for prerequisite in byID[current]?.after.map(\.rawValue) ?? []
      where seen.insert(prerequisite).inserted {
        if prerequisite == earlier { return true }
        stack.append(prerequisite)
      }
    }
    return false
  }
}
