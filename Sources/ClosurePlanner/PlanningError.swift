public import OrgGraph

/// Why a plan could not be computed from a valid snapshot and policy.
public enum PlanningError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The policy names an account that is not in the snapshot.
  case unknownAccount(path: String, AccountID)
  /// The policy lists the management account where only members belong.
  case managementAccountAsMember(path: String, AccountID)
  /// The policy's `closeQuota` is above the quota AWS enforces, which it never raises
  /// (rules B11, B11a).
  case closeQuotaAboveRule(path: String, Int, rule: Int, members: Int)
  /// The step graph has a cycle; a bug, reported with the step IDs involved.
  case cyclicSteps([String])

  public var description: String {
    switch self {
    case .unknownAccount(let path, let id):
      "\(path): account \(id) is not in the snapshot; fix the ID or take a new snapshot"
    case .managementAccountAsMember(let path, let id):
      "\(path): \(id) is the management account; put its facts under \"management\""
    case .closeQuotaAboveRule(let path, let value, let rule, let members):
      "\(path): \(value) is above the CloseAccount quota of \(rule) for \(members) members "
        + "(rule B11: min(1000, max(250, 20% of members)) per 30 days, which AWS does not "
        + "raise); set at most \(rule), or leave closeQuota out"
    case .cyclicSteps(let ids):
      "internal error, please report: the plan's steps form a cycle: "
        + ids.joined(separator: " -> ")
    }
  }

  /// The JSON path of the policy entry at fault, if the error is about the policy.
  public var policyPath: String? {
    switch self {
    case .unknownAccount(let path, _), .managementAccountAsMember(let path, _),
      .closeQuotaAboveRule(let path, _, _, _):
      path
    case .cyclicSteps: nil
    }
  }
}
