import OrgGraph

/// What was read about an account right before a call on it, or while reconciling one.
public struct AccountObservation: Hashable, Sendable {
  public var id: String
  /// The `State` AWS returned; `nil` when AWS no longer knows the account
  /// (`AccountNotFoundException`: it left the organization).
  public var state: String?
  /// The OU path of its parent (`Root/Prod`), when it was read.
  public var path: String?
  /// Its tags, when they were read.
  public var tags: [String: String]?

  public init(id: String, state: String?, path: String? = nil, tags: [String: String]? = nil) {
    self.id = id
    self.state = state
    self.path = path
    self.tags = tags
  }
}

/// Who the policy protects: account IDs and tag keys (`key`) or pairs (`key=value`).
public struct Protection: Hashable, Sendable {
  public var accounts: Set<String>
  public var tags: [String: String]

  public init(accounts: Set<String> = [], tags: [String: String] = [:]) {
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
    /// The change is already in effect (a closure in progress or done): no call needed.
    case alreadyDone(String)
    /// Drift: the step is skipped and a person told.
    case drift(String)
  }

  /// The verdict for `step` on what was read about its account.
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
    if step.isClosure, protection.protects(observation) {
      return .drift("\(id) is protected by the policy (protectedAccounts or a protection tag)")
    }
    if let path = observation.path, path != expected.path {
      return .drift("\(id) is in \(path), not in \(expected.path) where the plan put it")
    }
    if step.isClosure, state == "PENDING_CLOSURE" || state == "CLOSED" {
      return .alreadyDone(state)
    }
    if state != expected.state {
      return .drift("\(id) reads \(state), but the plan expected \(expected.state)")
    }
    return .proceed
  }

  /// What reading the state says about a call that has no outcome in the journal.
  public enum Reconciliation: Hashable, Sendable {
    /// The call took effect (rule X3: `PENDING_CLOSURE` means the close did).
    case tookEffect(String)
    /// No sign of it yet; the state can lag for minutes, so do not call again before
    /// `retryAfterSeconds` have passed since it was sent (rule X3).
    case notYet
  }

  /// Seconds after an unanswered `CloseAccount` before it may be sent again (rule X3:
  /// DescribeAccount can report ACTIVE for minutes; Terraform waits up to 30 minutes).
  public static let unansweredCloseGraceSeconds: Int64 = 1800

  public static func reconcile(
    _ step: ExecutablePlan.Step, observation: AccountObservation
  ) -> Reconciliation {
    if step.isClosure {
      guard let state = observation.state else { return .tookEffect("GONE") }
      return state == "PENDING_CLOSURE" || state == "CLOSED"
        ? .tookEffect(state) : .notYet
    }
    if step.isRemoval {
      return observation.state == nil ? .tookEffect("GONE") : .notYet
    }
    return .notYet
  }
}
