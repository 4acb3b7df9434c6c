import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

@Suite struct MemberRuleTests {
  let id = Fixtures.account(1)

  @Test("rule D30: a created account is removed no earlier than 4 days after it joined")
  func createdAccountsWaitFourDays() throws {
    let joined = try #require(Timestamp(iso8601: "2026-11-29T16:45:00Z"))
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1, joined: joined)]),
      policy: Policy(strategy: .removeThenDelete))
    // 2026-11-29T16:45 + 4 days = 2026-12-03T16:45, so the first full day is 2026-12-04.
    #expect(plan.step("remove-account:\(id)")?.notBefore == CalendarDay(iso8601: "2026-12-04"))
    #expect(plan.findings("REMOVAL_WAIT_PERIOD").first?.step == "remove-account:\(id)")
  }

  @Test("rule D30: invited accounts and old created accounts have no removal wait")
  func noWaitForInvitedOrOldAccounts() throws {
    let recent = try #require(Timestamp(iso8601: "2026-11-30T00:00:00Z"))
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [
        Fixtures.member(1, joinedMethod: .invited, joined: recent), Fixtures.member(2),
      ]), policy: Policy(strategy: .removeThenDelete))
    #expect(plan.step("remove-account:\(id)")?.notBefore == Fixtures.startDate)
    #expect(plan.step("remove-account:\(Fixtures.account(2))")?.notBefore == Fixtures.startDate)
    #expect(plan.findings("REMOVAL_WAIT_PERIOD").isEmpty)
  }

  @Test("rule D31: a delegated administrator is deregistered for every service before it leaves")
  func delegatedAdministratorsAreDeregistered() throws {
    let admins = ["guardduty.amazonaws.com", "config.amazonaws.com"].map {
      DelegatedAdministrator(accountID: id, servicePrincipal: $0)
    }
    for strategy in Strategy.allCases {
      let plan = try Fixtures.plan(
        try Fixtures.organization(members: [Fixtures.member(1)], delegatedAdministrators: admins),
        policy: Policy(strategy: strategy))
      let terminal = try #require(plan.accounts.first { $0.id == id }?.terminalStep)
      for service in ["config.amazonaws.com", "guardduty.amazonaws.com"] {
        let step = "deregister-delegated-admin:\(id):\(service)"
        #expect(plan.step(step)?.call == "organizations:DeregisterDelegatedAdministrator")
        #expect(plan.depends(terminal.rawValue, on: step), "\(strategy)")
      }
      #expect(plan.findings("DELEGATED_ADMINISTRATOR").count == 1)
    }
  }

  @Test("rule D29: removal needs the standalone sign-up unless the account is ready")
  func standaloneSignup() throws {
    var policy = Policy(strategy: .removeThenDelete)
    policy.accounts[Fixtures.account(2)] = AccountPolicy(facts: AccountFacts(standaloneReady: true))
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1), Fixtures.member(2)]), policy: policy)
    #expect(plan.depends("remove-account:\(id)", on: "complete-standalone-signup:\(id)"))
    #expect(plan.step("complete-standalone-signup:\(Fixtures.account(2))") == nil)
  }

  @Test("rule D32: a closed member cannot be removed; nothing is planned for it")
  func closedMembersAreNotRemoved() throws {
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1, state: .closed)]),
      policy: Policy(strategy: .removeThenDelete))
    #expect(plan.stepIDs(for: id).isEmpty)
    #expect(plan.findings("ACCOUNT_ALREADY_CLOSED").first?.severity == .info)
    #expect(plan.findings("CLOSED_ACCOUNT_CANNOT_BE_REMOVED").first?.severity == .warning)
    // Still in the organization for up to 90 days: DeleteOrganization waits (rule E37).
    let wait = try #require(plan.step("await-permanent-closure"))
    #expect(wait.notBefore == Fixtures.startDate.adding(days: 97))
    #expect(plan.depends("delete-organization", on: "await-permanent-closure"))
  }

  @Test("rule B9: a PENDING_CLOSURE member is awaited, never closed again")
  func pendingClosureIsAwaited() throws {
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1, state: .pendingClosure)]))
    #expect(plan.stepIDs(for: id) == ["await-account-closed:\(id)"])
    #expect(plan.findings("ACCOUNT_PENDING_CLOSURE").first?.severity == .info)
  }

  struct StateCase: Sendable, CustomTestStringConvertible {
    var state: AccountState
    var code: String
    var severity: ClosurePlan.Severity
    var testDescription: String { "\(state) gives \(code)" }
  }

  @Test(
    "rule A6: AWS suspension and unknown states block; pending activation warns",
    arguments: [
      StateCase(state: .suspended, code: "ACCOUNT_SUSPENDED_BY_AWS", severity: .blocking),
      StateCase(state: .unknown("QUARANTINED"), code: "UNKNOWN_ACCOUNT_STATE", severity: .blocking),
      StateCase(state: .pendingActivation, code: "ACCOUNT_PENDING_ACTIVATION", severity: .warning),
    ])
  func statesBecomeFindings(_ c: StateCase) throws {
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1, state: c.state)]))
    let finding = try #require(plan.findings(c.code).first)
    #expect(finding.severity == c.severity)
    #expect(finding.account == id)
    #expect(finding.step == "await-account-closed:\(id)")
    #expect(plan.step("close-account:\(id)") != nil)
  }

  @Test("protected accounts never get a close step; they are removed and survive")
  func protectedAccountsAreRemovedNotClosed() throws {
    for strategy in Strategy.allCases {
      let policy = Policy(strategy: strategy, protectedAccounts: [id])
      let plan = try Fixtures.plan(
        try Fixtures.organization(members: [Fixtures.member(1), Fixtures.member(2)]), policy: policy
      )
      let closing = plan.stepIDs(for: id).filter {
        $0.hasPrefix("close-") || $0.hasPrefix("await-account-closed")
      }
      #expect(closing.isEmpty, "\(strategy)")
      #expect(plan.accounts.first { $0.id == id }?.terminalStep == "remove-account:\(id)")
      #expect(plan.findings("PROTECTED_ACCOUNT_KEPT").count == 1)
    }
  }

  @Test("a protected account whose policy asks to close it blocks, and is still not closed")
  func protectedAccountInScopeBlocks() throws {
    var policy = Policy(protectedAccounts: [id])
    policy.accounts[id] = AccountPolicy(disposition: .close)
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(plan.findings("PROTECTED_ACCOUNT_IN_SCOPE").first?.severity == .blocking)
    #expect(plan.step("close-account:\(id)") == nil)
  }

  @Test("rule G52: removed root credentials need recovery re-enabled before the reset")
  func removedRootCredentials() throws {
    var policy = Policy(strategy: .removeThenDelete)
    policy.accounts[id] = AccountPolicy(facts: AccountFacts(rootPassword: .removed))
    let enabled = try Fixtures.plan(
      try Fixtures.organization(
        members: [Fixtures.member(1)],
        rootAccessFeatures: ["RootCredentialsManagement", "RootSessions"]),
      policy: policy)
    let enable = try #require(enabled.step("enable-root-password-recovery:\(id)"))
    #expect(enable.kind == .api)
    #expect(enabled.step("reset-root-password:\(id)")?.after == [enable.id])
    #expect(enabled.findings("ROOT_SESSIONS_NOT_ENABLED").isEmpty)

    let disabled = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(disabled.findings("ROOT_SESSIONS_NOT_ENABLED").first?.severity == .blocking)
  }

  @Test("rule G47: an unreachable root inbox blocks a needed reset, and only then")
  func unreachableRootEmail() throws {
    var policy = Policy(strategy: .removeThenDelete)
    policy.accounts[id] = AccountPolicy(facts: AccountFacts(rootEmailReachable: false))
    let needed = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(needed.findings("ROOT_EMAIL_UNREACHABLE").first?.step == "reset-root-password:\(id)")
    #expect(needed.findings("ROOT_EMAIL_UNREACHABLE").first?.severity == .blocking)

    policy.strategy = .closeInPlace
    let notNeeded = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(notNeeded.findings("ROOT_EMAIL_UNREACHABLE").isEmpty)
  }
}
