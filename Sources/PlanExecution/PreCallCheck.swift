public import OrgGraph

/// Who the policy protects: account IDs and tag keys (`key`) or pairs (`key=value`).
public struct Protection: Hashable, Sendable {
  public var accounts: Set<AccountID>
  public var tags: [String: String]

  public init(accounts: Set<AccountID> = [], tags: [String: String] = [:]) {
    self.accounts = accounts
    self.tags = tags
  }

  /// Tag rules name a key, and a value where it is not empty (rule B14).
  public func protects(_ observation: AccountObservation) -> Bool {
    if accounts.contains(observation.id) { return true }
    guard let live = observation.tags else { return false }
    return tags.contains { key, value in
      guard let found = live[key] else { return false }
      return value.isEmpty || found == value
    }
  }
}

/// The check right before a mutating call: whether the account is still what the plan expected.
public enum PreCallCheck: Sendable {
  public enum Verdict: Hashable, Sendable {
    case proceed
    /// The account already reads closing or closed: no call is needed, once reads over the
    /// poll interval agree (rule X6: one read is not proof).
    case alreadyInEffect(AccountState)
    /// Drift: the step is skipped and a person told.
    case drift(String)
    /// The read cannot tell (a `DescribeAccount` answer without `State`, rule X6): the
    /// step waits for a read that can.
    case unknown(String)
  }

  /// The verdict for `step` on what was read about its account.
  ///
  public static func verdict(
    _ step: ExecutablePlan.Step, observation: AccountObservation, plan: ExecutablePlan,
    protection: Protection
  ) -> Verdict {
    let id = observation.id
    if id == plan.managementAccountID {
      return .drift("\(id) is the management account: apply never makes it a call's subject")
    }
    guard let expected = plan.accounts[id], expected.planned else {
      return .drift("\(id) is not an account this plan acts on")
    }
    guard let state = observation.state else {
      return .drift("\(id) is no longer in the organization")
    }
    if case .unknown(let raw) = state {
      return .unknown("\(id) reads no known state (\(raw.isEmpty ? "State missing" : raw))")
    }
    if step.isClosure, protection.protects(observation) {
      return .drift("\(id) is protected by the policy (protectedAccounts or a protection tag)")
    }
    if let path = observation.path, path != expected.path {
      return .drift("\(id) is in \(path), not in \(expected.path) where the plan put it")
    }
    if step.isClosure, state == .pendingClosure || state == .closed {
      return .alreadyInEffect(state)
    }
    if state != expected.state {
      return .drift(
        "\(id) reads \(state.rawValue), but the plan expected \(expected.state.rawValue)")
    }
    return .proceed
  }

  /// What reading the state says about a call that has no outcome in the journal.
  public enum Reconciliation: Hashable, Sendable {
    /// The call took effect (rule X3: `PENDING_CLOSURE` means the close did).
    case tookEffect(String)
    /// No sign of it yet; the state can lag for minutes, so do not call again before
    /// `unsettledGraceSeconds` have passed since it was sent (rules X3, X5).
    case notYet
  }

  /// Seconds after a call with an unknown outcome before a read may settle it as not having
  /// happened (rules X3, X5: DescribeAccount can report ACTIVE for minutes; Terraform waits
  /// up to 30 minutes).
  public static let unsettledGraceSeconds: Int64 = 1800

  public static func reconcile(
    _ step: ExecutablePlan.Step, observation: AccountObservation
  ) -> Reconciliation {
    if step.isClosure {
      guard let state = observation.state else { return .tookEffect("GONE") }
      return state == .pendingClosure || state == .closed
        ? .tookEffect(state.rawValue) : .notYet
    }
    if step.isRemoval {
      return observation.state == nil ? .tookEffect("GONE") : .notYet
    }
    return .notYet
  }
}
