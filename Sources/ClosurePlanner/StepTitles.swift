import OrgGraph

/// The titles of a plan's steps, derived from their actions and the plan's account names.
///
/// Built once per plan: looking a name up is then one dictionary read.
public struct StepTitles: Sendable {
  private let organization: String
  private let accounts: [AccountID: ClosurePlan.AccountEntry]

  public init(_ plan: ClosurePlan) {
    organization = plan.organization.id.rawValue
    var accounts: [AccountID: ClosurePlan.AccountEntry] = [:]
    accounts.reserveCapacity(plan.accounts.count)
    for entry in plan.accounts { accounts[entry.id] = entry }
    self.accounts = accounts
  }

  /// The title of `step`.
  public func callAsFunction(_ step: ClosurePlan.Step) -> String {
    step.action.title(organization: organization) { accounts[$0] }
  }
}
