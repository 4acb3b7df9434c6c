/// Runs external programs to completion.
///
/// This is the seam that lets tests replace the `aws` CLI with canned output. Implementations
/// must be safe to call from several threads at once: the snapshot collector runs a bounded
/// number of commands in parallel.
public protocol CommandRunner: Sendable {
  /// Runs `command` to completion and returns its exit status and output.
  ///
  /// A program that ran and failed is not an error: its status and standard error are in the
  /// output.
  ///
  /// - Parameter command: The program, its arguments and environment overrides.
  /// - Returns: The finished program's exit status and both output streams.
  /// - Throws: `CommandLaunchError` only when the program could not be started at all.
  func run(_ command: Command) throws(CommandLaunchError) -> CommandOutput
}

/// A program could not be started (not the same as a program that ran and failed).
public struct CommandLaunchError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Why the operating system refused, as it said it.
  public var reason: String

  /// Creates a launch error with the operating system's reason.
  public init(reason: String) { self.reason = reason }

  public var description: String { "could not start /usr/bin/env: \(reason)" }
}
