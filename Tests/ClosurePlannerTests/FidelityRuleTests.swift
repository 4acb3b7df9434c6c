import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

/// Plans AWS's documentation shows wrong or misleading unless these rules hold (reference §6).
@Suite struct FidelityRuleTests {
  static func organization(
    management state: AccountState = .active, members: [Account] = [Fixtures.member(1)],
    featureSet: FeatureSet = .all, admins: [DelegatedAdministrator] = []
  ) throws -> Organization {
    var management = Fixtures.management
    management.state = state
    return try Organization(
      validating: .init(
        id: OrganizationID(unchecked: "o-testorg001"), featureSet: featureSet,
        managementAccountID: Fixtures.managementID,
        roots: [Root(id: Fixtures.rootID, name: "Root")], accounts: [management] + members,
        delegatedAdministrators: admins))
  }

  var managementClose: String { "close-management-account:\(Fixtures.managementID)" }

  // MARK: Rule B11a

  @Test("rule B11a: a closeQuota above the rule value is refused, naming it and the rule")
  func quotaAboveTheRuleIsRefused() throws {
    let organization = try Self.organization()
    #expect(
      throws: PlanningError.closeQuotaAboveRule(path: "closeQuota", 251, rule: 250, members: 1)
    ) {
      try Fixtures.plan(organization, policy: Policy(closeQuota: 251))
    }
    let error = PlanningError.closeQuotaAboveRule(path: "closeQuota", 251, rule: 250, members: 1)
    #expect(
      error.description
        == "closeQuota: 251 is above the CloseAccount quota of 250 for 1 members (rule B11: "
        + "min(1000, max(250, 20% of members)) per 30 days, which AWS does not raise); set at "
        + "most 250, or leave closeQuota out")
    #expect(error.policyPath == "closeQuota")
    let lower = try Fixtures.plan(organization, policy: Policy(closeQuota: 250))
    #expect(lower.closeQuota.perWindow == 250)
  }

  @Test("rule B11a: recent closures above the quota leave window 1 empty and say so")
  func recentClosuresAboveTheQuota() throws {
    let plan = try Fixtures.plan(
      try Self.organization(members: (1...3).map { Fixtures.member($0) }),
      policy: Policy(closeQuota: 2, closuresInLast30Days: 5))
    #expect(plan.closeQuota.firstWindow == 0)
    #expect(plan.closeQuota.closuresInLast30Days == 5)
    let windows = plan.steps.filter { $0.action.name.rawValue == "close-account" }.compactMap(
      \.window)
    #expect(windows.sorted() == [2, 2, 3])
    let finding = try #require(plan.findings("CLOSE_QUOTA_EXHAUSTED").first)
    #expect(finding.message.contains("more than the quota"))
    #expect(finding.message.contains("window 1 is empty"))
  }

  @Test("rules B11, B12: recent closures and pending members add up in the first window")
  func recentAndPendingAddUp() throws {
    let members =
      [Fixtures.member(1, state: .pendingClosure)] + (2...4).map { Fixtures.member($0) }
    let plan = try Fixtures.plan(
      try Self.organization(members: members), policy: Policy(closuresInLast30Days: 10))
    #expect(plan.closeQuota.firstWindow == 250 - 10 - 1)
    let finding = try #require(plan.findings("CLOSE_QUOTA_FIRST_WINDOW").first)
    #expect(finding.message.contains("less 10 closure(s) in the last 30 days"))
    #expect(finding.message.contains("less 1 member(s) PENDING_CLOSURE"))
  }

  // MARK: The management account (rules A6, D31a, F44, F45)

  @Test("rule A6: a management account suspended by AWS blocks, as a member does")
  func suspendedManagementBlocks() throws {
    let plan = try Fixtures.plan(try Self.organization(management: .suspended))
    let finding = try #require(plan.findings("ACCOUNT_SUSPENDED_BY_AWS").first)
    #expect(finding.severity == .blocking)
    #expect(finding.account == Fixtures.managementID)
  }

  @Test(
    "rule F45: a management account already CLOSED gets no close step; the finding says where the shutdown stands",
    arguments: [Strategy.closeInPlace, .closeThenDelete, .removeThenDelete])
  func closedManagementIsNotClosedAgain(_ strategy: Strategy) throws {
    let plan = try Fixtures.plan(
      try Self.organization(management: .closed, members: [Fixtures.member(1, state: .closed)]),
      policy: Policy(strategy: strategy))
    #expect(plan.step(managementClose) == nil)
    #expect(plan.step("delete-organization") == nil, "a closed account can call nothing")
    let finding = try #require(plan.findings("MANAGEMENT_ACCOUNT_ALREADY_CLOSED").first)
    #expect(finding.severity == .info)
    #expect(finding.message.contains("last stage"))
    #expect(plan.summary.blocking == 0)
  }

  @Test("rule F44: a closed management account with open members blocks")
  func closedManagementWithOpenMembersBlocks() throws {
    let plan = try Fixtures.plan(try Self.organization(management: .closed))
    let finding = try #require(plan.findings("ACTIVE_MEMBERS_REMAIN").first)
    #expect(finding.severity == .blocking)
    #expect(finding.message.contains(Fixtures.account(1).rawValue))
  }

  @Test("rule B8: a management account PENDING_CLOSURE is waited for, not closed again")
  func pendingManagementIsAwaited() throws {
    let plan = try Fixtures.plan(
      try Self.organization(
        management: .pendingClosure, members: [Fixtures.member(1, state: .closed)]))
    #expect(plan.step(managementClose) == nil)
    let wait = try #require(plan.step("await-account-closed:\(Fixtures.managementID)"))
    #expect(wait.call == "organizations:DescribeAccount")
    #expect(plan.findings("MANAGEMENT_ACCOUNT_ALREADY_CLOSED").first?.step == wait.id)
  }

  @Test("rule D31a: the management account listed as delegated administrator is reported")
  func managementAsDelegatedAdministrator() throws {
    let admin = DelegatedAdministrator(
      accountID: Fixtures.managementID, servicePrincipal: "guardduty.amazonaws.com")
    let plan = try Fixtures.plan(try Self.organization(admins: [admin]))
    let finding = try #require(plan.findings("IMPOSSIBLE_DELEGATED_ADMINISTRATOR").first)
    #expect(finding.severity == .blocking)
    #expect(finding.account == Fixtures.managementID)
    #expect(finding.message.contains("guardduty.amazonaws.com"))
  }

  @Test("rule D31a: a delegated administrator in a CONSOLIDATED_BILLING organization is reported")
  func delegatedAdministratorWithoutAllFeatures() throws {
    let admin = DelegatedAdministrator(
      accountID: Fixtures.account(1), servicePrincipal: "config.amazonaws.com")
    let plan = try Fixtures.plan(
      try Self.organization(featureSet: .consolidatedBilling, admins: [admin]))
    let finding = try #require(plan.findings("IMPOSSIBLE_DELEGATED_ADMINISTRATOR").first)
    #expect(finding.severity == .blocking)
    #expect(finding.account == Fixtures.account(1))
    #expect(plan.steps.allSatisfy { $0.action.name.rawValue != "deregister-delegated-admin" })
  }

  @Test("rule D31: a delegated administrator whose account is not in the snapshot is invalid")
  func delegatedAdministratorOutsideTheSnapshot() throws {
    let admin = DelegatedAdministrator(
      accountID: Fixtures.account(9), servicePrincipal: "config.amazonaws.com")
    #expect(
      throws: StructureError(
        path: "delegatedAdministrators[0].accountId",
        message: "\"\(Fixtures.account(9))\" (delegated administrator for config.amazonaws.com) "
          + "is not one of the snapshot's accounts")
    ) { try Self.organization(admins: [admin]) }
  }

  @Test("policy defaults never apply to the management account")
  func defaultsAreForMembers() throws {
    let policy = Policy(
      strategy: .removeThenDelete,
      defaults: AccountPolicy(facts: AccountFacts(rootPassword: .removed, dataBackedUp: true)))
    let plan = try Fixtures.plan(try Self.organization(), policy: policy)
    let management = Fixtures.managementID
    #expect(plan.findings.allSatisfy { $0.account != management || $0.severity != .blocking })
    #expect(plan.findings("ROOT_CREDENTIALS_REMOVED").allSatisfy { $0.account != management })
    // The member still gets the defaults: its root credentials were removed.
    #expect(
      plan.findings("ROOT_CREDENTIALS_REMOVED").map(\.account) == [Fixtures.account(1)])
    #expect(
      plan.step("prepare-account:\(management)")?.checklist.first?.hasPrefix("Back up") == true)
  }

  // MARK: Members (rules D29a, A6a)

  @Test(
    "rule D29a: only created members need the standalone sign-up, and without standaloneReady it warns",
    arguments: [JoinedMethod.created, .invited])
  func standaloneSignupOnlyForCreatedAccounts(_ method: JoinedMethod) throws {
    let plan = try Fixtures.plan(
      try Self.organization(members: [Fixtures.member(1, joinedMethod: method)]),
      policy: Policy(strategy: .removeThenDelete))
    let signup = plan.step("complete-standalone-signup:\(Fixtures.account(1))")
    let findings = plan.findings("STANDALONE_INFO_MISSING")
    if method == .created {
      #expect(signup != nil)
      #expect(findings.map(\.severity) == [.warning])
      #expect(
        plan.depends("remove-account:\(Fixtures.account(1))", on: try #require(signup).id.rawValue))
    } else {
      #expect(signup == nil)
      #expect(findings.isEmpty)
    }
  }

  @Test("rule A6a: a member known only as Status SUSPENDED is not active, with a warning")
  func legacySuspendedIsAmbiguous() throws {
    let plan = try Fixtures.plan(
      try Self.organization(members: [Fixtures.member(1, state: .closedOrSuspended)]),
      policy: Policy(strategy: .closeThenDelete))
    #expect(plan.stepIDs(for: Fixtures.account(1)).isEmpty)
    let finding = try #require(plan.findings("LEGACY_STATUS_AMBIGUOUS").first)
    #expect(finding.severity == .warning)
    #expect(finding.message.contains("2026-09-09"))
    #expect(plan.findings("ACCOUNT_ALREADY_CLOSED").isEmpty)
    // Not active: the management account is not held back by it, the deletion waits for it.
    #expect(plan.step("await-permanent-closure") != nil)
  }

  // MARK: Dates and the landing zone (rule H56)

  @Test("a start more than 30 days after the snapshot warns that the snapshot is old")
  func oldSnapshotWarns() throws {
    let old = try Organization(
      validating: .init(
        id: OrganizationID(unchecked: "o-testorg001"), featureSet: .all,
        managementAccountID: Fixtures.managementID,
        roots: [Root(id: Fixtures.rootID, name: "Root")],
        accounts: [Fixtures.management, Fixtures.member(1)],
        capturedAt: Timestamp(iso8601: "2026-10-31T10:00:00Z")))
    let plan = try Fixtures.plan(old)
    let finding = try #require(plan.findings("SNAPSHOT_OLD").first)
    #expect(finding.severity == .warning)
    #expect(finding.message.contains("31 days after"))
    let fresh = try Organization(
      validating: .init(
        id: OrganizationID(unchecked: "o-testorg001"), featureSet: .all,
        managementAccountID: Fixtures.managementID,
        roots: [Root(id: Fixtures.rootID, name: "Root")],
        accounts: [Fixtures.management, Fixtures.member(1)],
        capturedAt: Timestamp(iso8601: "2026-11-01T10:00:00Z")))
    #expect(try Fixtures.plan(fresh).findings("SNAPSHOT_OLD").isEmpty)
  }

  @Test("a joinedTimestamp after the snapshot's capturedAt is invalid")
  func joinedAfterCaptureIsInvalid() throws {
    #expect(throws: StructureError.self) {
      try Organization(
        validating: .init(
          id: OrganizationID(unchecked: "o-testorg001"), featureSet: .all,
          managementAccountID: Fixtures.managementID,
          roots: [Root(id: Fixtures.rootID, name: "Root")],
          accounts: [
            Fixtures.management,
            Fixtures.member(1, joined: Timestamp(iso8601: "2026-11-02T00:00:00Z")),
          ],
          capturedAt: Timestamp(iso8601: "2026-11-01T10:00:00Z")))
    }
  }

  @Test(
    "rule H56: deleting the organization decommissions the landing zone after every unmanage",
    arguments: [Strategy.closeThenDelete, .removeThenDelete, .closeInPlace])
  func landingZoneIsDecommissioned(_ strategy: Strategy) throws {
    var policy = Policy(
      strategy: strategy, organization: OrganizationFacts(controlTowerLandingZone: true))
    for n in 1...2 {
      policy.accounts[Fixtures.account(n)] = AccountPolicy(
        facts: AccountFacts(controlTowerEnrolled: true))
    }
    let plan = try Fixtures.plan(
      try Self.organization(members: [Fixtures.member(1), Fixtures.member(2), Fixtures.member(3)]),
      policy: policy)
    let decommission = plan.step("decommission-landing-zone")
    guard strategy.deletesOrganization else {
      #expect(decommission == nil)
      return
    }
    let step = try #require(decommission)
    #expect(step.kind == .manual)
    for n in 1...2 {
      #expect(step.after.contains("unmanage-control-tower-account:\(Fixtures.account(n))"))
    }
    #expect(plan.step("delete-organization")?.after.contains(step.id) == true)
  }
}
