import OrgGraph

extension PlanAssembly {
  /// Adds the steps of disposition `close` and returns the terminal step.
  ///
  /// CloseAccount in an ALL-features organization (rule B8), root sign-in otherwise (rule B15).
  mutating func addClose(
    _ account: Account, facts: AccountFacts, after before: [Int], order: CloseOrderKey
  ) -> Int {
    let close: Int
    if organization.featureSet == .all {
      close = add(.closeAccount(account.id), after: before)
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
    report(MemberRules.closeProtection, account, step: step, detail: "\(tag.key)=\(tag.value)")
  }

  /// Adds the steps of `remove` and `remove-and-close` (rules D28–D31).
  ///
  /// Returns the removal and the terminal step (the same step for `remove`).
  mutating func addRemoval(
    _ account: Account, facts: AccountFacts, after before: [Int], disposition: Disposition
  ) -> (removal: Int, terminal: Int) {
    var prerequisites = before
    // A root sign-in is needed only to close the account as a standalone one afterwards;
    // the sign-up can be done by an IAM principal with billing access (rule D29).
    let reset = disposition == .removeAndClose ? addRootAccess(account, facts: facts) : []
    if MemberRules.needsStandaloneSignup(account, facts) {
      let signup = add(
        .completeStandaloneSignup(account.id), after: reset,
        tasks: MemberRules.standaloneSignupTasks)
      prerequisites.append(signup)
      report(MemberRules.standaloneSignup, account, step: signup)
    }
    var earliest: CalendarDay?
    if account.joinedMethod != .invited {
      // Rule D30: a created account cannot leave until 4 days after it joined.
      if let joined = account.joinedTimestamp {
        let allowed = joined.firstFullDay(afterAdding: MemberRules.removalWaitDays)
        if allowed > startDate { earliest = allowed }
      } else {
        report(MemberRules.joinedTimestampUnknown, account)
      }
    }
    let remove = add(.removeAccount(account.id), after: prerequisites, earliest: earliest)
    if let earliest {
      report(MemberRules.removalWait, account, step: remove, detail: "\(earliest)")
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
}
