import ClosurePlanner
import OrgGraph

/// Findings grouped by severity and code, most severe first, for readers who would otherwise
/// scroll past the same warning once per account.
///
/// A group carries one explanation: the first finding's message and remediation with the
/// account taken out. Where the others read differently once their account is taken out
/// (`ONGOING_SPEND` names each account's services), `uniform` is false and readers are pointed
/// at the per-account listing.
struct FindingGroups {
  struct Group {
    var severity: ClosurePlan.Severity
    var code: FindingCode
    var message: String
    var remediation: String
    /// Account IDs, in findings order, each once.
    var accounts: [AccountID]
    /// Organization-wide findings of this code.
    var organizationWide: Int
    /// Whether every finding of the group reads the same once its account is taken out.
    var uniform: Bool
    /// The first finding, in its own words.
    var first: ClosurePlan.Finding
    var count: Int { accounts.count + organizationWide }
  }

  private(set) var groups: [Group] = []

  /// Groups `findings`, which are in plan order (severity, account, code).
  init(_ findings: [ClosurePlan.Finding], index: PlanIndex) {
    var positions: [String: Int] = [:]
    // The accounts each group already lists: a group can hold tens of thousands.
    var listed: [Set<AccountID>] = []
    for finding in findings {
      let label = finding.account.map { index.accountLabel($0) }
      let message = Self.generic(finding.message, removing: label)
      let remediation = Self.generic(finding.remediation, removing: label)
      let key = "\(finding.severity.rawValue) \(finding.code)"
      guard let position = positions[key] else {
        positions[key] = groups.count
        listed.append(finding.account.map { [$0] } ?? [])
        groups.append(
          Group(
            severity: finding.severity, code: finding.code, message: message,
            remediation: remediation, accounts: finding.account.map { [$0] } ?? [],
            organizationWide: finding.account == nil ? 1 : 0, uniform: true, first: finding))
        continue
      }
      if let account = finding.account {
        if listed[position].insert(account).inserted {
          groups[position].accounts.append(account)
        }
      } else {
        groups[position].organizationWide += 1
      }
      if message != groups[position].message || remediation != groups[position].remediation {
        groups[position].uniform = false
      }
    }
    groups.sort { ($0.severity, $0.code.rawValue) < ($1.severity, $1.code.rawValue) }
  }

  /// `text` with the account's label replaced by "the account" ("The account" first).
  ///
  /// Compares UTF-8 bytes, as `String.replacing` does not: it runs once per finding, and a
  /// label that splits a character of the text is not its label anyway.
  static func generic(_ text: String, removing label: String?) -> String {
    guard var label, !label.isEmpty else { return text }
    var bytes = text
    let replaced: [UInt8]? = bytes.withUTF8 { text in
      label.withUTF8 { label in
        var result: [UInt8] = []
        var start = 0
        var index = 0
        while index + label.count <= text.count {
          guard label.indices.allSatisfy({ text[index + $0] == label[$0] }) else {
            index += 1
            continue
          }
          result.append(contentsOf: text[start..<index])
          result.append(contentsOf: (index == 0 ? "The account" : "the account").utf8)
          index += label.count
          start = index
        }
        guard start > 0 else { return nil }
        result.append(contentsOf: text[start...])
        return result
      }
    }
    return replaced.map { String(decoding: $0, as: UTF8.self) } ?? text
  }

  /// `payments-prod, web-prod, …`: the names of the first `shown` accounts.
  static func accountList(_ accounts: [AccountID], index: PlanIndex, shown: Int = 5) -> String {
    let names = accounts.prefix(shown).map { index.account($0)?.name ?? $0.rawValue }
    return names.joined(separator: ", ") + (accounts.count > shown ? ", …" : "")
  }

  /// Whom a group concerns: `Organization`, one account's label, or `6 accounts: a, b, …`.
  static func whom(_ group: Group, index: PlanIndex) -> String {
    switch (group.accounts.count, group.organizationWide) {
    case (0, _): "Organization"
    case (1, 0): index.accountLabel(group.accounts[0])
    default:
      TextFormatting.counted(group.accounts.count, "account", "accounts") + ": "
        + accountList(group.accounts, index: index)
        + (group.organizationWide > 0 ? " and the organization" : "")
    }
  }

  /// The explanation in the first finding's own words when the group has one finding, else
  /// the generic one.
  static func explanation(_ group: Group) -> (message: String, remediation: String) {
    group.count == 1
      ? (group.first.message, group.first.remediation) : (group.message, group.remediation)
  }
}
