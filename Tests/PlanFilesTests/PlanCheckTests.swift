import ClosurePlanner
import OrgGraph
import PlanFiles
import TestSupport
import Testing

/// `PlanCheck`: fresh, stale, edited by hand or made by another version.
@Suite struct PlanCheckTests {
  let organization: Organization
  let plan: ClosurePlan
  let recorded = ClosurePlan.Inputs(snapshot: "sha256:test", policy: nil)

  init() throws {
    organization = try Fixtures.organization(members: [Fixtures.member(1), Fixtures.member(2)])
    plan = try Fixtures.plan(organization)
  }

  @Test("unchanged inputs and the plan they produce: fresh, inputs unchanged")
  func inputsUnchanged() throws {
    let check = try PlanCheck(plan: plan, organization: organization, policy: nil, inputs: recorded)
    #expect(check.verdict == .inputsUnchanged)
    #expect(check.isFresh)
    #expect(check.diff.isEmpty)
  }

  @Test("changed inputs that give the same plan: fresh")
  func inputsChangedPlanSame() throws {
    let check = try PlanCheck(
      plan: plan, organization: organization, policy: .empty,
      inputs: .init(snapshot: "sha256:new", policy: "sha256:policy"))
    #expect(check.verdict == .inputsChangedPlanSame)
    #expect(check.snapshot == .changed)
    #expect(check.policy == .added)
    #expect(check.isFresh)
  }

  @Test("an account closed since the plan: stale, with the account's changes")
  func stale() throws {
    let now = try Fixtures.organization(members: [
      Fixtures.member(1, state: .closed), Fixtures.member(2),
    ])
    let check = try PlanCheck(
      plan: plan, organization: now, policy: nil, inputs: .init(snapshot: "sha256:new", policy: nil)
    )
    #expect(check.verdict == .stale)
    #expect(!check.isFresh)
    let account = try #require(check.diff.accounts.first { $0.id == "100000000001" })
    #expect(account.fields.first == .value(field: "state", old: "ACTIVE", new: "CLOSED"))
    #expect(account.steps.map(\.id).contains("close-account:100000000001"))
    #expect(check.diff.provenance.isEmpty)
  }

  @Test("unchanged inputs but another plan: edited by hand")
  func editedByHand() throws {
    var edited = plan
    let position = try #require(edited.steps.firstIndex { $0.id == "close-account:100000000001" })
    edited.steps[position].notBefore = Fixtures.startDate.adding(days: 45)
    let check = try PlanCheck(
      plan: edited, organization: organization, policy: nil, inputs: recorded)
    #expect(check.verdict == .editedByHand)
    #expect(
      check.diff.allSteps.first?.fields == [
        .value(field: "notBefore", old: "2027-01-15", new: "2026-12-01")
      ])
  }

  @Test("another version's plan is fresh when this version plans the same")
  func otherGeneratorSamePlan() throws {
    var older = plan
    older.generator = "orgclose 0.0.9"
    let check = try PlanCheck(
      plan: older, organization: organization, policy: nil, inputs: recorded)
    #expect(check.verdict == .inputsUnchanged)
  }

  @Test("another version's plan that this version plans differently says which version")
  func otherGenerator() throws {
    var older = plan
    older.generator = "orgclose 0.0.9"
    older.steps.removeLast()
    let check = try PlanCheck(
      plan: older, organization: organization, policy: nil, inputs: recorded)
    #expect(check.verdict == .otherGenerator("orgclose 0.0.9"))
    #expect(
      check.diff.provenance == [
        .value(field: "generator", old: "orgclose 0.0.9", new: OrgCloseVersion.generator)
      ])
  }

  @Test("a redacted plan is compared with the same redaction")
  func redacted() throws {
    let redacted = PlanRedaction(emails: true, names: true).redacting(plan)
    let check = try PlanCheck(
      plan: redacted, organization: organization, policy: nil, inputs: recorded)
    #expect(check.verdict == .inputsUnchanged)
  }

  @Test("a plan made with a policy, checked without one: the policy is missing")
  func policyMissing() throws {
    var withPolicy = plan
    withPolicy.inputs.policy = "sha256:policy"
    let check = try PlanCheck(
      plan: withPolicy, organization: organization, policy: nil, inputs: recorded)
    #expect(check.policy == .missing)
    #expect(check.snapshot == .unchanged)
    #expect(check.verdict == .inputsChangedPlanSame)
  }
}
