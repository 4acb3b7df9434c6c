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
        report(MemberRules.protectedInScope, account, detail: asked.rawValue)
      } else {
        report(MemberRules.protectedKept, account)
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
      report(MemberRules.pendingClosure, account, step: wait)
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
      // rule H54
      let unmanage = add(
        .unmanageControlTowerAccount(account.id), tasks: MemberRules.controlTowerTasks)
      before.append(unmanage)
      report(MemberRules.controlTower, account, step: unmanage)
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
    reportState(account, step: removal ?? terminal, isManagement: false)
    if case .unknown(let raw) = account.joinedMethod {
      report(MemberRules.unknownJoinedMethod, account, detail: raw)
    }
    outcomes[position] = AccountOutcome(
      disposition: disposition, terminalStep: terminal, removalStep: removal)
  }

  /// A wait until `account` reads CLOSED, polling DescribeAccount (rule B8).
  mutating func addClosureWait(_ account: Account, after: [Int] = []) -> Int {
    add(.awaitAccountClosed(account.id), after: after)
  }

  /// An account that needs no close step: CLOSED, or SUSPENDED in the retired `Status`.
  mutating func reportClosed(_ account: Account) {
    report(
      account.state == .closedOrSuspended ? MemberRules.legacyStatus : MemberRules.alreadyClosed,
      account)
  }

  /// A closed or closing member cannot be removed (rule D32).
  private mutating func reportUnremovable(_ account: Account, disposition: Disposition) {
    guard disposition != .close else { return }
    report(
      policy.protectedAccounts.contains(account.id)
        ? MemberRules.unremovableProtected : MemberRules.unremovable,
      account, detail: disposition.rawValue)
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

  /// One deregistration per service the member administers (rule D31).
  ///
  /// A delegation AWS could never have made (rule D31a) is reported instead.
  private mutating func addDeregistrations(_ account: Account) -> [Int] {
    guard let services = delegatedServices[account.id] else { return [] }
    let list = services.joined(separator: ", ")
    guard organization.featureSet == .all else {
      report(MemberRules.impossibleDelegation, account, detail: list)
      return []
    }
    let steps = services.map { service in
      add(
        .deregisterDelegatedAdministrator(account.id, service: ServicePrincipal(unchecked: service))
      )
    }
    report(MemberRules.delegatedAdministrator, account, step: steps.first, detail: list)
    return steps
  }

  /// The management account can never be a delegated administrator (rule D31a:
  /// `CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR`); a snapshot that says so is wrong.
  mutating func reportManagementDelegation() {
    let management = organization.managementAccount
    guard let services = delegatedServices[management.id] else { return }
    report(
      MemberRules.managementDelegation, management,
      detail: services.joined(separator: ", "))
  }
}
