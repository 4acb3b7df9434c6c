import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

@Suite struct StrategyTests {
  @Test("default strategy: close-in-place with ALL features, remove-then-delete otherwise")
  func defaultStrategyFollowsFeatureSet() throws {
    let all = try Fixtures.plan(try Fixtures.organization(members: [Fixtures.member(1)]))
    #expect(all.strategy == .closeInPlace)
    let billing = try Fixtures.plan(
      try Fixtures.organization(featureSet: .consolidatedBilling, members: [Fixtures.member(1)]))
    #expect(billing.strategy == .removeThenDelete)
  }

  @Test("rule B8, G48: an ALL-features member is closed by CloseAccount without a root reset")
  func closeInPlaceUsesCloseAccountWithoutRoot() throws {
    let plan = try Fixtures.plan(try Fixtures.organization(members: [Fixtures.member(1)]))
    let id = Fixtures.account(1)
    let close = try #require(plan.step("close-account:\(id)"))
    #expect(close.kind == .api)
    #expect(close.call == "organizations:CloseAccount")
    #expect(plan.step("await-account-closed:\(id)")?.after == ["close-account:\(id)"])
    #expect(plan.step("reset-root-password:\(id)") == nil)
    #expect(
      plan.accounts.first { $0.id == id }?.terminalStep == "await-account-closed:\(id)")
  }

  @Test("rules F44, F45: close-in-place closes the management account last and never deletes")
  func closeInPlaceEndsWithTheManagementAccount() throws {
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: (1...5).map { Fixtures.member($0) }))
    #expect(plan.step("delete-organization") == nil)
    let last = try #require(plan.steps.last)
    #expect(last.id == "close-management-account:\(Fixtures.managementID)")
    #expect(last.kind == .manual)
    for n in 1...5 {
      #expect(plan.depends(last.id, on: "await-account-closed:\(Fixtures.account(n))"))
    }
    #expect(plan.findings("ORGANIZATION_DELETED_AFTER_POST_CLOSURE").count == 1)
  }

  @Test("rules C18, D32, E37: close-then-delete waits 90 days plus a buffer before deleting")
  func closeThenDeleteWaitsForPermanentClosure() throws {
    let members = (1...300).map { Fixtures.member($0) }
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: members), policy: Policy(strategy: .closeThenDelete))
    let wait = try #require(plan.step("await-permanent-closure"))
    let lastClose = try #require(
      plan.steps.filter { $0.action.name.rawValue == "await-account-closed" }.compactMap(
        \.notBefore
      ).max())
    #expect(lastClose == Fixtures.startDate.adding(days: 30))
    #expect(wait.notBefore == lastClose.adding(days: 97))
    let delete = try #require(plan.step("delete-organization"))
    #expect(delete.after.contains("await-permanent-closure"))
    #expect(
      plan.step("close-management-account:\(Fixtures.managementID)")?.after.contains(
        "delete-organization") == true)
    #expect(plan.summary.estimatedCompletion == lastClose.adding(days: 97))
  }

  @Test("rules D28-D31, E37, F43: remove-then-delete in the classic order")
  func removeThenDeleteClassicOrder() throws {
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [
        Fixtures.member(1), Fixtures.member(2, joinedMethod: .invited),
      ]),
      policy: Policy(strategy: .removeThenDelete))
    let created = Fixtures.account(1)
    // Created member: random root password (rule G47) → reset → sign-up → remove → close.
    #expect(
      plan.depends("complete-standalone-signup:\(created)", on: "reset-root-password:\(created)"))
    #expect(plan.depends("remove-account:\(created)", on: "complete-standalone-signup:\(created)"))
    #expect(plan.depends("close-standalone-account:\(created)", on: "remove-account:\(created)"))
    #expect(plan.depends("delete-organization", on: "remove-account:\(created)"))
    #expect(
      plan.depends("close-management-account:\(Fixtures.managementID)", on: "delete-organization"))
    #expect(plan.step("close-account:\(created)") == nil)
    #expect(plan.step("await-permanent-closure") == nil)
    // Invited member: its password is known by default, so no reset.
    #expect(plan.step("reset-root-password:\(Fixtures.account(2))") == nil)
    #expect(plan.step("remove-account:\(Fixtures.account(2))") != nil)
  }

  @Test("rule D32: closing members in place under remove-then-delete adds the wait and a warning")
  func mixedCloseAndDeleteWarns() throws {
    var policy = Policy(strategy: .removeThenDelete)
    policy.accounts[Fixtures.account(1)] = AccountPolicy(disposition: .close)
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1), Fixtures.member(2)]), policy: policy)
    #expect(plan.findings("MIXED_CLOSE_AND_DELETE").first?.severity == .warning)
    #expect(plan.depends("delete-organization", on: "await-permanent-closure"))
    #expect(plan.depends("await-permanent-closure", on: "close-account:\(Fixtures.account(1))"))
  }

  @Test("rule B15: consolidated billing closes members as root, after a reset where needed")
  func consolidatedBillingClosesAsRoot() throws {
    let org = try Fixtures.organization(
      featureSet: .consolidatedBilling,
      members: [Fixtures.member(1), Fixtures.member(2, joinedMethod: .invited)])
    let plan = try Fixtures.plan(org, policy: Policy(strategy: .closeInPlace))
    let created = Fixtures.account(1)
    #expect(plan.step("close-account:\(created)") == nil)
    #expect(plan.step("close-account-as-root:\(created)")?.kind == .manual)
    #expect(plan.depends("close-account-as-root:\(created)", on: "reset-root-password:\(created)"))
    #expect(plan.step("reset-root-password:\(Fixtures.account(2))") == nil)
    #expect(plan.closeQuota.windows == 0)
    #expect(plan.findings("ORG_NOT_ALL_FEATURES").count == 1)
  }
}
