import AWSInventory
import Foundation
import OrgCloseBasics
import Synchronization
import TestSupport
import Testing

/// The built binary under signals, timeouts and a hostile `aws`: a fake `aws` script first on
/// `PATH`, run through the product's own `ProcessCommandRunner`.
@Suite struct ProcessSafetyTests {
  /// A folder holding a fake `aws` and whatever the test writes beside it.
  struct FakeAWS {
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    /// `script` is the body of a shell script run for every `aws` call; `$*` holds its words.
    init(_ script: String, executable: Bool = true) throws {
      temporary = try TemporaryFolder()
      let folder = temporary.path
      let aws = folder + "/aws"
      // Written close-on-exec: a descriptor open for writing that a child started meanwhile
      // inherited would make running the script fail with "Text file busy".
      try OutputFile.write(Data(("#!/bin/sh\nDIR='\(folder)'\n" + script).utf8), to: aws)
      chmod(aws, executable ? 0o755 : 0o644)
    }

    /// Runs the built `orgclose` with this `aws` first on `PATH`.
    ///
    /// - Parameters:
    ///   - arguments: The words after `orgclose`.
    ///   - environment: Variables to set for it.
    ///   - onlyFake: Whether `PATH` holds only the fake, so that no other `aws` is found.
    /// - Returns: How it ended and what it printed.
    /// - Throws: `CommandLaunchError` when it cannot be started.
    func orgclose(
      _ arguments: [String], environment: [String: String] = [:], onlyFake: Bool = false
    ) throws -> CommandOutput {
      let path =
        onlyFake
        ? folder : folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      return try TestProcess.orgclose(
        arguments, environment: environment.merging(["PATH": path]) { mine, _ in mine },
        timeout: .seconds(120))
    }

    func file(_ name: String) -> String { temporary.file(name) }
    func contents() throws -> [String] { try temporary.contents() }
    func remove() { temporary.remove() }
  }

  /// An `aws` whose `describe-organization` hangs in a grandchild, recording orgclose's pid
  /// and the grandchild's.
  static let hangingAWS = hangingAWS(on: "describe-organization")

  /// An `aws` whose `command` hangs in a grandchild, recording orgclose's pid and the
  /// grandchild's; the organization is described, and every other call fails.
  static func hangingAWS(on command: String) -> String {
    """
    case "$*" in
      *--version*) echo "aws-cli/2.15.0 Python/3.11"; exit 0 ;;
      *\(command)*)
        sleep 60 & echo $! > "$DIR/sleeper.pid"
        echo $PPID > "$DIR/orgclose.pid.tmp" && mv "$DIR/orgclose.pid.tmp" "$DIR/orgclose.pid"
        wait ;;
      *describe-organization*)
        echo '{"Organization": {"Id": "o-abcdefghij", "FeatureSet": "ALL",
          "Arn": "arn:aws:organizations::111111111111:organization/o-abcdefghij",
          "MasterAccountId": "111111111111", "MasterAccountEmail": "root@example.com"}}'
        exit 0 ;;
    esac
    exit 1

    """
  }

  /// A signal, and the call that hangs when it comes: the first runs on the main thread,
  /// `list-roots` on a worker thread of the collector.
  struct InterruptCase: Sendable, CustomTestStringConvertible {
    var signal: Int32
    var hangingCall: String
    var testDescription: String { "signal \(signal) during \(hangingCall)" }
  }

  @Test(
    "SIGINT, SIGTERM and SIGHUP remove the temporary output, keep the old file, kill aws, exit 128+signal",
    .timeLimit(.minutes(2)),
    arguments: [SIGINT, SIGTERM, SIGHUP].flatMap { signal in
      ["describe-organization", "list-roots"].map {
        InterruptCase(signal: signal, hangingCall: $0)
      }
    })
  func interruptionLeavesNothingBehind(_ c: InterruptCase) throws {
    let signal = c.signal
    let aws = try FakeAWS(Self.hangingAWS(on: c.hangingCall))
    defer { aws.remove() }
    try "old\n".write(toFile: aws.file("org.json"), atomically: true, encoding: .utf8)
    let sawTemporaryFile = Flag()
    let interrupter = Thread {
      for _ in 0..<600 {
        if let text = try? String(contentsOfFile: aws.file("orgclose.pid"), encoding: .utf8),
          let id = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
          if (try? aws.contents())?.contains(where: { $0.hasSuffix(".tmp") }) == true {
            sawTemporaryFile.set()
          }
          kill(id, signal)
          return
        }
        usleep(50_000)
      }
    }
    interrupter.start()
    let result = try aws.orgclose(["snapshot", "--no-costs", "--out", aws.file("org.json")])
    #expect(result.termination == .exited(128 + signal))
    #expect(sawTemporaryFile.isSet, "the output was being written when the signal came")
    #expect(try aws.contents() == ["aws", "org.json", "orgclose.pid", "sleeper.pid"])
    #expect(try String(contentsOfFile: aws.file("org.json"), encoding: .utf8) == "old\n")
    let sleeper = try #require(
      pid_t(
        try String(contentsOfFile: aws.file("sleeper.pid"), encoding: .utf8)
          .trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(processIsGone(sleeper), "the aws child's process group was killed")
  }

  @Test(
    "--aws-timeout and ORGCLOSE_AWS_TIMEOUT kill a hung aws and its group: exit 75, one line",
    .timeLimit(.minutes(2)),
    arguments: [
      (["--aws-timeout", "1"], [:]), ([], ["ORGCLOSE_AWS_TIMEOUT": "1"]),
      (["--aws-timeout", "1"], ["ORGCLOSE_AWS_TIMEOUT": "600"]),
    ] as [([String], [String: String])])
  func timeoutKillsAHungAWS(_ options: [String], _ environment: [String: String]) throws {
    let aws = try FakeAWS(Self.hangingAWS)
    defer { aws.remove() }
    let result = try aws.orgclose(
      ["snapshot", "--no-costs", "--out", aws.file("org.json")] + options,
      environment: environment)
    #expect(result.termination == .exited(75))
    #expect(
      result.errorText
        == "orgclose: aws organizations describe-organization timed out after 1 s and was "
        + "killed; raise the limit with --aws-timeout SECONDS or ORGCLOSE_AWS_TIMEOUT\n")
    #expect(try aws.contents() == ["aws", "orgclose.pid", "sleeper.pid"])
    let sleeper = try #require(
      pid_t(
        try String(contentsOfFile: aws.file("sleeper.pid"), encoding: .utf8)
          .trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(processIsGone(sleeper))
  }

  @Test("snapshot fails on an unwritable --out before it runs aws at all: exit 74")
  func unwritableOutputFailsFirst() throws {
    let aws = try FakeAWS(Self.hangingAWS)
    defer { aws.remove() }
    let result = try aws.orgclose(["snapshot", "--out", aws.file("missing/org.json")])
    #expect(result.termination == .exited(74))
    #expect(
      result.errorText
        == "orgclose: \(aws.file("missing/org.json")): cannot be written: No such file or "
        + "directory\n")
    #expect(try aws.contents() == ["aws"])
  }

  @Test("a timeout that is not a whole number of seconds is a usage error, from either source")
  func invalidTimeoutIsAUsageError() throws {
    let aws = try FakeAWS(Self.hangingAWS)
    defer { aws.remove() }
    let flag = try aws.orgclose(["snapshot", "--aws-timeout", "0"])
    #expect(flag.termination == .exited(64))
    #expect(
      flag.errorText
        == "orgclose: snapshot: --aws-timeout must be a whole number from 1 to 86400, not \"0\"; "
        + "see 'orgclose help snapshot'\n")
    let variable = try aws.orgclose(["snapshot"], environment: ["ORGCLOSE_AWS_TIMEOUT": "soon"])
    #expect(variable.termination == .exited(64))
    #expect(
      variable.errorText
        == "orgclose: snapshot: ORGCLOSE_AWS_TIMEOUT must be a whole number of seconds from 1 to "
        + "86400, not \"soon\"; see 'orgclose help snapshot'\n")
    #expect(try aws.contents() == ["aws"])
  }

  @Test("an aws that exists but cannot be executed exits 69 with the install hint")
  func awsThatCannotRun() throws {
    let aws = try FakeAWS("echo never\n", executable: false)
    defer { aws.remove() }
    let result = try aws.orgclose(["snapshot", "--no-costs"], onlyFake: true)
    #expect(result.termination == .exited(69))
    #expect(result.errorText.hasPrefix("orgclose: the aws CLI on PATH cannot be run ("))
    #expect(result.errorText.contains("Permission denied"))
    #expect(result.errorText.hasSuffix("and check that 'aws --version' works\n"))
    #expect(result.errorText.filter { $0 == "\n" }.count == 1)
    #expect(result.standardOutput.isEmpty)
  }

  @Test("the aws CLI's error text is one escaped line of at most 500 characters")
  func awsErrorTextIsOneCleanLine() throws {
    let aws = try FakeAWS(
      """
      case "$*" in
        *--version*) echo "aws-cli/2.15.0"; exit 0 ;;
      esac
      printf '\\nAn error occurred (AccessDenied) when calling the DescribeOrganization operation: \\033[2J\\033]0;owned\\007 %s\\r\\n' "$(head -c 3000 /dev/zero | tr '\\0' x)" >&2
      exit 254

      """)
    defer { aws.remove() }
    let result = try aws.orgclose(["snapshot", "--no-costs"])
    #expect(result.termination == .exited(75))
    let text = result.errorText
    #expect(text.filter { $0 == "\n" }.count == 1)
    #expect(text.hasSuffix("\n"))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(text.contains(#"AccessDenied: \u{1B}[2J\u{1B}]0;owned\u{7} xxx"#))
    #expect(text.contains("x…"))
    #expect(text.count < 900)
  }

  @Test(
    "a full, closed or broken standard output exits 74 with one line on standard error",
    arguments: [
      (#"exec "$0" validate "$1" > /dev/full"#, "No space left on device"),
      (#"exec "$0" validate "$1" >&-"#, "Bad file descriptor"),
      (#"( sleep 1; "$0" validate "$1"; echo "exit $?" >&2 ) | true"#, "Broken pipe"),
    ])
  func standardOutputFailures(_ script: String, _ reason: String) throws {
    let snapshot = Fixtures.samplesDirectory.appendingPathComponent("acme/org.snapshot.json").path
    // The test, not the product, uses a shell: to give the binary a broken standard output.
    let result = try TestProcess.run(
      "sh", ["-c", script, TestProcess.orgclose, snapshot], timeout: .seconds(60))
    let line = "orgclose: standard output: cannot be written: \(reason)\n"
    if script.hasPrefix("exec") {
      #expect(result.termination == .exited(74))
      #expect(result.errorText == line)
    } else {
      #expect(result.errorText == line + "exit 74\n")
    }
  }
}

/// Whether no process `id` runs (a zombie counts as gone), waiting at most 10 s.
private func processIsGone(_ id: pid_t) -> Bool {
  for _ in 0..<200 {
    let stat = try? String(contentsOfFile: "/proc/\(id)/stat", encoding: .utf8)
    if stat == nil || stat?.split(separator: ")").last?.split(separator: " ").first == "Z" {
      return true
    }
    usleep(50_000)
  }
  return false
}

/// A flag one thread sets and another reads.
private final class Flag: Sendable {
  private let value = Mutex(false)
  var isSet: Bool { value.withLock { $0 } }
  func set() { value.withLock { $0 = true } }
}
