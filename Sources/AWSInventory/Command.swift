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

  /// Creates a command from its program name, arguments and environment overrides.
  public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) {
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
  }

  /// The command as a person would type it, for messages (arguments are not quoted).
  public var description: String { ([executable] + arguments).joined(separator: " ") }
}

/// What a finished program left behind: its exit status and both output streams.
public struct CommandOutput: Hashable, Sendable {
  /// The exit status; `/usr/bin/env` exits 127 when the program is not on `PATH`.
  public var exitStatus: Int32
  /// Everything the program wrote to standard output.
  public var standardOutput: [UInt8]
  /// Everything the program wrote to standard error.
  public var standardError: [UInt8]

  /// Creates an output record.
  public init(exitStatus: Int32, standardOutput: [UInt8], standardError: [UInt8]) {
    self.exitStatus = exitStatus
    self.standardOutput = standardOutput
    self.standardError = standardError
  }

  /// Standard error as text (invalid UTF-8 repaired).
  public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}
