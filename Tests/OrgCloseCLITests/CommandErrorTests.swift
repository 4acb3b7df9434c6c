import Foundation
import OrgCloseBasics
import TestSupport
import Testing

@testable import OrgCloseCLI

/// `--format` values and the one mapping of errors to exit statuses.
@Suite struct CommandErrorTests {
  static let acme = Fixtures.samplesDirectory.appendingPathComponent("acme").path

  /// Each command with a `--format`, the arguments it needs, and its enum's cases.
  static let formats: [(command: String, arguments: [String], names: [String])] = [
    ("plan", ["\(acme)/org.snapshot.json"], PlanFormat.names),
    ("render", ["\(acme)/expected/plan.json"], PlanFormat.names),
    ("blockers", ["\(acme)/org.snapshot.json"], BlockersFormat.names),
    ("validate", ["\(acme)/org.snapshot.json"], ReportFormat.names),
    ("diff", ["\(acme)/expected/plan.json", "\(acme)/expected/plan.json"], DiffFormat.names),
    (
      "check",
      [
        "\(acme)/expected/plan.json", "--snapshot", "\(acme)/org.snapshot.json", "--policy",
        "\(acme)/closure.policy.json",
      ],
      ReportFormat.names
    ),
  ]

  @Test("help shows each command's formats, and an unknown one is refused naming them")
  func formatsComeFromTheEnum() {
    for (command, arguments, names) in Self.formats {
      let help = CapturedConsole.run([command, "--help"])
      #expect(help.out.contains("--format \(names.joined(separator: "|"))"), "\(command)")
      let wrong = CapturedConsole.run([command] + arguments + ["--format", "yaml"])
      #expect(wrong.status == .usage)
      #expect(
        wrong.err.hasPrefix(
          "orgclose: \(command): --format must be one of \(names.joined(separator: ", ")), "
            + "not \"yaml\""), "\(command): \(wrong.err)")
      for name in names {
        let run = CapturedConsole.run([command] + arguments + ["--format", name])
        #expect(run.status != .usage, "\(command) --format \(name): \(run.err)")
      }
    }
  }

  @Test("a missing required option is named with its value, from the declaration")
  func requiredOptions() {
    let cases: [([String], String)] = [
      (["check", "\(Self.acme)/expected/plan.json"], "check needs --snapshot SNAPSHOT"),
      (["guard-policy", "\(Self.acme)/org.snapshot.json"], "guard-policy needs --policy FILE"),
      (["generate"], "generate needs --accounts N"),
    ]
    for (arguments, message) in cases {
      let result = CapturedConsole.run(arguments)
      #expect(result.status == .usage)
      #expect(result.err.hasPrefix("orgclose: \(message);"), "\(result.err)")
    }
  }

  private struct Unexpected: Error, CustomStringConvertible {
    var description: String { "something else" }
  }

  @Test("every error type maps to its exit status and message in one place")
  func errorReport() {
    let context = FailureContext(command: "plan", policyFile: "p.json")
    let cases: [(any Error, OrgCloseCLI.ExitStatus, String)] = [
      (CommandFailure(status: .stale, message: "as is"), .stale, "as is"),
      (UsageError("bad", command: "plan"), .usage, "bad; see 'orgclose help plan'"),
      (
        FileAccessError.isAnInput(file: "a", input: "b"), .usage,
        FileAccessError.isAnInput(file: "a", input: "b").description
      ),
      (
        FileAccessError.cannotWrite(file: "a", reason: "full"), .ioError,
        FileAccessError.cannotWrite(file: "a", reason: "full").description
      ),
      (
        FileAccessError.cannotRead(file: "a", reason: "gone"), .noInput,
        FileAccessError.cannotRead(file: "a", reason: "gone").description
      ),
      (Unexpected(), .failure, "something else"),
    ]
    for (error, status, message) in cases {
      let report = ErrorReport.report(error, in: context)
      #expect(report.status == status, "\(error)")
      #expect(report.message == message)
    }
  }
}
