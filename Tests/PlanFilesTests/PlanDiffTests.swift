import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

/// `PlanDiff`: plans compared by step ID, account ID and finding key.
@Suite struct PlanDiffTests {
  let base: ClosurePlan

  init() throws {
    base = try Fixtures.plan(
      Fixtures.organization(members: [Fixtures.member(1), Fixtures.member(2)]))
  }

  @Test("identical plans give an empty diff")
  func identical() {
    let diff = PlanDiff(from: base, to: base)
    #expect(diff.isEmpty)
    #expect(diff == PlanDiff())
  }

  @Test("plans that differ only in their inputs change provenance, not the plan")
  func provenanceOnly() {
    var other = base
    other.inputs = .init(snapshot: "sha256:other", policy: "sha256:policy")
    other.generator = "orgclose 9.9.9"
    let diff = PlanDiff(from: base, to: other)
    #expect(!diff.changesPlan)
    #expect(
      diff.provenance == [
        .value(field: "generator", old: "orgclose 0.1.0", new: "orgclose 9.9.9"),
        .value(field: "inputs.snapshot", old: "sha256:test", new: "sha256:other"),
        .value(field: "inputs.policy", old: nil, new: "sha256:policy"),
      ])
  }

  @Test("a changed step reports each field, old → new, in plan.json order")
  func changedStep() throws {
    var other = base
    let position = try #require(other.steps.firstIndex { $0.id == "close-account:100000000001" })
    other.steps[position].after = ["export-billing-history", "new-step"]
    other.steps[position].wave = 7
    other.steps[position].window = 2
    other.steps[position].notBefore = Fixtures.startDate.adding(days: 30)
    let diff = PlanDiff(from: base, to: other)
    let account = try #require(diff.accounts.first)
    #expect(diff.accounts.count == 1)
    #expect(account.id == "100000000001")
    #expect(account.change == .changed)
    #expect(account.fields.isEmpty)
    let step = try #require(account.steps.first)
    #expect(step.change == .changed)
    #expect(step.id == "close-account:100000000001")
    #expect(
      step.fields == [
        .list(
          field: "after", added: ["new-step"],
          removed: base.steps[position].after.map(\.rawValue).filter {
            $0 != "export-billing-history"
          }),
        .value(field: "wave", old: "\(base.steps[position].wave)", new: "7"),
        .value(field: "window", old: "1", new: "2"),
        .value(field: "notBefore", old: "2026-12-01", new: "2026-12-31"),
      ])
    #expect(diff.stepTally == PlanDiff.Tally(changed: 1))
  }

  @Test("a list that only changes order is shown in full")
  func reorderedList() throws {
    var other = base
    let position = try #require(other.steps.firstIndex { $0.tasks.count > 1 })
    other.steps[position].tasks.reverse()
    let change = try #require(PlanDiff(from: base, to: other).allSteps.first)
    let old = base.steps[position].checklist
    #expect(
      change.fields == [
        .value(
          field: "tasks", old: old.joined(separator: ", "),
          new: old.reversed().joined(separator: ", "))
      ])
  }

  @Test("accounts added and removed are grouped with their steps, sorted by risk, path and ID")
  func addedAndRemovedAccounts() throws {
    let unit = OrganizationalUnit(
      id: Fixtures.unit("aaa"), name: "Apps", parent: .root(Fixtures.rootID))
    let other = try Fixtures.plan(
      Fixtures.organization(
        members: [Fixtures.member(2), Fixtures.member(3, parent: .organizationalUnit(unit.id))],
        units: [unit]))
    let diff = PlanDiff(from: base, to: other)
    // A member no longer closed and one newly closed come before the management account,
    // whose close step only changed its prerequisites.
    #expect(diff.accounts.map(\.id) == ["100000000001", "100000000003", "100000000000"])
    #expect(diff.accounts.map(\.change) == [.removed, .added, .changed])
    #expect(diff.accounts.map(\.risk) == [.closure, .closure, .other])
    #expect(diff.accounts[0].steps.allSatisfy { $0.change == .removed })
    #expect(diff.accounts[1].steps.map(\.id).contains("close-account:100000000003"))
    #expect(diff.accounts[1].entry?.path == "Root/Apps")
    #expect(diff.accountTally == PlanDiff.Tally(added: 1, removed: 1, changed: 1))
  }

  @Test("findings are matched by code, account, step and occurrence")
  func findingsByKey() {
    var old = base
    let first = ClosurePlan.Finding(
      code: "SNAPSHOT_GAP", severity: .warning, message: "first gap", remediation: "fix")
    var second = first
    second.message = "second gap"
    old.findings += [first, second]
    var new = base
    var changed = first
    changed.severity = .blocking
    new.findings += [changed]
    let diff = PlanDiff(from: old, to: new)
    #expect(
      diff.organizationFindings == [
        PlanDiff.FindingChange(.removed, second),
        PlanDiff.FindingChange(
          .changed, changed, fields: [.value(field: "severity", old: "warning", new: "blocking")]),
      ])
    #expect(diff.findingTally == PlanDiff.Tally(removed: 1, changed: 1))
  }

  @Test("a step about an account neither plan lists is grouped under that ID")
  func unlistedAccount() throws {
    var other = base
    other.steps.append(
      ClosurePlan.Step(.prepareAccount("999999999999")))
    let account = try #require(PlanDiff(from: base, to: other).accounts.first)
    #expect(account.id == "999999999999")
    #expect(account.entry == nil)
    #expect(account.change == .changed)
    #expect(account.steps.map(\.change) == [.added])
  }
}
