import OrgGraph

extension PlanAssembly {
  /// Days after the last closure before closed members are expected to have left the
  /// organization: the 90-day post-closure period (rule C18) plus a buffer for the
  /// "few days" AWS takes to drop them (reference §4.8).
  static let permanentClosureDays = 90 + 7

  /// Adds the steps and findings that concern the whole organization and come first.
  mutating func planOrganizationStart() {
    exportBillingHistory = add(
      .exportBillingHistory,
      title: "Export the organization's billing history",
      tasks: [
        "Export Cost and Usage Reports and Cost Explorer reports",
        "Download invoices (invoicing:ListInvoiceSummaries, GetInvoicePDF)",
        "Export Savings Plans and Reserved Instance utilization and coverage reports",
        "Cost data is deleted with the organization and a removed member loses its view of it "
          + "(rules D34, E40)",
      ])

    switch organization.featureSet {
    case .all:
      break
    case .consolidatedBilling:
      report(
        .orgNotAllFeatures, .info,
        message: "The organization uses CONSOLIDATED_BILLING: CloseAccount, centralized root "
          + "access and the account-email API are unavailable, so members are closed or removed "
          + "by root sign-in (rules A5, B15)",
        remediation: "Nothing to do: the plan uses root sign-in; enabling all features "
          + "(EnableAllFeatures) would allow CloseAccount")
    case .unknown(let raw):
      report(
        .unknownFeatureSet, .blocking,
        message: "The organization's feature set \"\(raw)\" is unknown to this version of "
          + "orgclose; the plan assumes CloseAccount is unavailable",
        remediation: "Check the feature set in the console; upgrade orgclose")
    }

    for handshake in organization.handshakes where handshake.isOpenInvitation {
      let cancel = add(
        .cancelInvitation, subject: handshake.id.rawValue,
        title: "Cancel the open invitation \(handshake.id)",
        tasks: ["aws organizations cancel-handshake --handshake-id \(handshake.id)"])
      organizationGates.append(cancel)
      report(
        .openInvitations, .warning, step: cancel,
        message: "Invitation \(handshake.id) is \(handshake.state): it counts toward the "
          + "account quota and could still bring an account in (rules J59, J61)",
        remediation: "Cancel it (the plan does); whether it blocks DeleteOrganization is "
          + "undocumented (reference §4.9)")
    }

    for transfer in organization.responsibilityTransfers where transfer.isActive {
      addTransferEnd(transfer)
    }

    for gap in organization.gaps {
      let blocking = ["delegatedAdministrators", "handshakes", "responsibilityTransfers"]
        .contains(gap.section)
      report(
        .snapshotGap, blocking ? .blocking : .warning,
        message: "The snapshot could not read \(gap.section): \(gap.reason)",
        remediation: blocking
          ? "Grant the missing permission and take a new snapshot: the plan depends on it"
          : "Grant the missing permission and take a new snapshot, or accept the gap")
    }

    if !organization.enabledServicePrincipals.isEmpty {
      let services = organization.enabledServicePrincipals
      report(
        .trustedAccessEnabled, .info,
        message: "\(services.count) service(s) have trusted access ("
          + services.prefix(6).joined(separator: ", ") + (services.count > 6 ? ", …" : "")
          + "); what depends on the organization stops working when it is deleted (rule E41)",
        remediation: "Move what must survive (for example IAM Identity Center users) elsewhere")
    }

    let pending = pendingClosures
    if pending >= CloseQuotaRule.concurrentClosures {
      report(
        .closeConcurrencyFull, .warning,
        message:
          "\(pending) members are PENDING_CLOSURE, so all \(CloseQuotaRule.concurrentClosures) "
          + "concurrent-closure slots are taken (rule B12); CloseAccount fails until one finishes",
        remediation: "Start the first close steps once a pending closure reads CLOSED")
    }
  }

  /// Ends an active billing responsibility transfer (rule E38).
  private mutating func addTransferEnd(_ transfer: ResponsibilityTransfer) {
    let subject = transfer.id.rawValue
    let gate: Int
    let summary: String
    if transfer.status == "REQUESTED" {
      // A pending invitation is withdrawn (outbound) or declined (inbound); no month-end wait.
      let call = transfer.direction == .outbound ? "cancel-handshake" : "decline-handshake"
      gate = add(
        .endResponsibilityTransfer, subject: subject,
        title: "Withdraw or decline the pending \(transfer.direction.rawValue) transfer \(subject)",
        tasks: ["aws organizations \(call) --handshake-id <the transfer's ActiveHandshakeId>"])
      summary = "is REQUESTED (an invitation is pending)"
    } else {
      var before: [Int] = []
      let end: CalendarDay
      if let scheduled = transfer.endTimestamp {
        end = max(scheduled.firstFullDay(afterAdding: 0), startDate)
      } else {
        // The end date must be the last instant of a month (END_DATE_NOT_END_OF_MONTH).
        end = startDate.firstDayOfNextMonth
        let lastDay = end.adding(days: -1)
        before = [
          add(
            .endResponsibilityTransfer, subject: subject,
            title: "Terminate the \(transfer.direction.rawValue) transfer \(subject) at the end "
              + "of \(lastDay)",
            tasks: [
              "aws organizations terminate-responsibility-transfer --id \(subject) "
                + "--end-timestamp \(lastDay)T23:59:59Z"
            ])
        ]
      }
      gate = add(
        .awaitResponsibilityTransferEnd, subject: subject, after: before,
        title: "Wait until the transfer \(subject) has ended",
        tasks: ["aws organizations describe-responsibility-transfer --id \(subject)"],
        earliest: end)
      summary = "is ACCEPTED and ends at a month boundary at the earliest"
    }
    organizationGates.append(gate)
    report(
      .responsibilityTransferActive, .warning, step: gate,
      message: "Billing responsibility transfer \(subject) (\(transfer.direction.rawValue)) "
        + "\(summary); DeleteOrganization fails while it is active (rule E38)",
      remediation: "End it first (the plan does); billing responsibility changes with it")
  }

  /// Adds the organization's last steps: the 90-day wait where needed, `DeleteOrganization`
  /// where the strategy calls for it, and the management account's closure.
  mutating func planOrganizationEnd() {
    let memberOutcomes = memberPositions.compactMap { outcomes[$0] }
    let terminals = memberOutcomes.compactMap(\.terminalStep)
    var closedInPlace: [Int] = []
    var alreadyClosed = false
    for outcome in memberOutcomes where outcome.disposition == .close {
      if let step = outcome.terminalStep {
        closedInPlace.append(step)
      } else {
        alreadyClosed = true
      }
    }

    var managementAfter = [exportBillingHistory] + organizationGates
    var deletion: Int?
    if strategy.deletesOrganization {
      var deleteAfter = [exportBillingHistory] + organizationGates
      // Rule E37: only membership matters; a removed account's closure as a standalone
      // account does not hold up DeleteOrganization (the management closure waits for it).
      let removed = memberOutcomes.compactMap { outcome -> Int? in
        guard outcome.disposition != .close else { return nil }
        return outcome.removalStep ?? outcome.terminalStep
      }
      deleteAfter += removed
      if !closedInPlace.isEmpty || alreadyClosed {
        // Rules D32, E37: closed members block DeleteOrganization until permanently closed.
        let wait = add(
          .awaitPermanentClosure, after: closedInPlace,
          title: "Wait until every closed member has left the organization "
            + "(90-day post-closure period plus 7 days)",
          tasks: ["aws organizations list-accounts (only the management account may remain)"],
          earliest: alreadyClosed ? startDate.adding(days: Self.permanentClosureDays) : nil)
        steps[wait].delayAfterPrerequisites = closedInPlace.isEmpty ? 0 : Self.permanentClosureDays
        deleteAfter.append(wait)
        let count = memberOutcomes.count { $0.disposition == .close }
        if strategy == .removeThenDelete {
          report(
            .mixedCloseAndDelete, .warning, step: wait,
            message: "\(count) member(s) are closed in place while the strategy deletes the "
              + "organization: DeleteOrganization must wait about 97 days after the last "
              + "closure (rules D32, E37)",
            remediation: "Remove those members instead, or accept the wait")
        } else {
          report(
            .permanentClosureWait, .info, step: wait,
            message: "\(count) closed member(s) stay in the organization for their 90-day "
              + "post-closure period; DeleteOrganization waits for them (rules C18, E37)",
            remediation: "Nothing to do: the wait is scheduled")
        }
      }
      let delete = add(
        .deleteOrganization, after: deleteAfter,
        title: "Delete the organization \(organization.id)",
        tasks: [
          "aws organizations delete-organization",
          "Irreversible: every organization policy is deleted with it (rule E39)",
        ])
      managementAfter = [delete]
      deletion = delete
    }
    // Rule F44: no member may still be active; the management account is closed last.
    managementAfter += terminals
    planManagement(after: managementAfter)
    // Without DeleteOrganization, the organization ends with the management account's closure.
    reportOrganizationFacts(ending: deletion ?? outcomes[managementPosition]?.terminalStep)
  }

  /// Warnings from the policy's facts about the organization, attached to the step that ends
  /// it (reference §4.11: neither is documented as blocking DeleteOrganization, so both warn).
  private mutating func reportOrganizationFacts(ending step: Int?) {
    if policy.organization.controlTowerLandingZone == true {
      report(
        .controlTowerLandingZone, .warning, step: step,
        message: "An AWS Control Tower landing zone is deployed; decommissioning it leaves S3 log "
          + "buckets, the aws-controltower/CloudTrailLogs log group and the Security and Sandbox "
          + "OUs to clean up by hand, and how it interacts with DeleteOrganization is "
          + "undocumented (rule H56)",
        remediation: "Once no enrolled account needs it, decommission it with "
          + "controltower:DeleteLandingZone (asynchronous, irreversible) and clean up what it "
          + "leaves; its Log Archive and Audit accounts close like any member")
    }
    if policy.organization.identityCenterInstance == true {
      report(
        .identityCenterOrganizationInstance, .warning, step: step,
        message: "An organization instance of IAM Identity Center is in use; it stops working "
          + "when the organization is deleted, and its users lose the access it gives (rule E41)",
        remediation: "Move its users to another identity source first; only the account that "
          + "owns the instance can delete it (sso-admin DeleteInstance)")
    }
  }

  /// Closes the management account by hand, last (rules F43–F46).
  private mutating func planManagement(after: [Int]) {
    let management = organization.managementAccount
    let who = label(management)
    let facts = policy.management.overlaying(policy.defaults.facts)
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
      .closeManagementAccount, subject: management.id.rawValue, account: management.id,
      after: before, title: "Close the management account \(who) as root, last",
      tasks: [
        "Sign in as root with the address \(management.email)",
        "Check that no member is ACTIVE, SUSPENDED or PENDING_CLOSURE (rule F44)",
        "Open the Account page and choose Close account: no API or CLI can do this (rule F43)",
        "Keep the confirmation email; the 90-day post-closure period starts now (rule C18)",
      ])
    reportRootMFA(management, facts: facts, step: reset.first ?? close)
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
}
