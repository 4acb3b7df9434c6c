import ClosurePlanner
import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// `orgclose check`: fresh plans exit 0, stale or edited ones exit 3 and say what changed.
@Suite struct CheckCommandTests {
  let acme = SampleVariant.acme.path

  @Test("check reports each one-way change as stale, exit 3", arguments: OneChangeCase.all)
  func staleAfterOneChange(_ c: OneChangeCase) throws {
    let variant = try SampleVariant(snapshot: c.snapshot, policy: c.policy)
    defer { variant.remove() }
    let result = CapturedConsole.run([
      "check", SampleVariant.acmePlan, "--snapshot", variant.snapshot, "--policy", variant.policy,
    ])
    #expect(result.status == .stale)
    #expect(result.err.isEmpty)
    #expect(
      result.out.hasPrefix(
        "\(SampleVariant.acmePlan): stale\n  The inputs changed (\(c.inputs)) and so does the plan."
      ))
    #expect(
      result.out.contains(
        "\n  orgclose plan \(variant.snapshot) --policy \(variant.policy) --start 2026-12-01 "
          + "--out \(SampleVariant.acmePlan)\n"))
    c.expectReported(in: result.out)
  }

  @Test("a plan whose inputs have the recorded digests is fresh: inputs unchanged")
  func freshWithUnchangedInputs() {
    let result = CapturedConsole.run([
      "check", SampleVariant.acmePlan, "--snapshot", "\(acme)/org.snapshot.json", "--policy",
      "\(acme)/closure.policy.json",
    ])
    #expect(result.status == .success)
    #expect(
      result.out == """
        \(SampleVariant.acmePlan): fresh (inputs unchanged)
          The snapshot and the policy have the digests the plan records, and the plan is what they produce.

        """)
  }

  @Test("changed inputs that give the same plan: fresh, inputs changed but the plan is the same")
  func freshWithChangedInputs() throws {
    let variant = try SampleVariant(snapshot: [
      Edit(
        from: #""capturedAt": "2026-11-20T09:00:00Z""#, to: #""capturedAt": "2026-11-27T09:00:00Z""#
      )
    ])
    defer { variant.remove() }
    let result = CapturedConsole.run([
      "check", SampleVariant.acmePlan, "--snapshot", variant.snapshot, "--policy", variant.policy,
    ])
    #expect(result.status == .success)
    #expect(
      result.out == """
        \(SampleVariant.acmePlan): fresh (inputs changed but the plan is the same)
          The inputs changed (snapshot changed, policy unchanged), but they produce the same plan.

        """)
  }

  @Test("a plan edited by hand is reported as edited, exit 3, with the edit")
  func editedByHand() throws {
    let variant = try SampleVariant()
    defer { variant.remove() }
    let edited = variant.file("edited.json")
    try Self.editPlan(to: edited) { plan in
      plan = Self.settingNotBefore(
        "2027-01-15", of: "close-management-account:111111111111", in: plan)
    }
    let result = CapturedConsole.run([
      "check", edited, "--snapshot", variant.snapshot, "--policy", variant.policy,
    ])
    #expect(result.status == .stale)
    #expect(result.out.hasPrefix("\(edited): edited by hand\n  Its inputs are unchanged, but it"))
    let sections = reportSections(result.out)
    #expect(
      sections["Plan changes for organization o-acme4x7k2p"]?.first
        == "  1 account changed; 1 step changed")
    #expect(
      sections["~ acme-management (111111111111)  Root"] == [
        "  ~ step close-management-account:111111111111",
        "      notBefore: 2027-01-15 → 2026-12-01",
      ])
  }

  @Test("a plan another orgclose version made is reported as such, exit 3")
  func otherGenerator() throws {
    let variant = try SampleVariant()
    defer { variant.remove() }
    let older = variant.file("older.json")
    try Self.editPlan(to: older) { plan in
      plan = Self.settingNotBefore(
        "2027-01-15", of: "close-management-account:111111111111", in: plan)
      plan["generator"] = "orgclose 0.0.9"
    }
    let result = CapturedConsole.run([
      "check", older, "--snapshot", variant.snapshot, "--policy", variant.policy,
    ])
    #expect(result.status == .stale)
    #expect(
      result.out.hasPrefix(
        "\(older): made by another orgclose version (orgclose 0.0.9; this is "
          + "\(OrgCloseVersion.generator))\n"))
    #expect(result.out.contains("\nProvenance\n  ~ generator: orgclose 0.0.9 → orgclose 0.1.0\n"))
  }

  @Test("a redacted plan is checked against the same redaction")
  func redactedPlan() throws {
    let variant = try SampleVariant()
    defer { variant.remove() }
    let plan = variant.plan(extra: ["--redact", "names"])
    let result = CapturedConsole.run([
      "check", plan, "--snapshot", variant.snapshot, "--policy", variant.policy,
    ])
    #expect(result.status == .success)
    #expect(result.out.hasPrefix("\(plan): fresh (inputs unchanged)\n"))
  }

  @Test("a check without the policy the plan was made with is a usage error naming its digest")
  func policyMissing() throws {
    let recorded = try #require(
      try PlanFilesForTests.recordedPolicyDigest(SampleVariant.acmePlan))
    let result = CapturedConsole.run([
      "check", SampleVariant.acmePlan, "--snapshot", "\(acme)/org.snapshot.json",
    ])
    #expect(result.status == .usage)
    #expect(result.out.isEmpty, "no verdict")
    #expect(
      result.err
        == "orgclose: check: \(SampleVariant.acmePlan) was made with a policy (\(recorded)); "
        + "pass that policy with --policy FILE; see 'orgclose help check'\n")
  }

  @Test("the replan command of a stale redacted plan keeps every input, the redaction included")
  func replanKeepsEveryInput() throws {
    let variant = try SampleVariant(policy: [
      Edit(from: #""startDate": "2026-12-01""#, to: #""startDate": "2027-01-04""#)
    ])
    defer { variant.remove() }
    let plan = variant.plan(extra: ["--redact", "names", "--start", "2026-12-02"])
    let changed = try SampleVariant(snapshot: OneChangeCase.all[0].snapshot)
    defer { changed.remove() }
    let result = CapturedConsole.run([
      "check", plan, "--snapshot", changed.snapshot, "--policy", variant.policy,
    ])
    #expect(result.status == .stale)
    #expect(
      result.out.contains(
        "\n  orgclose plan \(changed.snapshot) --policy \(variant.policy) --start 2026-12-02 "
          + "--redact names --out \(plan)\n"))
  }

  @Test("check --format json: verdict, input statuses and digests, replan command, changes")
  func json() throws {
    let c = OneChangeCase.all[0]
    let variant = try SampleVariant(snapshot: c.snapshot, policy: c.policy)
    defer { variant.remove() }
    let stale = CapturedConsole.run([
      "check", SampleVariant.acmePlan, "--snapshot", variant.snapshot, "--policy", variant.policy,
      "--format", "json",
    ])
    #expect(stale.status == .stale)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(stale.out.utf8)) as? [String: Any])
    #expect(object["verdict"] as? String == "stale")
    #expect(object["fresh"] as? Bool == false)
    #expect(object["plan"] as? String == SampleVariant.acmePlan)
    let inputs = try #require(object["inputs"] as? [String: [String: String]])
    #expect(inputs["snapshot"]?["status"] == "changed")
    #expect(inputs["snapshot"]?["recorded"] != inputs["snapshot"]?["current"])
    #expect(inputs["policy"]?["status"] == "unchanged")
    #expect((object["replan"] as? String)?.hasPrefix("orgclose plan \(variant.snapshot)") == true)
    let changes = try #require(object["changes"] as? [String: Any])
    let accounts = try #require(changes["accounts"] as? [[String: Any]])
    #expect(!accounts.isEmpty)
    #expect(
      accounts.allSatisfy { ["added", "removed", "changed"].contains($0["change"] as? String) })

    let fresh = CapturedConsole.run([
      "check", SampleVariant.acmePlan, "--snapshot", "\(acme)/org.snapshot.json", "--policy",
      "\(acme)/closure.policy.json", "--format", "json",
    ])
    #expect(fresh.status == .success)
    let freshObject = try #require(
      try JSONSerialization.jsonObject(with: Data(fresh.out.utf8)) as? [String: Any])
    #expect(freshObject["verdict"] as? String == "fresh-inputs-unchanged")
    #expect(freshObject["replan"] == nil)
    #expect((freshObject["changes"] as? [String: Any])?["accounts"] as? [Any] != nil)
  }

  static func editPlan(to file: String, _ edit: (inout [String: Any]) -> Void) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: SampleVariant.acmePlan))
    var plan = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    edit(&plan)
    try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: file))
  }

  /// `plan` with the `notBefore` of step `id` set to `date`.
  static func settingNotBefore(_ date: String, of id: String, in plan: [String: Any])
    -> [String: Any]
  {
    var plan = plan
    let steps = (plan["steps"] as? [[String: Any]]) ?? []
    plan["steps"] = steps.map { step in
      guard step["id"] as? String == id else { return step }
      var step = step
      step["notBefore"] = date
      return step
    }
    return plan
  }
}

/// Reads what a plan file records, without the product's reader, so a test does not trust
/// what it checks.
enum PlanFilesForTests {
  static func recordedPolicyDigest(_ file: String) throws -> String? {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return (object?["inputs"] as? [String: Any])?["policy"] as? String
  }
}
