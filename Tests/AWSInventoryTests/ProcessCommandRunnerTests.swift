import AWSInventory
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
}
