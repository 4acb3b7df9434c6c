import OrgGraph

extension AccountState {
  /// Whether the account is closed or closing, so that it can make no more calls and needs
  /// no close step.
  var hasLeftService: Bool {
    switch self {
    case .closed, .pendingClosure, .closedOrSuspended: true
    case .active, .pendingActivation, .suspended, .unknown: false
    }
  }
}

extension PlanAssembly {
  /// Closes the management account by hand, last (rules F43–F46), or says where the
  /// shutdown stands when it is already closed or closing.
  ///
  /// The policy's `defaults` are for members only: the management account has its own
  /// `management` facts.
  mutating func planManagement(after: [Int]) {
    let management = organization.managementAccount
    reportManagementDelegation()
    if management.state.hasLeftService {
      planClosedManagement(management)
      return
    }
    let who = label(management)
    let facts = policy.management
    if policy.protectedAccounts.contains(management.id) {
      let severity: ClosurePlan.Severity = strategy.deletesOrganization ? .info : .blocking
      report(
        .managementAccountProtected, severity, account: management.id,
        message: strategy.deletesOrganization
          ? "\(who) is the management account and is protected: after DeleteOrganization it "
            + "stays open as a standalone account (rule E41)"
          : "\(who) is the management account and is protected, but close-in-place ends by "
            + "closing it; without that the organization is never deleted (rule F45)",
        remediation: strategy.deletesOrganization
          ? "Nothing to do"
          : "Use close-then-delete or remove-then-delete to keep the management account")
      outcomes[managementPosition] = AccountOutcome(disposition: nil, terminalStep: nil)
      return
    }
    var before = after
    if let prepare = addPreparation(management, disposition: nil, facts: facts) {
      before.append(prepare)
    }
    let reset = addRootAccess(management, facts: facts)
    before += reset
    let close = add(
      .closeManagementAccount(management.id), after: before,
      tasks: [
        "Sign in as root with the address \(management.email)",
        "Check that no member is ACTIVE, SUSPENDED or PENDING_CLOSURE (rule F44)",
        "Open the Account page and choose Close account: no API or CLI can do this (rule F43)",
        "Keep the confirmation email; the 90-day post-closure period starts now (rule C18)",
      ])
    reportRootMFA(management, facts: facts, step: reset.first ?? close)
    reportState(management, step: close, isManagement: true)
    report(
      .managementAccountNotAPIClosable, .info, account: management.id, step: close,
      message: "\(who) is the management account: it can only be closed by hand, signed in as "
        + "root, once no member is active (rules F43, F44)",
      remediation: "Nothing to do: the plan closes it by hand as the last step")
    if !strategy.deletesOrganization {
      report(
        .organizationDeletedByAWS, .info, account: management.id, step: close,
        message: "The organization is not deleted by the plan: AWS deletes it and its policies "
          + "when the management account's post-closure period ends (rule F45)",
        remediation: "Use close-then-delete if the organization must be deleted explicitly")
    }
    outcomes[managementPosition] = AccountOutcome(disposition: .close, terminalStep: close)
  }

  /// A management account that is already closed or closing gets no close step, only a
  /// wait while it closes, and a finding that says where the shutdown stands (rule F45).
  private mutating func planClosedManagement(_ management: Account) {
    let who = label(management)
    var terminal: Int?
    switch management.state {
    case .pendingClosure:
      terminal = addClosureWait(management)
    case .closedOrSuspended:
      reportClosed(management)
    default:
      break
    }
    let active = organization.members.filter { !$0.state.hasLeftService }
    if active.isEmpty {
      report(
        .managementAccountAlreadyClosed, .info, account: management.id, step: terminal,
        message: "\(who), the management account, is already \(management.state): the shutdown "
          + "is in its last stage; AWS deletes the organization and its policies when the "
          + "management account's 90-day post-closure period ends (rules C18, F45)",
        remediation: "Nothing to do but watch the final bills; reopening is possible through "
          + "AWS Support within 90 days (rule C19)")
    } else {
      let names = active.prefix(5).map { label($0) }.joined(separator: ", ")
      report(
        .activeMembersRemain, .blocking, account: management.id, step: terminal,
        message: "\(who), the management account, is already \(management.state), yet "
          + "\(active.count) member(s) are still open (\(names)\(active.count > 5 ? ", …" : "")); "
          + "the plan's API steps are called from the management account, which can no longer "
          + "make them (rule F44)",
        remediation: "Reopen the management account through AWS Support within 90 days, or "
          + "close or remove each member from its own root")
    }
    outcomes[managementPosition] = AccountOutcome(disposition: .close, terminalStep: terminal)
  }
}
