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

    planHandshakes()
    planTransfers()
    reportSnapshotAge()

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
    // A management account that is closed or closing can call nothing, and AWS deletes the
    // organization when its post-closure period ends (rule F45).
    if strategy.deletesOrganization && !organization.managementAccount.state.hasLeftService {
      var deleteAfter = [exportBillingHistory] + organizationGates
      // Rule E37: only membership matters; a removed account's closure as a standalone
      // account does not hold up DeleteOrganization (the management closure waits for it).
      let removed = memberOutcomes.compactMap { outcome -> Int? in
        guard outcome.disposition != .close else { return nil }
        return outcome.removalStep ?? outcome.terminalStep
      }
      deleteAfter += removed
      if !closedInPlace.isEmpty || alreadyClosed {
        deleteAfter.append(
          addPermanentClosureWait(
            after: closedInPlace, alreadyClosed: alreadyClosed,
            count: memberOutcomes.count { $0.disposition == .close }))
      }
      if let decommission = addLandingZoneDecommission() { deleteAfter.append(decommission) }
      let delete = add(
        .deleteOrganization, after: deleteAfter,
        tasks: ["Irreversible: every organization policy is deleted with it (rule E39)"])
      managementAfter = [delete]
      deletion = delete
    }
    // Rule F44: no member may still be active; the management account is closed last.
    managementAfter += terminals
    planManagement(after: managementAfter)
    // Without DeleteOrganization, the organization ends with the management account's closure.
    reportOrganizationFacts(ending: deletion ?? outcomes[managementPosition]?.terminalStep)
  }

  /// Waits until every member closed in place has left the organization (rules D32, E37).
  private mutating func addPermanentClosureWait(
    after closedInPlace: [Int], alreadyClosed: Bool, count: Int
  ) -> Int {
    let wait = add(
      .awaitPermanentClosure, after: closedInPlace,
      tasks: ["Only the management account may remain"],
      earliest: alreadyClosed ? startDate.adding(days: Self.permanentClosureDays) : nil)
    steps[wait].delayAfterPrerequisites = closedInPlace.isEmpty ? 0 : Self.permanentClosureDays
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
    return wait
  }

  /// Decommissions a Control Tower landing zone the policy says is deployed, once every
  /// enrolled account is unmanaged and before the organization is deleted (reference §3
  /// step 4b, rule H56).
  private mutating func addLandingZoneDecommission() -> Int? {
    guard policy.organization.controlTowerLandingZone == true else { return nil }
    let unmanaged = steps.indices.filter { steps[$0].action.name == .unmanageControlTowerAccount }
    return add(
      .decommissionLandingZone, after: [exportBillingHistory] + unmanaged,
      tasks: [
        "Find its ARN: aws controltower list-landing-zones",
        "aws controltower delete-landing-zone --landing-zone-identifier <that ARN> "
          + "(asynchronous and irreversible)",
        "Wait until aws controltower get-landing-zone-operation reports SUCCEEDED",
        "Clean up what it leaves: the S3 log buckets, the aws-controltower/CloudTrailLogs log "
          + "group, and the Security and Sandbox OUs (rule H56)",
      ])
  }

  /// Warnings from the policy's facts about the organization, attached to the step that ends
  /// it, or to the landing zone's decommission (reference §4.11: neither is documented as
  /// blocking DeleteOrganization, so both warn).
  private mutating func reportOrganizationFacts(ending step: Int?) {
    if policy.organization.controlTowerLandingZone == true {
      let decommission = steps.indices.last { steps[$0].action == .decommissionLandingZone }
      report(
        .controlTowerLandingZone, .warning, step: decommission ?? step,
        message: "An AWS Control Tower landing zone is deployed; decommissioning it leaves S3 log "
          + "buckets, the aws-controltower/CloudTrailLogs log group and the Security and Sandbox "
          + "OUs to clean up by hand, and how it interacts with DeleteOrganization is "
          + "undocumented (rule H56)",
        remediation: decommission != nil
          ? "The plan decommissions it after every enrolled account is unmanaged and before "
            + "DeleteOrganization; its Log Archive and Audit accounts close like any member"
          : "Once no enrolled account needs it, decommission it with "
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
}
