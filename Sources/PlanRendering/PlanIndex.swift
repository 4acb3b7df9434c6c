import ClosurePlanner
import OrgGraph

/// Accounts and steps by ID, through the plan's `lookup`, and how renderers name them.
///
/// Positions rather than copies of the entries, each of which holds several
/// reference-counted fields.
struct PlanIndex {
  private let accounts: [ClosurePlan.AccountEntry]
  private let positions: [AccountID: Int]
  private let steps: [ClosurePlan.Step]
  private let stepPositions: [StepID: Int]
  private let organization: String

  init(_ plan: ClosurePlan) {
    steps = plan.steps
    organization = plan.organization.id.rawValue
    accounts = plan.accounts
    let lookup = plan.lookup
    stepPositions = lookup.steps
    positions = lookup.accounts
  }

  /// The position in `plan.steps` of the first step with `id`.
  func position(of id: StepID) -> Int? { stepPositions[id] }

  /// The plan's entry for account `id`, if it lists one.
  func account(_ id: AccountID?) -> ClosurePlan.AccountEntry? {
    id.flatMap { positions[$0] }.map { accounts[$0] }
  }

  /// The plan's step with `id`, if it has one.
  func step(_ id: StepID) -> ClosurePlan.Step? {
    position(of: id).map { steps[$0] }
  }

  /// How findings and tables name an account, not escaped.
  ///
  /// `Payments (222222222222)`; the bare ID for an account the plan does not list;
  /// `Organization` for `nil`.
  func accountLabel(_ id: AccountID?) -> String {
    guard let id else { return "Organization" }
    guard let position = positions[id] else { return id.rawValue }
    return "\(accounts[position].name) (\(accounts[position].id))"
  }

  /// The step's title, not escaped (`StepAction.title`).
  func title(_ step: ClosurePlan.Step) -> String {
    step.action.title(organization: organization) { account($0) }
  }
}
