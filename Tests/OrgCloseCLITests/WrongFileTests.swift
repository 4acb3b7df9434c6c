import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// A file given where another kind is expected says what it is and where it goes; a plan
/// compared with another organization's files is refused, not called stale.
@Suite struct WrongFileTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var message: String
    var testDescription: String { name }
  }

  static func sample(_ path: String) -> String {
    Fixtures.samplesDirectory.appendingPathComponent(path).path
  }

  static let acmeSnapshot = sample("acme/org.snapshot.json")
  static let acmePolicy = sample("acme/closure.policy.json")
  static let acmePlan = sample("acme/expected/plan.json")
  static let globexPlan = sample("globex/expected/plan.json")

  static let cases: [Case] = [
    Case(
      name: "a policy as the snapshot of plan",
      arguments: ["plan", acmePolicy],
      message: "\(acmePolicy): this is a closure policy, not a snapshot; orgclose plan takes the "
        + "snapshot first"),
    Case(
      name: "a plan as the snapshot of blockers",
      arguments: ["blockers", acmePlan],
      message: "\(acmePlan): this is a plan, not a snapshot; orgclose blockers takes the snapshot "
        + "first"),
    Case(
      name: "a snapshot as the policy",
      arguments: ["plan", acmeSnapshot, "--policy", acmeSnapshot],
      message: "\(acmeSnapshot): this is a snapshot, not a closure policy; --policy takes the "
        + "closure policy"),
    Case(
      name: "a plan as the policy",
      arguments: ["validate", acmeSnapshot, "--policy", acmePlan],
      message: "\(acmePlan): this is a plan, not a closure policy; --policy takes the closure "
        + "policy"),
    Case(
      name: "a snapshot to render",
      arguments: ["render", acmeSnapshot],
      message: "\(acmeSnapshot): this is a snapshot, not a plan; orgclose render takes a plan "
        + "written by orgclose plan --out first"),
    Case(
      name: "a policy as the snapshot of check",
      arguments: ["check", acmePlan, "--snapshot", acmePolicy, "--policy", acmePolicy],
      message: "\(acmePolicy): this is a closure policy, not a snapshot; orgclose check takes "
        + "the plan first and the snapshot after --snapshot"),
    Case(
      name: "check against another organization's snapshot",
      arguments: ["check", globexPlan, "--snapshot", acmeSnapshot, "--policy", acmePolicy],
      message: "\(globexPlan): is the plan of organization o-globex9q3w1, but \(acmeSnapshot) "
        + "is a snapshot of organization o-acme4x7k2p; a plan is only compared within its own "
        + "organization"),
    Case(
      name: "diff of two organizations' plans",
      arguments: ["diff", acmePlan, globexPlan],
      message: "\(globexPlan): is the plan of organization o-globex9q3w1, but \(acmePlan) is a "
        + "plan of organization o-acme4x7k2p; a plan is only compared within its own "
        + "organization"),
  ]

  @Test(arguments: cases)
  func wrongFilesExit65(_ c: Case) {
    let result = CapturedConsole.run(c.arguments)
    #expect(result.status == .dataError)
    #expect(result.err == "orgclose: \(c.message)\n")
    #expect(result.out.isEmpty)
  }

  @Test(
    "saved aws CLI output and an IAM policy are named too",
    arguments: [
      (
        #"{"Accounts": [{"Id": "111111111111"}]}"#,
        "this is saved aws CLI output, not a snapshot; orgclose snapshot --from-cli-output DIR "
          + "makes a snapshot of saved aws CLI output"
      ),
      (
        #"{"Version": "2012-10-17", "Statement": []}"#,
        "this is an IAM policy, not a snapshot; orgclose plan takes the snapshot first"
      ),
    ])
  func otherFiles(_ content: String, _ message: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.url("file.json")
    try content.write(to: file, atomically: true, encoding: .utf8)
    let result = CapturedConsole.run(["plan", file.path])
    #expect(result.status == .dataError)
    #expect(result.err == "orgclose: \(file.path): \(message)\n")
  }
}
