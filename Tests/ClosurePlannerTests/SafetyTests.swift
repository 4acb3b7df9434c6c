import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

@Suite struct SafetyTests {
  @Test("rule B14: the guard policy denies CloseAccount on each protected account by ARN")
  func guardPolicyDeniesCloseAccount() throws {
    let organization = try Fixtures.organization(members: [Fixtures.member(1), Fixtures.member(2)])
    let policy = Policy(protectedAccounts: [Fixtures.account(2), Fixtures.account(1)])
    let guardPolicy = try GuardPolicy(organization: organization, policy: policy)
    #expect(guardPolicy.version == "2012-10-17")
    let statement = try #require(guardPolicy.statement.first)
    #expect(statement.effect == "Deny")
    #expect(statement.action == ["organizations:CloseAccount"])
    #expect(
      statement.resource == [
        "arn:aws:organizations::100000000000:account/o-testorg001/100000000001",
        "arn:aws:organizations::100000000000:account/o-testorg001/100000000002",
      ])
    // Removal stays allowed: a protected account leaves by removal.
    #expect(!statement.action.contains("organizations:RemoveAccountFromOrganization"))
  }

  @Test("the guard policy refuses an empty list, unknown accounts and the management account")
  func guardPolicyErrors() throws {
    let organization = try Fixtures.organization(members: [Fixtures.member(1)])
    #expect(throws: GuardPolicyError.noProtectedAccounts) {
      try GuardPolicy(organization: organization, policy: .empty)
    }
    #expect(throws: GuardPolicyError.unknownAccount(Fixtures.account(9))) {
      try GuardPolicy(
        organization: organization, policy: Policy(protectedAccounts: [Fixtures.account(9)]))
    }
    #expect(throws: GuardPolicyError.managementAccount(Fixtures.managementID)) {
      try GuardPolicy(
        organization: organization, policy: Policy(protectedAccounts: [Fixtures.managementID]))
    }
  }

  @Test("redaction replaces every address with a per-account placeholder")
  func redactionRemovesAddresses() throws {
    var policy = Policy(strategy: .removeThenDelete)
    policy.accounts[Fixtures.account(1)] = AccountPolicy(
      facts: AccountFacts(rootEmailReachable: false, emailReuseNeeded: true))
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: policy)
    let texts = { (plan: ClosurePlan) -> [String] in
      plan.steps.flatMap { [StepTitles(plan)($0)] + $0.checklist }
        + plan.findings.flatMap { [$0.message, $0.remediation] }
    }
    #expect(texts(plan).contains { $0.contains("aws+1@example.com") })
    let redacted = PlanRedaction().redacting(plan)
    #expect(!texts(redacted).contains { $0.contains("@example.com") })
    #expect(texts(redacted).contains { $0.contains("root-100000000001@redacted.invalid") })
    #expect(texts(redacted).contains { $0.contains("member-1 (100000000001)") })
    #expect(redacted.redacted == ["emails"])
    #expect(PlanRedaction().redacting(redacted) == redacted)

    let withNames = PlanRedaction(names: true).redacting(plan)
    #expect(!texts(withNames).contains { $0.contains("member-1") })
    #expect(withNames.accounts.allSatisfy { $0.name == "account-\($0.id)" })
    #expect(withNames.redacted == ["emails", "names"])
  }

  @Test(
    "e-mail-shaped words are found inside punctuation and nothing else is touched",
    arguments: [
      ("mail a@b.co now", "mail root-1@redacted.invalid now"),
      ("(x.y+z@corp.example.com)", "(root-1@redacted.invalid)"),
      ("a@b", "a@b"), ("@handle", "@handle"), ("no address", "no address"),
    ])
  func emailScanning(_ input: String, _ output: String) {
    #expect(PlanRedaction.replacingEmails(in: input, account: "1") == output)
  }
}
