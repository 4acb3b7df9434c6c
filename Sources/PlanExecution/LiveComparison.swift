import ClosurePlanner
import OrgGraph

/// The freshness check once the journal records changes: live state compared with the plan,
/// account by account, with what the journal's own steps explain set aside.
///
/// Before any change, `apply` runs the same comparison as `check` (replanning from a live
/// snapshot). After its own closures and removals that comparison would call every plan
/// stale, so then each account is compared instead: a new account, one moved to another OU,
/// one in a state neither the plan nor the journal explains, or one gone without a step
/// that removes it, is a change that makes the plan stale.
public enum LiveComparison: Sendable {
  /// Differences between `live` (every account read now) and the plan, one line each.
  public static func changes(
    plan: ExecutablePlan, journal: JournalState, live: [AccountObservation]
  ) -> [String] {
    var changes: [String] = []
    var seen = Set<AccountID>()
    let stepsByAccount = Dictionary(grouping: plan.steps.filter { $0.account != nil }) {
      $0.account ?? plan.managementAccountID
    }
    func touched(_ account: AccountID) -> Bool {
      (stepsByAccount[account] ?? []).contains { step in
        switch journal.status(step.id) {
        case .notStarted, .skipped: false
        default: step.work != .manual || step.action.name.rawValue.hasPrefix("close")
        }
      }
    }
    let closing: Set<AccountState> = [.pendingClosure, .closed, .closedOrSuspended]
    for observation in live.sorted(by: { $0.id < $1.id }) {
      seen.insert(observation.id)
      guard let expected = plan.accounts[observation.id] else {
        changes.append("account \(observation.id) is new: it is not in the plan")
        continue
      }
      if let path = observation.path, path != expected.path {
        changes.append("account \(observation.id) moved from \(expected.path) to \(path)")
      }
      if let state = observation.state, state != expected.state,
        !(touched(observation.id) && closing.contains(state))
      {
        changes.append(
          "account \(observation.id) reads \(state.rawValue); the plan expected "
            + expected.state.rawValue)
      }
    }
    for account in plan.accounts.values.sorted(by: { $0.id < $1.id })
    where !seen.contains(account.id) && !touched(account.id) && account.state != .closed {
      changes.append("account \(account.id) is no longer in the organization")
    }
    return changes
  }
}
