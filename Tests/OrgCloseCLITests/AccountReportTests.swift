import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// `orgclose render PLAN --account ID` and `--ou PATH`: one account at a time.
@Suite struct AccountReportTests {
  static let plan = SampleVariant.acmePlan

  @Test("Golden: everything about the protected account of the acme plan")
  func protectedAccount() throws {
    let result = CapturedConsole.run(["render", Self.plan, "--account", "222222222211"])
    #expect(result.status == .success)
    #expect(result.out.contains("  Protected       yes (protectedAccounts)\n"))
    #expect(result.out.contains("  Notes           Kept for litigation hold; owned by Legal\n"))
    try expectMatchesGolden(result.out, "acme/expected/render-account-222222222211.txt")
  }

  @Test("--ou takes the accounts at and below a path, in plan order")
  func organizationalUnit() throws {
    let result = CapturedConsole.run(["render", Self.plan, "--ou", "Root/Prod"])
    #expect(result.status == .success)
    let headings = result.out.split(separator: "\n").filter { !$0.hasPrefix(" ") }
    #expect(
      headings == [
        "payments-prod (222222222201)", "payments-dr (222222222202)", "web-prod (222222222203)",
        "web-cdn (222222222204)",
      ])
    #expect(result.out.contains("  Closure window  1, CloseAccount not before 2026-12-01\n"))
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var status: OrgCloseCLI.ExitStatus
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(
    arguments: [
      ErrorCase(
        arguments: ["--account", "999999999999"], status: .dataError,
        message: "<plan>: the plan has no account 999999999999; accounts are listed by ID and OU "
          + "paths look like Root/Prod"),
      ErrorCase(
        arguments: ["--ou", "Root/Nowhere"], status: .dataError,
        message: "<plan>: the plan has no OU path Root/Nowhere; accounts are listed by ID and OU "
          + "paths look like Root/Prod"),
      ErrorCase(
        arguments: ["--account", "222222222211", "--ou", "Root"], status: .usage,
        message: "render: --account and --ou cannot be given together; see 'orgclose help render'"),
      ErrorCase(
        arguments: ["--account", "222222222211", "--format", "dot"], status: .usage,
        message: "render: --account and --ou print text; leave out --format dot; see 'orgclose "
          + "help render'"),
    ])
  func errors(_ c: ErrorCase) {
    let result = CapturedConsole.run(["render", Self.plan] + c.arguments)
    #expect(result.status == c.status)
    #expect(result.err == "orgclose: " + c.message.replacing("<plan>", with: Self.plan) + "\n")
    #expect(result.out.isEmpty)
  }
}
