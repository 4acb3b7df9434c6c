import Foundation
import TestSupport
import Testing

/// Runs the built `orgclose` binary, as a user would.
@Suite struct EndToEndTests {
  @Test("the binary's plan --out writes the sample's plan, and render reads it back")
  func planIsTheGoldenAndReadsBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let acme = Fixtures.samplesDirectory.appendingPathComponent("acme").path
    let out = folder.file("plan.json")
    let result = try TestProcess.orgclose([
      "plan", "\(acme)/org.snapshot.json", "--policy", "\(acme)/closure.policy.json", "--out",
      out,
    ])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let golden = try Data(contentsOf: URL(fileURLWithPath: "\(acme)/expected/plan.json"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == golden)
    let rendered = try TestProcess.orgclose(["render", out])
    #expect(rendered.status == 0)
    #expect(
      rendered.stdout.hasPrefix("Shutdown plan for organization"))
  }

  @Test("exit statuses of the binary: 64, 66, 65, 2")
  func exitStatuses() throws {
    #expect(try TestProcess.orgclose(["nope"]).status == 64)
    #expect(try TestProcess.orgclose(["plan", "/nonexistent/org.json"]).status == 66)
    let globex = Fixtures.samplesDirectory.appendingPathComponent("globex").path
    #expect(
      try TestProcess.orgclose([
        "blockers", "\(globex)/org.snapshot.json", "--policy", "\(globex)/closure.policy.json",
      ])
      .status == 2)
    let policyAsSnapshot = try TestProcess.orgclose(["validate", "\(globex)/closure.policy.json"])
    #expect(policyAsSnapshot.status == 65)
    #expect(
      policyAsSnapshot.stderr
        == "orgclose: \(globex)/closure.policy.json: this is a closure policy, not a snapshot; "
        + "orgclose validate takes the snapshot first\n")
  }

  /// 10,001 members: a generated organization large enough to need several quota windows.
  @Test("a generated organization of 10,001 members plans, reads back valid, and checks fresh")
  func generatedOrganization() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let snapshot = folder.file("org.json")
    let planFile = folder.file("plan.json")
    #expect(
      try TestProcess.orgclose([
        "generate", "--accounts", "10002", "--seed", "7", "--out", snapshot,
      ]).status
        == 0)
    let plan = try TestProcess.orgclose([
      "plan", snapshot, "--start", "2026-12-01", "--out", planFile,
    ])
    #expect(plan.status == 0)
    #expect(
      plan.stdout.contains(" for 10,002 accounts (10,001 members)\n"))
    let size = try FileManager.default.attributesOfItem(atPath: planFile)[.size] as? Int
    // Plan format 2 holds a generated organization in at most 500 bytes per account.
    #expect((1...500 * 10_002).contains(size ?? 0))
    // Read back through validation, and planned again for the staleness check: same plan.
    #expect(try TestProcess.orgclose(["render", planFile, "--format", "markdown"]).status == 0)
    let check = try TestProcess.orgclose(["check", planFile, "--snapshot", snapshot])
    #expect(check.status == 0, "\(check.stdout)")
  }
}
