import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

@Suite struct OrganizationRuleTests {
  @Test("rule E38: an accepted transfer ends at the month boundary before DeleteOrganization")
  func acceptedTransferEndsAtMonthEnd() throws {
    let transfer = ResponsibilityTransfer(
      id: ResponsibilityTransferID(unchecked: "rt-transfer01"), direction: .outbound,
      status: .accepted, endTimestamp: nil)
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)], transfers: [transfer]),
      policy: Policy(strategy: .removeThenDelete))
    let end = try #require(plan.step("end-responsibility-transfer:rt-transfer01"))
    #expect(end.call == "organizations:TerminateResponsibilityTransfer")
    let wait = try #require(plan.step("await-responsibility-transfer-end:rt-transfer01"))
    #expect(wait.notBefore == CalendarDay(iso8601: "2027-01-01"))
    #expect(plan.depends("delete-organization", on: wait.id))
    #expect(plan.findings("RESPONSIBILITY_TRANSFER_ACTIVE").count == 1)
  }

  @Test("rule E38: ended transfers are ignored")
  func endedTransfersAreIgnored() throws {
    let transfer = ResponsibilityTransfer(
      id: ResponsibilityTransferID(unchecked: "rt-transfer02"), direction: .inbound,
      status: .declined, endTimestamp: nil)
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)], transfers: [transfer]))
    #expect(plan.steps.allSatisfy { !$0.id.contains("rt-transfer02") })
  }

  @Test("rule J61: open invitations are cancelled before the end; answered ones are not")
  func openInvitationsAreCancelled() throws {
    let handshakes = [
      Handshake(id: HandshakeID(unchecked: "h-open00001"), action: .invite, state: .open),
      Handshake(id: HandshakeID(unchecked: "h-done00001"), action: .invite, state: .accepted),
    ]
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)], handshakes: handshakes))
    #expect(plan.step("cancel-invitation:h-open00001")?.call == "organizations:CancelHandshake")
    #expect(plan.step("cancel-invitation:h-done00001") == nil)
    #expect(
      plan.depends(
        "close-management-account:\(Fixtures.managementID)", on: "cancel-invitation:h-open00001"))
  }

  @Test("rule E40: billing history is exported before any account leaves or closes")
  func billingExportComesFirst() throws {
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1), Fixtures.member(2)]),
      policy: Policy(strategy: .removeThenDelete))
    #expect(plan.step("export-billing-history")?.wave == 0)
    #expect(plan.depends("remove-account:\(Fixtures.account(1))", on: "export-billing-history"))
    #expect(plan.depends("delete-organization", on: "export-billing-history"))
  }

  @Test("a snapshot gap the plan depends on blocks; a cost gap warns")
  func gapsBecomeFindings() throws {
    let plan = try Fixtures.plan(
      try Fixtures.organization(
        members: [Fixtures.member(1)],
        gaps: [
          SnapshotGap(section: "delegatedAdministrators", reason: "AccessDeniedException"),
          SnapshotGap(section: "costs", reason: "AccessDeniedException"),
        ]))
    let severities = plan.findings("SNAPSHOT_GAP").map(\.severity)
    #expect(severities == [.blocking, .warning])
  }

  @Test("rules F43, F46: the management account is closed by hand after its own reset")
  func managementAccountNeedsRoot() throws {
    let policy = Policy(management: AccountFacts(rootPassword: .unknown))
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    let id = Fixtures.managementID
    #expect(plan.depends("close-management-account:\(id)", on: "reset-root-password:\(id)"))
    #expect(plan.step("close-account:\(id)") == nil)
    #expect(plan.step("remove-account:\(id)") == nil)

    let removed = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]),
      policy: Policy(management: AccountFacts(rootPassword: .removed)))
    #expect(removed.findings("ROOT_CREDENTIALS_REMOVED").first?.severity == .blocking)
    #expect(removed.step("enable-root-password-recovery:\(id)") == nil)
  }

  @Test("rules F46, G53: the management account's root MFA warning sits on its first root step")
  func managementRootMFA() throws {
    let id = Fixtures.managementID
    let known = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]),
      policy: Policy(management: AccountFacts(rootMfaReady: false)))
    let finding = try #require(known.findings("ROOT_MFA_REQUIRED").first)
    #expect(finding.step == "close-management-account:\(id)")
    #expect(finding.message.contains("rule F46"))
    let unknown = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]),
      policy: Policy(management: AccountFacts(rootPassword: .unknown, rootMfaReady: false)))
    #expect(unknown.findings("ROOT_MFA_REQUIRED").first?.step == "reset-root-password:\(id)")
  }

  @Test(
    "rules E41, H56: a landing zone and an Identity Center instance warn on the step ending the organization"
  )
  func organizationFactsWarn() throws {
    let facts = OrganizationFacts(controlTowerLandingZone: true, identityCenterInstance: true)
    let codes = ["CONTROL_TOWER_LANDING_ZONE", "IDENTITY_CENTER_ORG_INSTANCE"]
    let deleting = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]),
      policy: Policy(strategy: .closeThenDelete, organization: facts))
    let inPlace = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]),
      policy: Policy(strategy: .closeInPlace, organization: facts))
    for code in codes {
      let deleted = try #require(deleting.findings(code).first, "\(code)")
      #expect(deleted.severity == .warning)
      #expect(deleted.account == nil)
      // Rule H56: the landing zone warns on its own decommission step.
      let ending =
        code == "CONTROL_TOWER_LANDING_ZONE" ? "decommission-landing-zone" : "delete-organization"
      #expect(deleted.step?.rawValue == ending)
      // Without DeleteOrganization, AWS deletes the organization after the management closure.
      #expect(
        inPlace.findings(code).first?.step == "close-management-account:\(Fixtures.managementID)")
    }
    // Rule 4.11 of the reference: undocumented as blockers, so nothing blocks because of them.
    #expect(deleting.summary.blocking == 0)

    let stated = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]),
      policy: Policy(
        organization: OrganizationFacts(
          controlTowerLandingZone: false, identityCenterInstance: false)))
    for code in codes { #expect(stated.findings(code).isEmpty, "\(code)") }
  }

  @Test("a protected management account stays open after DeleteOrganization; close-in-place blocks")
  func protectedManagementAccount() throws {
    let id = Fixtures.managementID
    let deleting = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]),
      policy: Policy(strategy: .closeThenDelete, protectedAccounts: [id]))
    #expect(deleting.step("close-management-account:\(id)") == nil)
    #expect(deleting.findings("MANAGEMENT_ACCOUNT_PROTECTED").first?.severity == .info)
    let inPlace = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]),
      policy: Policy(protectedAccounts: [id]))
    #expect(inPlace.findings("MANAGEMENT_ACCOUNT_PROTECTED").first?.severity == .blocking)
  }

  @Test("rule D33: the policy cannot treat the management account as a member")
  func policyRejectsManagementAsMember() throws {
    var policy = Policy()
    policy.accounts[Fixtures.managementID] = AccountPolicy(disposition: .remove)
    #expect(
      throws: PlanningError.managementAccountAsMember(
        path: "accounts.\(Fixtures.managementID)", Fixtures.managementID)
    ) {
      try Fixtures.plan(try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    }
  }

  @Test("the policy cannot name accounts the snapshot lacks")
  func policyRejectsUnknownAccounts() throws {
    let policy = Policy(protectedAccounts: [Fixtures.account(99)])
    #expect(throws: PlanningError.unknownAccount(path: "protectedAccounts", Fixtures.account(99))) {
      try Fixtures.plan(try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    }
  }
}
