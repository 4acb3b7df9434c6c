import OrgGraph

extension PlanAssembly {
  /// The policy for `account`: its own entry over `defaults`.
  func effectivePolicy(for account: AccountID) -> AccountPolicy {
    policy.accounts[account].map { $0.overlaying(policy.defaults) } ?? policy.defaults
  }

  /// Adds every step one member needs, by its disposition and state, and records findings.
  ///
  /// - Parameter position: The member's position in `organization.accounts`.
  mutating func planMember(at position: Int) {
    let account = organization.accounts[position]
    let effective = effectivePolicy(for: account.id)
    let facts = effective.facts
    var disposition = effective.disposition ?? strategy.defaultDisposition

    // Protected accounts never get a close step; they leave by removal and survive.
    if policy.protectedAccounts.contains(account.id) {
      if let asked = policy.accounts[account.id]?.disposition, asked != .remove {
        report(
          .protectedAccountInScope, .blocking, account: account.id,
          message: "\(label(account)) is in protectedAccounts but its policy asks for "
            + "disposition \"\(asked.rawValue)\"; the plan removes it instead and closes nothing",
          remediation: "Decide: take the account out of protectedAccounts, or set its "
            + "disposition to \"remove\"")
      } else {
        report(
          .protectedAccountKept, .info, account: account.id,
          message: "\(label(account)) is protected: it is removed from the organization and "
            + "keeps running as a standalone account",
          remediation: "Make sure its owner is ready to pay its own bills after removal")
      }
      disposition = .remove
    }

    switch account.state {
    case .closed, .closedOrSuspended:
      reportClosed(account)
      reportUnremovable(account, disposition: disposition)
      outcomes[position] = AccountOutcome(disposition: .close, terminalStep: nil)
      return
    case .pendingClosure:
      let wait = addClosureWait(account)
      report(
        .accountPendingClosure, .info, account: account.id, step: wait,
        message: "\(label(account)) is PENDING_CLOSURE: a closure is already in progress and "
          + "holds one of the 3 concurrent-closure slots (rule B12)",
        remediation: "Poll DescribeAccount until State is CLOSED; no new close call is needed")
      reportUnremovable(account, disposition: disposition)
      outcomes[position] = AccountOutcome(disposition: .close, terminalStep: wait)
      return
    case .active, .pendingActivation, .suspended, .unknown:
      break
    }

    var before = [exportBillingHistory]
    if let prepare = addPreparation(account, disposition: disposition, facts: facts) {
      before.append(prepare)
    }
    if facts.controlTowerEnrolled == true {
      let unmanage = add(
        .unmanageControlTowerAccount(account.id),
        tasks: [
          "Terminate the account's provisioned product in Service Catalog",
          "Wait until Control Tower shows the account as Not Enrolled",
        ])
      before.append(unmanage)
      report(
        .controlTowerEnrolled, .warning, account: account.id, step: unmanage,
        message: "\(label(account)) is enrolled in AWS Control Tower; closing it while enrolled "
          + "leaves it Suspended and Enrolled, and re-registering its OU fails for 90 days (rule H54)",
        remediation:
          "Unmanage it (terminate its provisioned product) before it is closed or removed")
    }
    before += addDeregistrations(account)

    let terminal: Int
    var removal: Int?
    switch disposition {
    case .close:
      terminal = addClose(
        account, facts: facts, after: before,
        order: CloseOrderKey(
          priority: effective.priority ?? 100, pathRank: organization.pathRank(of: account.parent),
          position: position))
    case .remove, .removeAndClose:
      (removal, terminal) = addRemoval(
        account, facts: facts, after: before, disposition: disposition)
    }
    reportState(account, step: removal ?? terminal)
    outcomes[position] = AccountOutcome(
      disposition: disposition, terminalStep: terminal, removalStep: removal)
  }

  /// A wait until `account` reads CLOSED, polling DescribeAccount (rule B8).
  mutating func addClosureWait(_ account: Account, after: [Int] = []) -> Int {
    add(
      .awaitAccountClosed(account.id), after: after)
  }

  /// An account that needs no close step: CLOSED, or SUSPENDED in the retired `Status`.
  mutating func reportClosed(_ account: Account) {
    if account.state == .closedOrSuspended {
      report(
        .legacyStatusAmbiguous, .warning, account: account.id,
        message: "\(label(account)) is known only from the retired Status field, whose "
          + "SUSPENDED means either closed by its owner or suspended by AWS (rule A6a); the plan "
          + "treats it as not active and plans no step for it. Status was retired on 2026-09-09",
        remediation: "Take a fresh snapshot with a current AWS CLI (v2.29.0 or later), which "
          + "reports State, then plan again")
    } else {
      report(
        .accountAlreadyClosed, .info, account: account.id,
        message: "\(label(account)) is already CLOSED: no close step is needed; it stays in "
          + "the organization until its 90-day post-closure period ends (rules B16, C18)",
        remediation: "Nothing to do unless it must be reopened: contact AWS Support within "
          + "90 days and pay any balance within 60 (rule C19)")
    }
  }

  /// A closed or closing member cannot be removed (rule D32).
  private mutating func reportUnremovable(_ account: Account, disposition: Disposition) {
    guard disposition != .close else { return }
    let isProtected = policy.protectedAccounts.contains(account.id)
    report(
      .closedAccountCannotBeRemoved, isProtected ? .blocking : .warning, account: account.id,
      message: "\(label(account)) is \(account.state) and cannot be removed from the "
        + "organization (rule D32); disposition \"\(disposition.rawValue)\" cannot be honoured",
      remediation: isProtected
        ? "The account must survive: ask AWS Support to reopen it within 90 days, then re-plan"
        : "Accept that it stays closed, or reopen it through AWS Support and re-plan")
  }

  /// Findings that come from the account's state alone, attached to its terminal step.
  private mutating func reportState(_ account: Account, step: Int) {
    switch account.state {
    case .suspended:
      report(
        .accountSuspendedByAWS, .blocking, account: account.id, step: step,
        message: "\(label(account)) is SUSPENDED by AWS (not a customer closure, rule A6); "
          + "how CloseAccount and RemoveAccountFromOrganization treat it is undocumented",
        remediation: "Contact AWS Support about the suspension before acting on this account")
    case .pendingActivation:
      report(
        .accountPendingActivation, .warning, account: account.id, step: step,
        message: "\(label(account)) is PENDING_ACTIVATION; whether it can be closed or removed "
          + "is undocumented (reference §4.15)",
        remediation: "Finish its sign-up or contact AWS Support; try the step and record the result"
      )
    case .unknown(let raw):
      report(
        .unknownAccountState, .blocking, account: account.id, step: step,
        message: "\(label(account)) has state \"\(raw)\", which this version of orgclose does "
          + "not know; the plan cannot tell whether its steps can succeed",
        remediation: "Check the account in the console; upgrade orgclose if AWS added a state")
    case .active, .closed, .closedOrSuspended, .pendingClosure:
      break
    }
    if case .unknown(let raw) = account.joinedMethod {
      report(
        .unknownJoinedMethod, .warning, account: account.id,
        message: "\(label(account)) has joined method \"\(raw)\"; the plan assumes its root "
          + "password is unknown and that the 4-day removal wait applies",
        remediation: "Set rootPassword in the policy if you know it")
    }
  }

  /// Adds the steps of disposition `close` and returns the terminal step.
  ///
  /// CloseAccount in an ALL-features organization (rule B8), root sign-in otherwise (rule B15).
  private mutating func addClose(
    _ account: Account, facts: AccountFacts, after before: [Int], order: CloseOrderKey
  ) -> Int {
    let close: Int
    if organization.featureSet == .all {
      close = add(
        .closeAccount(account.id), after: before)
      closeSteps.append((order, close))
      reportCloseProtection(account, step: close)
    } else {
      // Rule B15: no CloseAccount outside ALL features; the member's root closes it.
      let reset = addRootAccess(account, facts: facts)
      close = add(
        .closeAccountAsRoot(account.id), after: before + reset, tasks: rootCloseTasks(account))
      reportRootMFA(account, facts: facts, step: reset.first ?? close)
    }
    return addClosureWait(account, after: [close])
  }

  /// Rule B14: an IAM policy in the management account can deny `CloseAccount` on accounts
  /// carrying a tag; the policy names those tags, and a tagged account's close step blocks.
  private mutating func reportCloseProtection(_ account: Account, step: Int) {
    guard !policy.closeProtectionTags.isEmpty,
      let tag = account.tags?.first(where: { policy.closeProtectionTags[$0.key] == $0.value })
    else { return }
    report(
      .closeDeniedByPolicy, .blocking, account: account.id, step: step,
      message: "\(label(account)) carries the tag \(tag.key)=\(tag.value), on which the "
        + "management account's protection policy denies CloseAccount (rule B14); the call "
        + "will fail with AccessDeniedException",
      remediation: "Decide: relax the deny policy for this account, or add it to "
        + "protectedAccounts so that it is removed instead")
  }

  /// Warns once when the policy names protection tags but the snapshot lacks the tags of
  /// accounts the plan closes with `CloseAccount`, so rule B14 cannot be checked for them.
  mutating func reportUnreadTags() {
    guard !policy.closeProtectionTags.isEmpty else { return }
    let unread = closeSteps.count { organization.accounts[$0.key.position].tags == nil }
    guard unread > 0 else { return }
    report(
      .closeDeniedByPolicy, .warning,
      message: "The policy names closeProtectionTags, but the snapshot has no tags for "
        + "\(unread) account(s) the plan closes with CloseAccount, so whether the protection "
        + "policy denies their closure is unknown (rule B14)",
      remediation: "Take the snapshot with --tags (or save each account's "
        + "list-tags-for-resource output), then plan again")
  }

  /// Adds the steps of `remove` and `remove-and-close` (rules D28–D31).
  ///
  /// Returns the removal and the terminal step (the same step for `remove`).
  private mutating func addRemoval(
    _ account: Account, facts: AccountFacts, after before: [Int], disposition: Disposition
  ) -> (removal: Int, terminal: Int) {
    var prerequisites = before
    // A root sign-in is needed only to close the account as a standalone one afterwards;
    // the sign-up can be done by an IAM principal with billing access (rule D29).
    let reset = disposition == .removeAndClose ? addRootAccess(account, facts: facts) : []
    // Rule D29a: only an account created in the organization lacks the sign-up details; an
    // invited one joined as a standalone account and has them.
    if account.joinedMethod != .invited, facts.standaloneReady != true {
      let signup = add(
        .completeStandaloneSignup(account.id), after: reset,
        tasks: [
          "Sign in to the member (as root, or as an IAM principal with billing access)",
          "Provide and verify contact information, including the phone number",
          "Add a valid payment method (cards from Russia or Belarus are rejected)",
          "Choose a support plan",
        ])
      prerequisites.append(signup)
      report(
        .standaloneInfoMissing, .warning, account: account.id, step: signup,
        message: "\(label(account)) was created in the organization and is not known to be "
          + "ready to stand alone; removal fails without contact details, phone verification, "
          + "payment method and support plan (rules D29, D29a)",
        remediation: "Complete the sign-up step, then set standaloneReady: true in the policy")
    }
    var earliest: CalendarDay?
    if account.joinedMethod != .invited {
      // Rule D30: a created account cannot leave until 4 days after it joined.
      if let joined = account.joinedTimestamp {
        let allowed = joined.firstFullDay(afterAdding: 4)
        if allowed > startDate { earliest = allowed }
      } else {
        report(
          .joinedTimestampUnknown, .warning, account: account.id,
          message: "\(label(account)) has no joined timestamp, so the 4-day wait before a "
            + "created account can be removed cannot be checked (rule D30)",
          remediation: "Take a new snapshot; AWS rejects an early removal with WAIT_PERIOD_ACTIVE")
      }
    }
    let remove = add(
      .removeAccount(account.id), after: prerequisites, earliest: earliest)
    if let earliest {
      report(
        .removalWaitPeriod, .info, account: account.id, step: remove,
        message: "\(label(account)) was created by the organization less than 4 days before "
          + "the start date; it cannot be removed before \(earliest) (rule D30)",
        remediation: "Nothing to do: the step is scheduled for \(earliest)")
    }
    guard disposition == .removeAndClose else { return (remove, remove) }
    let close = add(
      .closeStandaloneAccount(account.id), after: [remove] + reset, tasks: rootCloseTasks(account))
    reportRootMFA(account, facts: facts, step: reset.first ?? close)
    return (remove, close)
  }

  private func rootCloseTasks(_ account: Account) -> [String] {
    [
      "Sign in as root with the address \(account.email)",
      "Open the Account page and choose Close account",
      "Register root MFA if asked: every root must within 35 days of its first sign-in (rule G53)",
      "Keep the confirmation email; the 90-day post-closure period starts now (rule C18)",
    ]
  }

  /// One deregistration per service the member administers (rule D31).
  ///
  /// A delegation AWS could never have made (rule D31a) is reported instead.
  private mutating func addDeregistrations(_ account: Account) -> [Int] {
    guard let services = delegatedServices[account.id] else { return [] }
    guard organization.featureSet == .all else {
      report(
        .impossibleDelegatedAdministrator, .blocking, account: account.id,
        message: "The snapshot lists \(label(account)) as delegated administrator for "
          + services.joined(separator: ", ") + ", but a \(organization.featureSet) organization "
          + "has no delegated administrators: delegation needs all features (rule D31a)",
        remediation: "The snapshot is inconsistent: take a new one and plan again")
      return []
    }
    let steps = services.map { service in
      add(
        .deregisterDelegatedAdministrator(account.id, service: ServicePrincipal(unchecked: service))
      )
    }
    report(
      .delegatedAdministrator, .warning, account: account.id, step: steps.first,
      message: "\(label(account)) is delegated administrator for "
        + services.joined(separator: ", ") + "; it cannot be removed until deregistered, and "
        + "what closing it does to those services is undocumented (rule D31)",
      remediation: "Read each service's documentation, move administration elsewhere if it "
        + "must continue, then deregister (the plan does this before the account leaves)")
    return steps
  }

  /// The management account can never be a delegated administrator (rule D31a:
  /// `CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR`); a snapshot that says so is wrong.
  mutating func reportManagementDelegation() {
    let management = organization.managementAccount
    guard let services = delegatedServices[management.id] else { return }
    report(
      .impossibleDelegatedAdministrator, .blocking, account: management.id,
      message: "The snapshot lists the management account \(label(management)) as delegated "
        + "administrator for " + services.joined(separator: ", ")
        + ", which AWS never allows (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR, "
        + "rule D31a)",
      remediation: "The snapshot is inconsistent: take a new one and plan again")
  }
}
