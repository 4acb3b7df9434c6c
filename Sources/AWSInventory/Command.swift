import Foundation

/// One external program to run: an argument vector, never a shell string.
///
/// `executable` is looked up on `PATH` by `/usr/bin/env`, so the user's own `aws` is the one
/// that runs. `environment` holds only the variables to set or override; everything else is
/// inherited from orgclose's own environment.
public struct Command: Hashable, Sendable, CustomStringConvertible {
  /// The program's name, for example `aws`.
  public var executable: String
  /// The arguments after the program's name.
  public var arguments: [String]
  /// Variables to set on top of the inherited environment.
  public var environment: [String: String]
  /// How long the program may run before its process group is killed; `nil` for no limit.
  public var timeout: Duration?

  /// Creates a command from its program name, arguments, environment overrides and timeout.
  public init(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    timeout: Duration? = nil
  ) {
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
    self.timeout = timeout
  }

  /// The command as a person would type it, for messages (arguments are not quoted).
  public var description: String { ([executable] + arguments).joined(separator: " ") }
}

/// What a finished program left behind: how it ended and both output streams.
public struct CommandOutput: Hashable, Sendable {
  /// How a program ended.
  public enum Termination: Hashable, Sendable, CustomStringConvertible {
    /// It exited with this status; `/usr/bin/env` exits 127 when the program is not on
    /// `PATH` and 126 when it cannot be run.
    case exited(Int32)
    /// A signal ended it.
    case killed(signal: Int32)
    /// It ran past its timeout, and its process group was killed.
    case timedOut(after: Duration)

    /// `exit 254`, `killed by signal 9 (SIGKILL)`, `timed out after 300 s`.
    public var description: String {
      switch self {
      case .exited(let status): "exit \(status)"
      case .killed(let signal):
        "killed by signal \(signal)\(signalName(signal).map { " (\($0))" } ?? "")"
      case .timedOut(let limit): "timed out after \(limit.components.seconds) s"
      }
    }
  }

  /// How the program ended.
  public var termination: Termination
  /// Everything the program wrote to standard output.
  public var standardOutput: [UInt8]
  /// Everything the program wrote to standard error.
  public var standardError: [UInt8]

  /// Creates an output record.
  public init(termination: Termination, standardOutput: [UInt8], standardError: [UInt8]) {
    self.termination = termination
    self.standardOutput = standardOutput
    self.standardError = standardError
  }

  /// Creates the record of a program that exited with `exitStatus`.
  public init(exitStatus: Int32, standardOutput: [UInt8], standardError: [UInt8]) {
    self.init(
      termination: .exited(exitStatus), standardOutput: standardOutput,
      standardError: standardError)
  }

  /// The exit status, or `nil` when the program did not exit by itself.
  public var exitStatus: Int32? {
    if case .exited(let status) = termination { return status }
    return nil
  }

  /// Standard error as text (invalid UTF-8 repaired).
  public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}

/// The name of `signal` (`SIGKILL`) for the signals a child is likely to die of.
func signalName(_ signal: Int32) -> String? {
  let names: [Int32: String] = [
    SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
    SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL",
    SIGUSR1: "SIGUSR1", SIGSEGV: "SIGSEGV", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE",
    SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ",
  ]
  return names[signal]
}
