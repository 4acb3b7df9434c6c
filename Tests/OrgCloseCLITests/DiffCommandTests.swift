import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// `orgclose diff`: what changed between two plans, always exit 0 when both can be read.
@Suite struct DiffCommandTests {
  @Test("diff reports each one-way change in its category", arguments: OneChangeCase.all)
  func oneChange(_ c: OneChangeCase) throws {
    let variant = try SampleVariant(snapshot: c.snapshot, policy: c.policy)
    defer { variant.remove() }
    let result = CapturedConsole.run(["diff", SampleVariant.acmePlan, variant.plan()])
    #expect(result.status == .success)
    #expect(result.err.isEmpty)
    #expect(result.out.hasPrefix("Plan changes for organization o-acme4x7k2p\n"))
    c.expectReported(in: result.out)
    let provenance = reportSections(result.out)["Provenance"]
    #expect(provenance?.first == "  ~ inputs.\(c.snapshot.isEmpty ? "policy" : "snapshot"):")
  }

  @Test("identical plans say so")
  func identical() {
    let result = CapturedConsole.run(["diff", SampleVariant.acmePlan, SampleVariant.acmePlan])
    #expect(result.status == .success)
    #expect(
      result.out
        == "Plan changes for organization o-acme4x7k2p\n  No changes: the plans are identical.\n")
    let markdown = CapturedConsole.run([
      "diff", SampleVariant.acmePlan, SampleVariant.acmePlan, "--format", "markdown",
    ])
    #expect(
      markdown.out == "## Plan changes for organization o-acme4x7k2p\n\n"
        + "**No changes: the plans are identical.**\n")
  }

  @Test("plans that only came from other files differ only in provenance")
  func provenanceOnly() throws {
    let variant = try SampleVariant(snapshot: [
      Edit(
        from: #""capturedAt": "2026-11-20T09:00:00Z""#, to: #""capturedAt": "2026-11-27T09:00:00Z""#
      )
    ])
    defer { variant.remove() }
    let result = CapturedConsole.run(["diff", SampleVariant.acmePlan, variant.plan()])
    #expect(result.status == .success)
    let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.prefix(4) == [
        "Plan changes for organization o-acme4x7k2p",
        "  No changes to the plan; only where it came from differs (inputs.snapshot).", "",
        "Provenance",
      ])
  }

  @Test("--redact compares both plans redacted")
  func redacted() throws {
    let variant = try SampleVariant()
    defer { variant.remove() }
    let redacted = variant.plan(to: "redacted.json", extra: ["--redact"])
    let plain = CapturedConsole.run(["diff", SampleVariant.acmePlan, redacted])
    #expect(plain.out.contains("\nProvenance\n  ~ redacted: added emails\n"))
    #expect(plain.out.contains("root-222222222203@redacted.invalid"))
    let both = CapturedConsole.run(["diff", SampleVariant.acmePlan, redacted, "--redact"])
    #expect(both.status == .success)
    #expect(both.out.hasSuffix("  No changes: the plans are identical.\n"))
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var status: OrgCloseCLI.ExitStatus
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(
    "diff errors: usage 64, missing file 66, bad data 65",
    arguments: [
      ErrorCase(
        arguments: ["diff"], status: .usage,
        message: "diff needs two plan files (orgclose diff OLD_PLAN NEW_PLAN); "
          + "see 'orgclose help diff'"),
      ErrorCase(
        arguments: ["diff", "old.json"], status: .usage,
        message: "diff needs a new plan file after the old one; see 'orgclose help diff'"),
      ErrorCase(
        arguments: ["diff", "a.json", "b.json", "c.json"], status: .usage,
        message: "diff: unexpected argument \"c.json\"; see 'orgclose help diff'"),
      ErrorCase(
        arguments: ["diff", "a.json", "b.json", "--format", "dot"], status: .usage,
        message: "diff: --format must be one of text, markdown, json, not \"dot\"; "
          + "see 'orgclose help diff'"),
      ErrorCase(
        arguments: ["diff", SampleVariant.acmePlan, "/nonexistent/plan.json"], status: .noInput,
        message: "/nonexistent/plan.json: no such file"),
      ErrorCase(
        arguments: [
          "diff", "\(SampleVariant.acme.path)/closure.policy.json", SampleVariant.acmePlan,
        ],
        status: .dataError,
        message: "\(SampleVariant.acme.path)/closure.policy.json: this is a closure policy, "
          + "not a plan; orgclose diff takes two plans written by orgclose plan --out"),
    ])
  func errors(_ c: ErrorCase) {
    let result = CapturedConsole.run(c.arguments)
    #expect(result.status == c.status)
    #expect(result.err == "orgclose: \(c.message)\n")
    #expect(result.out.isEmpty)
  }

  @Test("diff and check have help pages and overview lines")
  func help() {
    for command in ["diff", "check"] {
      let result = CapturedConsole.run([command, "--help"])
      #expect(result.status == .success)
      #expect(result.out.hasPrefix("Usage: orgclose \(command) "))
      #expect(CapturedConsole.run(["help"]).out.contains("\n  \(command)  "))
    }
  }
}

/// Diffs lead with what endangers accounts (issue: review at scale).
@Suite struct DiffRiskTests {
  @Test("diff leads with protection, then disposition changes, and counts each risk")
  func dangerComesFirst() throws {
    let variant = try SampleVariant(policy: [
      Edit(from: #""protectedAccounts": ["222222222211"],"#, to: #""protectedAccounts": [],"#),
      Edit(
        from: #""222222222211": { "standaloneReady": true,"#,
        to: #""222222222211": { "standaloneReady": true, "disposition": "close","#),
      Edit(
        from: #""222222222208": { "dataBackedUp": true }"#,
        to: #""222222222208": { "dataBackedUp": true, "disposition": "remove" }"#),
    ])
    defer { variant.remove() }
    let plan = variant.plan()
    let text = CapturedConsole.run(["diff", SampleVariant.acmePlan, plan])
    #expect(text.status == .success)
    let lines = text.out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.contains("  By risk: 1 protection change, 1 disposition change, 2 other changes"))
    let headings = lines.filter { $0.hasPrefix("~ ") || $0 == "Organization" }
    #expect(headings.first?.hasPrefix("~ legal-hold (222222222211)") == true, "\(headings)")
    #expect(headings.dropFirst().first?.hasPrefix("~ sandbox-alice (222222222208)") == true)

    let json = CapturedConsole.run(["diff", SampleVariant.acmePlan, plan, "--format", "json"])
    #expect(json.status == .success)
    #expect(json.out.contains(#""risk" : "protection""#))
    let first = try #require(json.out.range(of: #""id" : "222222222211""#))
    let second = try #require(json.out.range(of: #""id" : "222222222208""#))
    #expect(first.lowerBound < second.lowerBound)
  }
}
