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
    var tasks: [String] = []
    var risks: [(FindingCode, String, String)] = []
    let who = label(account)

    if closing {
      if facts.dataBackedUp != true {
        tasks.append(
          "Back up the data to keep (S3, databases, snapshots, logs): what is left is deleted "
            + "90 days after closure (rule C18); then set dataBackedUp: true")
        if facts.dataBackedUp == false {
          risks.append(
            (
              .dataNotBackedUp,
              "\(who): the policy says its data is not backed up; closure "
                + "deletes what is left after 90 days (rule C18)",
              "Back up what must be kept, then set dataBackedUp: true"
            ))
        }
      }
      if let rows = costsByAccount[account.id] {
        for row in rows {
          tasks.append(
            "Terminate or deliberately keep \(row.service) in \(row.region) "
              + "(\(row.amount) \(row.unit) last month)")
        }
        let services = Array(Set(rows.map(\.service))).sorted()
        risks.append(
          (
            .ongoingSpend,
            "\(who) spent money last month on \(services.count) service(s) "
              + "(\(services.prefix(5).joined(separator: ", "))\(services.count > 5 ? ", …" : "")); "
              + "a final bill follows closure, and charges resume if it is reopened (rules C21, C22)",
            "Terminate what should stop before closing; expect one more bill"
          ))
      }
      if facts.emailReuseNeeded == true {
        tasks.append(
          "Change the root email before closing (account:StartPrimaryEmailUpdate, then "
            + "AcceptPrimaryEmailUpdate with the code sent): the address is burned at closure")
        risks.append(
          (
            .emailReuseRequired,
            "\(who): its root email \(account.email) must be reused, but "
              + "an address can never be reused once its account is closed (rule C20)",
            "Change the root email before the account is closed"
          ))
      }
      if facts.govCloudLinked == true {
        tasks.append(
          "Terminate GovCloud resources and delete GovCloud IAM users and keys: closing this "
            + "account closes its linked GovCloud account too")
        risks.append(
          (
            .govCloudLinked,
            "\(who) is linked to an AWS GovCloud (US) account, which closes with "
              + "it; GovCloud resources are not terminated by the closure (rules B17, I58)",
            "Terminate GovCloud resources and users first; a GovCloud management account needs "
              + "its GovCloud organization deleted before it can close"
          ))
      }
      if facts.cloudTrailTrails == true {
        tasks.append(
          "Delete the CloudTrail trails that should stop (aws cloudtrail delete-trail): closure "
            + "does not stop them")
        risks.append(
          (
            .cloudTrailTrailsPersist,
            "\(who) has CloudTrail trails; they keep existing and delivering events after the "
              + "account is closed unless deleted first (rule C25)",
            "Delete the trails that should stop before the account is closed"
          ))
      }
      if facts.hardwareMfa == true {
        tasks.append(
          "Deactivate the hardware MFA tokens to be reused (root and IAM users) before closing")
        risks.append(
          (
            .hardwareMFAAttached,
            "\(who) has hardware MFA tokens that are to be reused; closure does not detach them, "
              + "and a token still attached at permanent closure can never be used again "
              + "(rule C26)",
            "Deactivate the tokens (iam:DeactivateMFADevice) before the account is closed"
          ))
      }
    } else {
      tasks += [
        "Tell the account's owner it pays its own bills from removal on (rule D28)",
        "Export its cost history: it can no longer see the organization period's data (rule D34)",
        "Review its IAM permissions: SCPs stop applying when it leaves (rule D34)",
        "Check policies that use aws:PrincipalOrgID; they stop matching this account (rule D34)",
      ]
    }
    if facts.unpaidBalance == true {
      tasks.append("Settle the unpaid balance")
      risks.append(
        (
          .unpaidBalance,
          "\(who) has an unpaid balance; outstanding invoices stay owed, and "
            + "reopening a closed account needs it paid within 60 days (rules C19, C21)",
          "Settle the balance before the account leaves"
        ))
    }
    if facts.reservedInstances == true {
      tasks.append("Sell eligible Reserved Instances or accept their invoices until they expire")
      risks.append(
        (
          .reservedInstances,
          "\(who) holds Reserved Instances, invoiced until they expire even "
            + "after closure (rule C21)", "Sell eligible RIs or accept the remaining liability"
        ))
    }
    if facts.savingsPlans == true {
      tasks.append(
        "Return Savings Plans still within returnableUntil and delete queued ones; the rest "
          + "are invoiced until they expire")
      risks.append(
        (
          .activeSavingsPlans,
          "\(who) holds Savings Plans, invoiced until they expire even after "
            + "closure (rules C21, L66)",
          "Return plans before returnableUntil, delete queued plans, accept the rest"
        ))
    }
    if facts.marketplaceSubscriptions == true {
      tasks.append("Terminate Marketplace software and cancel each subscription by hand")
      risks.append(
        (
          .marketplaceSubscriptions,
          "\(who) has AWS Marketplace subscriptions, which closure "
            + "does not cancel (rule C23)",
          "Cancel them in the Marketplace console (Manage subscriptions)"
        ))
    }
    if facts.route53Domains == true {
      tasks.append(
        "Transfer Route 53 domains (TransferDomainToAnotherAwsAccount; the recipient accepts "
          + "within 3 days), or delete them or turn off auto-renew")
      risks.append(
        (
          .route53Domains,
          "\(who) has Route 53 registered domains; after closure they are "
            + "suspended within 5 days and deleted or released within 30 (rule C24)",
          "Transfer them to another account first, or delete them deliberately"
        ))
    }
    if let notes = facts.notes, !notes.isEmpty {
      tasks.append(PlanRedaction.operatorNotePrefix + notes)
    }
    guard !tasks.isEmpty else { return nil }

    let step = add(
      .prepareAccount(account.id), tasks: tasks)
    for (code, message, remediation) in risks {
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
