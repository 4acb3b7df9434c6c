import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

@Suite struct MemberPreparationRuleTests {
  let id = Fixtures.account(1)

  @Test("rules C20-C24, H54: facts that keep money flowing become checklist tasks and warnings")
  func preparationChecklist() throws {
    var policy = Policy()
    policy.accounts[id] = AccountPolicy(
      facts: AccountFacts(
        controlTowerEnrolled: true, govCloudLinked: true, reservedInstances: true,
        savingsPlans: true, marketplaceSubscriptions: true, route53Domains: true,
        unpaidBalance: true, emailReuseNeeded: true, dataBackedUp: true))
    let costs = CostReport(
      periodStart: Fixtures.startDate, periodEnd: Fixtures.startDate,
      rows: [
        CostRow(
          accountID: id, service: "AWS Lambda", region: "eu-west-1", amount: "3.10", unit: "USD"),
        CostRow(
          accountID: id, service: "Amazon S3", region: "us-east-1", amount: "0.00", unit: "USD"),
      ])
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)], costs: costs), policy: policy)
    let prepare = try #require(plan.step("prepare-account:\(id)"))
    let tasks = prepare.checklist
    #expect(
      tasks.contains("Terminate or deliberately keep AWS Lambda in eu-west-1 (3.10 USD last month)")
    )
    #expect(!tasks.contains { $0.contains("Amazon S3") })
    for code in [
      "CONTROL_TOWER_ENROLLED", "GOVCLOUD_LINKED", "RESERVED_INSTANCES", "ACTIVE_SAVINGS_PLANS",
      "MARKETPLACE_SUBSCRIPTIONS", "ROUTE53_DOMAINS", "UNPAID_BALANCE", "EMAIL_REUSE_REQUIRED",
      "ONGOING_SPEND",
    ] {
      #expect(plan.findings(code).first?.severity == .warning, "\(code)")
    }
    #expect(plan.depends("close-account:\(id)", on: "unmanage-control-tower-account:\(id)"))
    #expect(plan.depends("close-account:\(id)", on: "prepare-account:\(id)"))
  }

  @Test("rule B14: CloseAccount on an account carrying a protection tag blocks")
  func closeProtectionTags() throws {
    let critical = [
      Tag(key: "AccountType", value: "Critical"), Tag(key: "Team", value: "payments"),
    ]
    let members = [
      Fixtures.member(1, tags: critical),
      Fixtures.member(2, tags: [Tag(key: "AccountType", value: "Sandbox")]),
      Fixtures.member(3, tags: []),
    ]
    var policy = Policy(closeProtectionTags: ["AccountType": "Critical"])
    let plan = try Fixtures.plan(try Fixtures.organization(members: members), policy: policy)
    let denied = plan.findings("CLOSE_DENIED_BY_POLICY")
    #expect(denied.count == 1)
    #expect(denied.first?.severity == .blocking)
    #expect(denied.first?.account == id)
    #expect(denied.first?.step == "close-account:\(id)")
    #expect(denied.first?.message.contains("AccountType=Critical") == true)

    // Removal is not CloseAccount; without the policy's tags nothing is checked.
    policy.accounts[id] = AccountPolicy(disposition: .remove)
    let removed = try Fixtures.plan(try Fixtures.organization(members: members), policy: policy)
    #expect(removed.findings("CLOSE_DENIED_BY_POLICY").isEmpty)
    let unprotected = try Fixtures.plan(try Fixtures.organization(members: members))
    #expect(unprotected.findings("CLOSE_DENIED_BY_POLICY").isEmpty)
  }

  @Test("rule B14: protection tags the snapshot did not read warn once, for the organization")
  func unreadTagsWarn() throws {
    let members = [Fixtures.member(1), Fixtures.member(2), Fixtures.member(3, tags: [])]
    let policy = Policy(closeProtectionTags: ["AccountType": "Critical"])
    let plan = try Fixtures.plan(try Fixtures.organization(members: members), policy: policy)
    let unread = plan.findings("CLOSE_DENIED_BY_POLICY")
    #expect(unread.count == 1)
    #expect(unread.first?.severity == .warning)
    #expect(unread.first?.account == nil)
    #expect(unread.first?.message.contains("no tags for 2 account(s)") == true)
    let unprotected = try Fixtures.plan(try Fixtures.organization(members: members))
    #expect(unprotected.findings("CLOSE_DENIED_BY_POLICY").isEmpty)
  }

  @Test(
    "rules C25, C26: trails and hardware MFA tokens that outlive closure are tasks and warnings")
  func trailsAndTokensOutliveClosure() throws {
    var policy = Policy(defaults: AccountPolicy(facts: AccountFacts(dataBackedUp: true)))
    policy.accounts[id] = AccountPolicy(
      facts: AccountFacts(cloudTrailTrails: true, hardwareMfa: true))
    let closing = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    let tasks = try #require(closing.step("prepare-account:\(id)")?.checklist)
    #expect(tasks.contains { $0.hasPrefix("Delete the CloudTrail trails that should stop") })
    #expect(tasks.contains { $0.hasPrefix("Deactivate the hardware MFA tokens") })
    for code in ["CLOUDTRAIL_TRAILS_PERSIST", "HARDWARE_MFA_ATTACHED"] {
      let finding = try #require(closing.findings(code).first, "\(code)")
      #expect(finding.severity == .warning)
      #expect(finding.step == "prepare-account:\(id)")
    }
    #expect(closing.depends("close-account:\(id)", on: "prepare-account:\(id)"))

    // A removed account keeps running: its trails and tokens are its own business.
    policy.accounts[id]?.disposition = .remove
    let removed = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(removed.findings("CLOUDTRAIL_TRAILS_PERSIST").isEmpty)
    #expect(removed.findings("HARDWARE_MFA_ATTACHED").isEmpty)
  }

  @Test("rule G53: no root MFA device ready warns on the first root step, and only where one is")
  func rootMFARequired() throws {
    var policy = Policy(strategy: .removeThenDelete)
    policy.accounts[id] = AccountPolicy(facts: AccountFacts(rootMfaReady: false))
    let withReset = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    let finding = try #require(withReset.findings("ROOT_MFA_REQUIRED").first)
    #expect(finding.severity == .warning)
    #expect(finding.account == id)
    #expect(finding.step == "reset-root-password:\(id)")
    #expect(withReset.findings("ROOT_MFA_REQUIRED").count == 1)

    // A known password needs no reset; the warning moves to the root close.
    policy.accounts[id] = AccountPolicy(
      facts: AccountFacts(rootPassword: .known, rootMfaReady: false))
    let known = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(known.findings("ROOT_MFA_REQUIRED").first?.step == "close-standalone-account:\(id)")

    // Outside ALL features members close as root.
    policy.strategy = nil
    policy.accounts[id]?.disposition = .close
    let consolidated = try Fixtures.plan(
      try Fixtures.organization(featureSet: .consolidatedBilling, members: [Fixtures.member(1)]),
      policy: policy)
    #expect(consolidated.findings("ROOT_MFA_REQUIRED").first?.step == "close-account-as-root:\(id)")

    // CloseAccount needs no root sign-in, and a stated device needs no warning.
    let api = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(api.findings("ROOT_MFA_REQUIRED").isEmpty)
    policy.strategy = .removeThenDelete
    policy.accounts[id] = AccountPolicy(facts: AccountFacts(rootMfaReady: true))
    let ready = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(ready.findings("ROOT_MFA_REQUIRED").isEmpty)
  }

  @Test("no preparation step when the policy leaves nothing to do")
  func noEmptyPreparation() throws {
    let policy = Policy(defaults: AccountPolicy(facts: AccountFacts(dataBackedUp: true)))
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    #expect(plan.step("prepare-account:\(id)") == nil)
  }
}
