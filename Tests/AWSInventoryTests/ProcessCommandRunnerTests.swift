import AWSInventory
import Foundation
import TestSupport
import Testing

/// The real process runner: no deadlock on big output, `env`'s 127, environment overrides.
@Suite struct ProcessCommandRunnerTests {
  @Test("1 MiB on each stream comes back whole, without a deadlock", .timeLimit(.minutes(1)))
  func drainsBothPipes() throws {
    // The test, not the product, uses a shell: to write to both streams at once.
    let script =
      "head -c 1048576 /dev/zero | tr '\\0' o & head -c 1048576 /dev/zero | tr '\\0' e >&2; "
      + "wait; exit 3"
    let output = try ProcessCommandRunner().run(Command("sh", ["-c", script]))
    #expect(output.exitStatus == 3)
    #expect(output.standardOutput.count == 1_048_576)
    #expect(output.standardError.count == 1_048_576)
    #expect(output.standardOutput.allSatisfy { $0 == UInt8(ascii: "o") })
  }

  @Test("children start with no signal blocked, whatever the starting thread blocks")
  func childrenStartWithAnEmptySignalMask() throws {
    // Test threads block SIGCHLD among others; a child that inherited that mask hangs in
    // the shell's `wait` (seen as a stuck test before the runner reset the mask).
    let output = try ProcessCommandRunner().run(Command("grep", ["SigBlk", "/proc/self/status"]))
    #expect(String(decoding: output.standardOutput, as: UTF8.self) == "SigBlk:\t0000000000000000\n")
  }

  @Test("a program that is not on PATH exits 127 through env")
  func missingProgram() throws {
    let output = try ProcessCommandRunner().run(Command("orgclose-no-such-program-x", []))
    #expect(output.exitStatus == 127)
  }

  @Test("environment overrides reach the child; the rest is inherited")
  func environmentOverrides() throws {
    let output = try ProcessCommandRunner().run(
      Command(
        "sh", ["-c", "printf '%s|%s' \"$AWS_PAGER\" \"${PATH:+set}\""],
        environment: ["AWS_PAGER": ""]))
    #expect(String(decoding: output.standardOutput, as: UTF8.self) == "|set")
  }

  @Test("a timeout kills the child's whole process group", .timeLimit(.minutes(1)))
  func timeoutKillsTheProcessGroup() throws {
    // The shell starts a grandchild and waits: killing the shell alone would leave it.
    let output = try ProcessCommandRunner().run(
      Command("sh", ["-c", "sleep 60 & echo $!; wait"], timeout: .seconds(1)))
    #expect(output.termination == .timedOut(after: .seconds(1)))
    #expect(output.termination.description == "timed out after 1 s")
    let grandchild = try #require(
      pid_t(
        String(decoding: output.standardOutput, as: UTF8.self).trimmingCharacters(
          in: .whitespacesAndNewlines)))
    #expect(waitUntilGone(grandchild))
  }

  @Test("a child killed by a signal is reported as killed by it, not as an exit status")
  func killedChildNamesItsSignal() throws {
    let output = try ProcessCommandRunner().run(Command("sh", ["-c", "kill -9 $$"]))
    #expect(output.termination == .killed(signal: SIGKILL))
    #expect(output.exitStatus == nil)
    #expect(output.termination.description == "killed by signal 9 (SIGKILL)")
  }

  @Test("a program found on PATH that cannot be executed exits 126 through env")
  func notExecutableProgram() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let program = folder.url("orgclose-not-executable")
    try "#!/bin/sh\necho hi\n".write(to: program, atomically: true, encoding: .utf8)
    chmod(program.path, 0o644)
    let output = try ProcessCommandRunner().run(
      Command(
        "orgclose-not-executable", [],
        environment: [
          "PATH": folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        ]))
    #expect(output.exitStatus == 126)
  }
}

/// Waits (at most 10 s) until no process `id` runs, counting a zombie as gone.
func waitUntilGone(_ id: pid_t) -> Bool {
  for _ in 0..<200 {
    let state = (try? String(contentsOfFile: "/proc/\(id)/stat", encoding: .utf8))?
      .split(separator: ")").last?.split(separator: " ").first
    if state == nil || state == "Z" { return true }
    usleep(50_000)
  }
  return false
}
