import OrgGraph

extension PlanAssembly {
  /// Adds the manual checklist that readies an account to leave.
  ///
  /// Each fact that puts money or data at risk is also reported as a warning attached to the
  /// step.
  ///
  /// - Parameters:
  ///   - account: The account to prepare.
  ///   - disposition: What happens to it; `nil` for the management account, which is closed.
  ///   - facts: The policy's facts about it.
  /// - Returns: The step, or `nil` when the facts leave nothing to do.
  mutating func addPreparation(_ account: Account, disposition: Disposition?, facts: AccountFacts)
    -> Int?
  {
    let closing = disposition != .remove
    // The rules' checklist items first, then the account's own lines (spending, notes).
    var items: [StepTask] = []
    var texts: [StepTask] = []
    var warnings: [(FindingCode, String, String)] = []
    // Only a warning names the account: most accounts get none.
    func who() -> String { label(account) }
    func apply(_ rules: [PreparationRule]) {
      for rule in rules where rule.applies(closing: closing) {
        if rule.needsItem(facts) { items.append(.item(rule.item)) }
        if let warning = rule.warning, warning.applies(facts) {
          warnings.append((warning.code, warning.message(who(), account), warning.remediation))
        }
      }
    }

    apply(PreparationRule.beforeSpending)
    if closing, let rows = costsByAccount[account.id] {
      for row in rows {
        texts.append(
          .text(
            "Terminate or deliberately keep \(row.service) in \(row.region) "
              + "(\(row.amount) \(row.unit) last month)"))
      }
      let services = Array(Set(rows.map(\.service))).sorted()
      warnings.append(
        (
          .ongoingSpend,
          "\(who()) spent money last month on "
            + (services.count == 1
              ? services[0]
              : "\(services.count) services (\(services.prefix(5).joined(separator: ", "))"
                + "\(services.count > 5 ? ", …" : ""))") + "; "
            + "a final bill follows closure, and charges resume if it is reopened (rules C21, C22)",
          FindingCode.ongoingSpendRemediation
        ))
    }
    apply(PreparationRule.afterSpending)
    if let notes = facts.notes, !notes.isEmpty {
      texts.append(.text(PlanRedaction.operatorNotePrefix + notes))
    }
    let tasks = texts.isEmpty ? items : items + texts
    guard !tasks.isEmpty else { return nil }

    let step = add(.prepareAccount(account.id), checklist: tasks)
    for (code, message, remediation) in warnings {
      report(
        code, .warning, account: account.id, step: step, message: message,
        remediation: remediation)
    }
    return step
  }

  /// Warns when the policy says no MFA device is ready for a root sign-in the plan needs.
  ///
  /// Every root must register MFA within 35 days of its first sign-in attempt (rule G53), and
  /// the management account's root signs in with password and MFA (rule F46). The warning is
  /// attached to `step`, the account's first root-console step.
  mutating func reportRootMFA(_ account: Account, facts: AccountFacts, step: Int) {
    guard facts.rootMfaReady == false else { return }
    let isManagement = account.id == organization.managementAccountID
    report(
      .rootMFARequired, .warning, account: account.id, step: step,
      message: "\(label(account)) needs a root sign-in, but the policy says no MFA device is "
        + "ready for its root; every root must register MFA within 35 days of its first "
        + "sign-in (rule G53)"
        + (isManagement ? ", and the management account's root signs in with it (rule F46)" : ""),
      remediation: "Have an MFA device (authenticator app or security key) ready for whoever "
        + "signs in as root, then set rootMfaReady: true")
  }

  /// Adds what a root sign-in needs and returns the steps a root-console step must wait for.
  ///
  /// Nothing when the password is known. Otherwise a human reset through the root email
  /// (rule G47), preceded by re-enabling password recovery where root credentials were
  /// deleted centrally (rule G52).
  mutating func addRootAccess(_ account: Account, facts: AccountFacts) -> [Int] {
    let isManagement = account.id == organization.managementAccountID
    let password = facts.rootPassword ?? (account.joinedMethod == .invited ? .known : .unknown)
    guard password != .known else { return [] }
    let who = label(account)
    var before: [Int] = []
    if password == .removed {
      if isManagement {
        report(
          .rootCredentialsRemoved, .blocking, account: account.id,
          message: "\(who) is the management account, whose root credentials cannot be "
            + "centrally managed (rule F46), yet the policy says they were removed",
          remediation: "Correct rootPassword under management, or recover the root through "
            + "AWS Support")
      } else {
        let enable = add(
          .enableRootPasswordRecovery(account.id),
          tasks: [
            "aws sts assume-root --region us-east-1 --target-principal \(account.id) "
              + "--task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword",
            "With the returned credentials: aws iam create-login-profile (no password: it only "
              + "re-enables recovery)",
          ])
        before = [enable]
        report(
          .rootCredentialsRemoved, .info, account: account.id, step: enable,
          message: "\(who) had its root credentials deleted centrally; password recovery must "
            + "be re-enabled before anyone can reset it (rule G52)",
          remediation: "The plan re-enables recovery with AssumeRoot, then a person resets it")
        if organization.featureSet != .all
          || !organization.rootAccessFeatures.contains("RootSessions")
        {
          report(
            .rootSessionsNotEnabled, .blocking, account: account.id, step: enable,
            message: "\(who) needs an AssumeRoot session, but centralized root sessions are "
              + "not enabled (rootAccessFeatures lacks RootSessions) or the organization is not "
              + "in ALL features (rules G49, G50)",
            remediation: "Enable trusted access for iam.amazonaws.com and run "
              + "'aws iam enable-organizations-root-sessions', then take a new snapshot")
        }
      }
    }
    let reset = add(
      .resetRootPassword(account.id), after: before,
      tasks: [
        "On the console sign-in page choose Root user and enter \(account.email)",
        "Choose Forgot password and follow the link sent to \(account.email)",
        "Store the new password in the team's vault",
        "Register an MFA device if asked (rule G53)",
      ])
    report(
      .rootPasswordResetRequired, .info, account: account.id, step: reset,
      message: "\(who) needs a root sign-in and its root password is not known"
        + (account.joinedMethod == .created
          ? " (accounts created by the organization get a random one, rule G47)" : ""),
      remediation: "A person with the root inbox runs Forgot password; set rootPassword: known "
        + "in the policy if the password is in fact held")
    if facts.rootEmailReachable == false {
      report(
        .rootEmailUnreachable, .blocking, account: account.id, step: reset,
        message: "\(who) needs a root password reset, but its root inbox \(account.email) "
          + "cannot be reached",
        remediation: isManagement || organization.featureSet != .all
          ? "Restore access to the inbox, or ask AWS Support"
          : "Move the root email to a reachable inbox (account:StartPrimaryEmailUpdate, then "
            + "AcceptPrimaryEmailUpdate), or close it with CloseAccount, which needs no root")
    }
    return [reset]
  }
}
