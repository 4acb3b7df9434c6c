public import OrgGraph

/// Why a plan could not be computed from a valid snapshot and policy.
public enum PlanningError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The policy names an account that is not in the snapshot.
  case unknownAccount(path: String, AccountID)
  /// The policy lists the management account where only members belong.
  case managementAccountAsMember(path: String, AccountID)
  /// The step graph has a cycle; a bug, reported with the step IDs involved.
  case cyclicSteps([String])

  public var description: String {
    switch self {
    case .unknownAccount(let path, let id):
      "\(path): account \(id) is not in the snapshot; fix the ID or take a new snapshot"
    case .managementAccountAsMember(let path, let id):
      "\(path): \(id) is the management account; put its facts under \"management\""
    case .cyclicSteps(let ids):
      "internal error, please report: the plan's steps form a cycle: "
        + ids.joined(separator: " -> ")
    }
  }

  /// The JSON path of the policy entry at fault, if the error is about the policy.
  public var policyPath: String? {
    switch self {
    case .unknownAccount(let path, _), .managementAccountAsMember(let path, _): path
    case .cyclicSteps: nil
    }
  }
}
