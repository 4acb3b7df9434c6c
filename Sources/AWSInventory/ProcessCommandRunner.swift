import Foundation

/// Runs commands as child processes through `/usr/bin/env`, never through a shell.
///
/// Each child runs in a process group of its own (see `ChildProcess`), both pipes are drained
/// while it runs (see `OutputCollector`), and a command with a `timeout` that runs longer is
/// killed, group and all, and reported as timed out.
public struct ProcessCommandRunner: CommandRunner {
  /// Creates a runner that starts real processes.
  public init() {}

  public func run(_ command: Command) throws(CommandLaunchError) -> CommandOutput {
    let environment = ProcessInfo.processInfo.environment.merging(command.environment) {
      _, override in override
    }
    let child = try ChildProcess.spawn(
      ["/usr/bin/env", command.executable] + command.arguments, environment: environment)
    var collector = OutputCollector()
    let timedOut = collector.collect(from: child, timeout: command.timeout)
    let termination = child.wait()
    return CommandOutput(
      termination: timedOut ? .timedOut(after: command.timeout ?? .zero) : termination,
      standardOutput: collector.output, standardError: collector.error)
  }
}
