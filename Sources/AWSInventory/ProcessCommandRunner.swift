import Foundation

/// Runs commands as child processes through `/usr/bin/env`, never through a shell.
///
/// Both pipes are drained while the child runs: waiting first, or reading one pipe to its end
/// before the other, deadlocks once the child writes more than the 64 KiB a pipe buffers, and
/// `list-accounts` on a real organization does.
public struct ProcessCommandRunner: CommandRunner {
  /// Creates a runner that starts real processes.
  public init() {}

  public func run(_ command: Command) throws(CommandLaunchError) -> CommandOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [command.executable] + command.arguments
    if !command.environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(command.environment) {
        _, override in override
      }
    }
    // Creating the pipes and starting the child under one lock keeps a sibling started on
    // another thread from inheriting these pipes before they are marked close-on-exec.
    let started = spawnLock.withLock { () -> Result<(Pipe, Pipe), CommandLaunchError> in
      let output = Pipe.closedOnExec()
      let error = Pipe.closedOnExec()
      process.standardOutput = output
      process.standardError = error
      process.standardInput = FileHandle.nullDevice
      // A child inherits the starting thread's signal mask, and test and Dispatch threads
      // block most signals: a child started with SIGCHLD or SIGTERM blocked can hang in
      // `wait` or ignore Ctrl-C. Start it with nothing blocked, then restore the mask.
      var nothing = sigset_t()
      var previous = sigset_t()
      sigemptyset(&nothing)
      pthread_sigmask(SIG_SETMASK, &nothing, &previous)
      defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
      do {
        try process.run()
      } catch {
        return .failure(CommandLaunchError(reason: "\(error.localizedDescription)"))
      }
      return .success((output, error))
    }
    let output: Pipe
    let error: Pipe
    switch started {
    case .success(let pipes): (output, error) = pipes
    case .failure(let failure): throw failure
    }
    let errorBytes = BackgroundRead(error.fileHandleForReading)
    let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandOutput(
      exitStatus: process.terminationStatus, standardOutput: Array(outputBytes),
      standardError: Array(errorBytes.wait()))
  }
}

/// Serializes pipe creation and process start across threads (see `Pipe.closedOnExec()`).
private let spawnLock = NSLock()

/// Reads a file handle to its end on a thread of its own.
///
/// `@unchecked Sendable`: `data` is written once by the reading thread before it signals the
/// semaphore, and read only after `wait()` returns, so the semaphore orders the two accesses.
private final class BackgroundRead: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    let thread = Thread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
    thread.start()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
