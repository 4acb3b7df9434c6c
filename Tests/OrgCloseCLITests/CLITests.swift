import Foundation
import OrgCloseCLI
import TestSupport
import Testing

@Suite struct CLITests {
  let acme = Fixtures.samplesDirectory.appendingPathComponent("acme").path

  struct UsageCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(
    "usage errors exit 64 with one line",
    arguments: [
      UsageCase(
        arguments: ["frobnicate"], message: "unknown command \"frobnicate\"; see 'orgclose help'"),
      UsageCase(
        arguments: ["plan"],
        message: "plan needs a snapshot file (orgclose plan SNAPSHOT); see 'orgclose help plan'"),
      UsageCase(
        arguments: ["plan", "a.json", "b.json"],
        message: "plan: unexpected argument \"b.json\"; see 'orgclose help plan'"),
      UsageCase(
        arguments: ["plan", "a.json", "--format", "xml"],
        message:
          "plan: --format must be one of text, json, markdown, mermaid, gantt, dot, not \"xml\"; "
          + "see 'orgclose help plan'"),
      UsageCase(
        arguments: ["plan", "a.json", "--start", "tomorrow"],
        message:
          "plan: --start must be a date YYYY-MM-DD, not \"tomorrow\"; see 'orgclose help plan'"),
      UsageCase(
        arguments: ["plan", "a.json", "--polcy", "p.json"],
        message: "plan: unknown option --polcy (options: --policy, --start, --out, --format, "
          + "--fail-on-blocking, --redact); see 'orgclose help plan'"),
      UsageCase(
        arguments: ["plan", "a.json", "--out"],
        message: "plan: --out needs a value; see 'orgclose help plan'"),
      UsageCase(
        arguments: ["plan", "-", "--policy", "-"],
        message: "plan: only one input can be - (standard input); see 'orgclose help plan'"),
      UsageCase(
        arguments: ["diff", "-", "-"],
        message: "diff: only one input can be - (standard input); see 'orgclose help diff'"),
      UsageCase(
        arguments: ["check", "-", "--snapshot", "-"],
        message: "check: only one input can be - (standard input); see 'orgclose help check'"),
      UsageCase(
        arguments: ["guard-policy", "-", "--policy", "-"],
        message: "guard-policy: only one input can be - (standard input); "
          + "see 'orgclose help guard-policy'"),
      UsageCase(
        arguments: ["plan", "a.json", "--out", "-", "--format", "markdown"],
        message: "plan: --out - writes plan.json to standard output; --format markdown cannot go "
          + "there too; see 'orgclose help plan'"),
      UsageCase(
        arguments: ["generate"],
        message: "generate needs --accounts N; see 'orgclose help generate'"),
      UsageCase(
        arguments: ["generate", "--accounts", "-5"],
        message: "generate: --accounts must be a whole number from 1 to 1000000, not \"-5\"; "
          + "see 'orgclose help generate'"),
      UsageCase(
        arguments: ["help", "nope"],
        message: "help: no command or topic \"nope\"; topics: policy, snapshot-format, "
          + "plan-format; see 'orgclose help'"),
    ])
  func usageErrors(_ c: UsageCase) {
    let result = CapturedConsole.run(c.arguments)
    #expect(result.status == .usage)
    #expect(result.err == "orgclose: \(c.message)\n")
    #expect(result.out.isEmpty)
  }

  @Test("every command has help, and --help prints it")
  func help() {
    for command in ["plan", "blockers", "validate", "render", "generate", "help"] {
      let result = CapturedConsole.run([command, "--help"])
      #expect(result.status == .success)
      #expect(result.out.hasPrefix("Usage: orgclose \(command)"))
    }
    #expect(CapturedConsole.run(["--help"]).out.contains("Commands:"))
    #expect(CapturedConsole.run([]).status == .usage)
    #expect(CapturedConsole.run(["--version"]).out == "orgclose 0.1.0\n")
  }

  @Test("a missing input exits 66; bad data exits 65; neither writes the output")
  func inputErrorsWriteNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.file("plan.json")

    let missing = CapturedConsole.run([
      "plan", folder.file("none.json"), "--out", out,
    ])
    #expect(missing.status == .noInput)
    #expect(missing.err.hasSuffix("none.json: no such file\n"))

    let bad = folder.url("bad.json")
    try #"{"schemaVersion": 1, "organization": 7}"#.write(
      to: bad, atomically: true, encoding: .utf8)
    let invalid = CapturedConsole.run(["plan", bad.path, "--out", out])
    #expect(invalid.status == .dataError)
    #expect(invalid.err == "orgclose: \(bad.path): organization: expected an object\n")
    #expect(!FileManager.default.fileExists(atPath: out))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers.sorted() == ["bad.json"])
  }

  @Test("a plan that cannot be written exits 74 and prints nothing on standard output")
  func unwritableOutputPrintsNothing() throws {
    let snapshot = (acme as NSString).appendingPathComponent("org.snapshot.json")
    let folder = try TemporaryFolder()
    folder.remove()
    let out = folder.file("plan.json")
    let result = CapturedConsole.run(["plan", snapshot, "--out", out, "--start", "2026-12-01"])
    #expect(result.status == .ioError)
    #expect(result.err == "orgclose: \(out): cannot be written: No such file or directory\n")
    #expect(result.out.isEmpty)
  }

  @Test("no command writes over one of its inputs, under whatever path reaches it: exit 64")
  func outputOverAnInputIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let snapshot = folder.file("org.json")
    let policy = folder.file("p.json")
    try FileManager.default.copyItem(atPath: "\(acme)/org.snapshot.json", toPath: snapshot)
    try FileManager.default.copyItem(atPath: "\(acme)/closure.policy.json", toPath: policy)
    let snapshotBytes = try Data(contentsOf: URL(fileURLWithPath: snapshot))
    let policyBytes = try Data(contentsOf: URL(fileURLWithPath: policy))
    let otherName = folder.file("hard-link.json")
    #expect(link(snapshot, otherName) == 0)
    let cases: [(arguments: [String], out: String, input: String)] = [
      (["plan", snapshot, "--out", otherName], otherName, snapshot),
      (
        ["plan", snapshot, "--policy", policy, "--out", folder.path + "/./p.json"],
        folder.path + "/./p.json", policy
      ),
      (["guard-policy", snapshot, "--policy", policy, "--out", policy], policy, policy),
    ]
    for c in cases {
      let result = CapturedConsole.run(c.arguments)
      #expect(result.status == .usage, "\(c.arguments)")
      let sameName = c.out == c.input
      #expect(
        result.err == "orgclose: \(c.out) "
          + (sameName ? "is an input of this command" : "is the same file as the input \(c.input)")
          + "; choose another name for the output\n")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: snapshot)) == snapshotBytes)
    #expect(try Data(contentsOf: URL(fileURLWithPath: policy)) == policyBytes)
    #expect(try folder.contents() == ["hard-link.json", "org.json", "p.json"])
  }

  @Test("plan --out /dev/null writes into the device and leaves it one; --out /dev/full exits 74")
  func devicesAreWrittenInPlace() {
    let snapshot = "\(acme)/org.snapshot.json"
    var before = stat()
    stat("/dev/null", &before)
    let discarded = CapturedConsole.run(["plan", snapshot, "--out", "/dev/null"])
    #expect(discarded.status == .success)
    var after = stat()
    stat("/dev/null", &after)
    #expect(after.st_mode & S_IFMT == S_IFCHR)
    #expect(after.st_ino == before.st_ino)
    let full = CapturedConsole.run(["plan", snapshot, "--out", "/dev/full"])
    #expect(full.status == .ioError)
    #expect(full.err == "orgclose: /dev/full: cannot be written: No space left on device\n")
    #expect(full.out.isEmpty)
  }

  @Test("--out - writes to standard output what the file would hold, and no file")
  func dashOutputIsStandardOutput() throws {
    let snapshot = "\(acme)/org.snapshot.json"
    let policy = "\(acme)/closure.policy.json"
    let generated = CapturedConsole.run(["generate", "--accounts", "3", "--out", "-"])
    #expect(generated.status == .success)
    #expect(generated.out == CapturedConsole.run(["generate", "--accounts", "3"]).out)
    #expect(generated.out.hasPrefix("{"))
    let guardPolicy = CapturedConsole.run([
      "guard-policy", snapshot, "--policy", policy, "--out", "-",
    ])
    #expect(guardPolicy.status == .success)
    #expect(
      guardPolicy.out == CapturedConsole.run(["guard-policy", snapshot, "--policy", policy]).out)
    let plan = CapturedConsole.run(["plan", snapshot, "--policy", policy, "--out", "-"])
    #expect(plan.status == .success)
    let golden = try String(contentsOfFile: "\(acme)/expected/plan.json", encoding: .utf8)
    #expect(plan.out == golden)
    #expect(!FileManager.default.fileExists(atPath: "-"))
  }

  @Test("an error echoing a file name is one line with its control characters escaped")
  func errorsAreOneEscapedLine() {
    let result = CapturedConsole.run(["plan", "/nonexistent/a\u{1B}[31m\nb\u{202E}.json"])
    #expect(result.status == .noInput)
    #expect(
      result.err == #"orgclose: /nonexistent/a\u{1B}[31m\nb\u{202E}.json: no such file"# + "\n")
  }

  @Test("a policy naming an account the snapshot lacks exits 65 and names the policy path")
  func policyCrossCheck() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let policy = folder.url("p.json")
    try #"{"schemaVersion": 1, "accounts": {"999999999999": {"priority": 1}}}"#
      .write(to: policy, atomically: true, encoding: .utf8)
    let result = CapturedConsole.run([
      "validate", "\(acme)/org.snapshot.json", "--policy", policy.path,
    ])
    #expect(result.status == .dataError)
    #expect(
      result.err == "orgclose: \(policy.path): accounts.999999999999: account 999999999999 is not "
        + "in the snapshot; fix the ID or take a new snapshot\n")
  }

  @Test("validate reports what it read")
  func validate() {
    let result = CapturedConsole.run([
      "validate", "\(acme)/org.snapshot.json", "--policy", "\(acme)/closure.policy.json",
    ])
    #expect(result.status == .success)
    #expect(
      result.out == "\(acme)/org.snapshot.json: valid: organization o-acme4x7k2p, 8 OUs, "
        + "12 accounts (11 members)\n\(acme)/closure.policy.json: valid\n")
  }

  @Test("blockers exits 2 when something blocks and 0 otherwise")
  func blockersExitStatus() {
    let globex = Fixtures.samplesDirectory.appendingPathComponent("globex").path
    let blocked = CapturedConsole.run([
      "blockers", "\(globex)/org.snapshot.json", "--policy", "\(globex)/closure.policy.json",
    ])
    #expect(blocked.status == .blocked)
    #expect(blocked.out.contains("ROOT_EMAIL_UNREACHABLE"))
    let clear = CapturedConsole.run([
      "blockers", "\(acme)/org.snapshot.json", "--policy", "\(acme)/closure.policy.json",
    ])
    #expect(clear.status == .success)
    let json = CapturedConsole.run([
      "blockers", "\(globex)/org.snapshot.json", "--policy", "\(globex)/closure.policy.json",
      "--format", "json",
    ])
    #expect(json.status == .blocked)
    #expect(json.out.contains("\"blocking\" : 1,"))
  }

  @Test("plan --fail-on-blocking exits 2 but still writes the plan")
  func failOnBlocking() throws {
    let globex = Fixtures.samplesDirectory.appendingPathComponent("globex").path
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.url("plan.json")
    let result = CapturedConsole.run([
      "plan", "\(globex)/org.snapshot.json", "--policy", "\(globex)/closure.policy.json",
      "--out", out.path, "--fail-on-blocking",
    ])
    #expect(result.status == .blocked)
    #expect(FileManager.default.fileExists(atPath: out.path))
  }

  @Test("--start overrides the policy's start date, which overrides today")
  func startDatePrecedence() {
    let snapshot = "\(acme)/org.snapshot.json"
    let today = CapturedConsole.run(["plan", snapshot, "--format", "json"])
    #expect(today.out.contains("\"startDate\":\"2026-11-26\""))
    let policy = CapturedConsole.run([
      "plan", snapshot, "--policy", "\(acme)/closure.policy.json", "--format", "json",
    ])
    #expect(policy.out.contains("\"startDate\":\"2026-12-01\""))
    let flag = CapturedConsole.run([
      "plan", snapshot, "--policy", "\(acme)/closure.policy.json", "--start", "2027-02-01",
      "--format", "json",
    ])
    #expect(flag.out.contains("\"startDate\":\"2027-02-01\""))
  }
}
