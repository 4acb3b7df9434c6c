import ClosurePlanner
import OrgGraph

/// Where each step and each account of a plan is, by ID, with every ID once.
///
/// Built once per plan: by the plan reader as it reads, or by `validated` for a plan made in
/// memory. Every check that looks a step or an account up uses it.
struct PlanPositions {
  /// Positions in `plan.steps`.
  var steps: [StepID: Int]
  /// Positions in `plan.accounts`.
  var accounts: [AccountID: Int]

  init(steps: [StepID: Int], accounts: [AccountID: Int]) {
    self.steps = steps
    self.accounts = accounts
  }

  /// The positions in `plan`; a step or account listed twice is an error.
  init(_ plan: ClosurePlan, invalid: (String, String) -> PlanFileError) throws(PlanFileError) {
    var steps: [StepID: Int] = [:]
    steps.reserveCapacity(plan.steps.count)
    try plan.steps.withUnsafeBufferPointer { list throws(PlanFileError) in
      for index in list.indices where steps.updateValue(index, forKey: list[index].id) != nil {
        throw invalid("steps[\(index)].id", "\"\(list[index].id)\" is listed twice")
      }
    }
    do {
      accounts = try Self.accountPositions(plan.accounts)
    } catch {
      throw invalid(error.path, error.message)
    }
    self.steps = steps
  }

  /// The positions of `accounts`; an account listed twice is an error.
  static func accountPositions(_ accounts: [ClosurePlan.AccountEntry])
    throws(PlanReadError) -> [AccountID: Int]
  {
    var positions: [AccountID: Int] = [:]
    positions.reserveCapacity(accounts.count)
    try accounts.withUnsafeBufferPointer { list throws(PlanReadError) in
      for index in list.indices where positions.updateValue(index, forKey: list[index].id) != nil {
        throw PlanReadError(
          path: "accounts[\(index)].id", message: "\"\(list[index].id)\" is listed twice")
      }
    }
    return positions
  }
}
