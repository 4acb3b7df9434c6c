import ClosurePlanner
import OrgGraph

/// A plan's findings arranged per account, as `orgclose blockers` reports them.
///
/// Organization-wide findings come first; then each account with findings, in the order its
/// first finding has in `plan.findings` (so accounts with blocking findings come first), each
/// with its findings in plan order.
struct BlockersReport {
  /// An account and its findings.
  struct AccountFindings {
    var accountID: AccountID?
    /// The plan's entry for the account, if it lists one.
    var entry: ClosurePlan.AccountEntry?
    var findings: [ClosurePlan.Finding]
  }

  var organization: [ClosurePlan.Finding] = []
  var accounts: [AccountFindings] = []
  var blocking = 0
  var warnings = 0
  var info = 0

  init(_ plan: ClosurePlan) {
    let index = PlanIndex(plan)
    var positionOfAccount: [AccountID: Int] = [:]
    for finding in plan.findings {
      switch finding.severity {
      case .blocking: blocking += 1
      case .warning: warnings += 1
      case .info: info += 1
      }
      guard let account = finding.account else {
        organization.append(finding)
        continue
      }
      if let position = positionOfAccount[account] {
        accounts[position].findings.append(finding)
      } else {
        positionOfAccount[account] = accounts.count
        accounts.append(
          AccountFindings(accountID: account, entry: index.account(account), findings: [finding]))
      }
    }
  }

  /// `2 blocking, 1 warning, 3 info across 2 accounts and the organization`.
  var summaryLine: String {
    var line =
      "\(TextFormatting.grouped(blocking)) blocking, "
      + "\(TextFormatting.counted(warnings, "warning", "warnings")), "
      + "\(TextFormatting.grouped(info)) info across "
      + TextFormatting.counted(accounts.count, "account", "accounts")
    if !organization.isEmpty { line += " and the organization" }
    return line
  }

  /// `BLOCKING`, `WARNING` or `INFO`.
  static func label(_ severity: ClosurePlan.Severity) -> String {
    switch severity {
    case .blocking: "BLOCKING"
    case .warning: "WARNING"
    case .info: "INFO"
    }
  }
}
