import ClosurePlanner

/// Lookups into one plan (accounts by ID, steps by ID), built once per rendering.
///
/// The dictionaries are only ever read by key, never iterated, so output order never depends
/// on hashing.
struct PlanIndex {
  private let accounts: [String: ClosurePlan.AccountEntry]
  private let stepPositions: [String: Int]

  init(_ plan: ClosurePlan) {
    accounts = Dictionary(
      plan.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    stepPositions = Dictionary(
      plan.steps.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { first, _ in first })
  }

  /// The plan's entry for account `id`, if it lists one.
  func account(_ id: String?) -> ClosurePlan.AccountEntry? {
    id.flatMap { accounts[$0] }
  }

  /// The position of step `id` in `plan.steps`.
  func position(ofStep id: String) -> Int? { stepPositions[id] }

  /// How findings and tables name an account, not escaped.
  ///
  /// `Payments (222222222222)`; the bare ID for an account the plan does not list;
  /// `Organization` for `nil`.
  func accountLabel(_ id: String?) -> String {
    guard let id else { return "Organization" }
    guard let entry = accounts[id] else { return id }
    return "\(entry.name) (\(entry.id))"
  }
}
