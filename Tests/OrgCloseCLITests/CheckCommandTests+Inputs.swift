import ClosurePlanner
import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// What `check` and `validate` say about their inputs.
extension CheckCommandTests {
  @Test("validate --format json says what it read, with the digests")
  func validateJSON() throws {
    let result = CapturedConsole.run([
      "validate", "\(acme)/org.snapshot.json", "--policy", "\(acme)/closure.policy.json",
      "--format", "json",
    ])
    #expect(result.status == .success)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: [String: Any]])
    #expect(object["snapshot"]?["organization"] as? String == "o-acme4x7k2p")
    #expect(object["snapshot"]?["accounts"] as? Int == 12)
    #expect(object["snapshot"]?["members"] as? Int == 11)
    #expect((object["snapshot"]?["digest"] as? String)?.hasPrefix("sha256:") == true)
    #expect(object["policy"]?["valid"] as? Bool == true)
    let withoutPolicy = CapturedConsole.run([
      "validate", "\(acme)/org.snapshot.json", "--format", "json",
    ])
    #expect(!withoutPolicy.out.contains("\"policy\""))
  }

  @Test("a policy start date other than the plan's is noted, and the plan's is kept")
  func startDateNote() throws {
    let variant = try SampleVariant(policy: [
      Edit(from: #""startDate": "2026-12-01""#, to: #""startDate": "2027-01-04""#)
    ])
    defer { variant.remove() }
    let result = CapturedConsole.run([
      "check", SampleVariant.acmePlan, "--snapshot", variant.snapshot, "--policy", variant.policy,
    ])
    #expect(result.status == .success)
    #expect(
      result.out.contains(
        "\n  Note: the policy starts on 2027-01-04, but the plan starts on 2026-12-01 (made "
          + "with --start?); the\n  check keeps the plan's start date.\n"))
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var status: OrgCloseCLI.ExitStatus
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let acmeFolder = SampleVariant.acme.path

  @Test(
    "check errors: usage 64, missing file 66, bad data 65",
    arguments: [
      ErrorCase(
        arguments: ["check"], status: .usage,
        message: "check needs a plan file (orgclose check PLAN --snapshot SNAPSHOT); "
          + "see 'orgclose help check'"),
      ErrorCase(
        arguments: ["check", "plan.json"], status: .usage,
        message: "check needs --snapshot SNAPSHOT; see 'orgclose help check'"),
      ErrorCase(
        arguments: ["check", "plan.json", "--snapshot", "s.json", "--format", "markdown"],
        status: .usage,
        message: "check: --format must be one of text, json, not \"markdown\"; "
          + "see 'orgclose help check'"),
      ErrorCase(
        arguments: ["check", "/nonexistent/plan.json", "--snapshot", "s.json"], status: .noInput,
        message: "/nonexistent/plan.json: no such file"),
      ErrorCase(
        arguments: [
          "check", SampleVariant.acmePlan, "--snapshot", "/nonexistent/org.snapshot.json",
          "--policy", "\(acmeFolder)/closure.policy.json",
        ],
        status: .noInput, message: "/nonexistent/org.snapshot.json: no such file"),
      ErrorCase(
        arguments: ["check", "\(acmeFolder)/org.snapshot.json", "--snapshot", "s.json"],
        status: .dataError,
        message: "\(acmeFolder)/org.snapshot.json: this is a snapshot, not a plan; orgclose "
          + "check takes a plan written by orgclose plan --out first"),
    ])
  func errors(_ c: ErrorCase) {
    let result = CapturedConsole.run(c.arguments)
    #expect(result.status == c.status)
    #expect(result.err == "orgclose: \(c.message)\n")
    #expect(result.out.isEmpty)
  }

  @Test("a policy naming an account the new snapshot lacks exits 65 and names the policy")
  func policyNamesRemovedAccount() throws {
    let variant = try SampleVariant(snapshot: [
      Edit(
        from: #"""
              { "id": "222222222208", "name": "sandbox-alice", "email": "aws+alice@acme.example", "state": "ACTIVE", "joinedMethod": "CREATED", "joinedTimestamp": "2023-08-08T08:08:08Z", "parentId": "ou-ac01-team0001" },

          """#, to: "")
    ])
    defer { variant.remove() }
    let result = CapturedConsole.run([
      "check", SampleVariant.acmePlan, "--snapshot", variant.snapshot, "--policy", variant.policy,
    ])
    #expect(result.status == .dataError)
    #expect(
      result.err == "orgclose: \(variant.policy): accounts.222222222208: account 222222222208 is "
        + "not in the snapshot; fix the ID or take a new snapshot\n")
  }

  /// Writes the acme plan, changed by `edit`, to `file` (as JSON formatted another way).
}
