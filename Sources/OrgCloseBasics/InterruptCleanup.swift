package import Foundation
import Synchronization

/// What must not outlive an interrupted orgclose: temporary output files and the process
/// groups of running `aws` children.
///
/// `install()`, called once by the executable, gives SIGINT, SIGTERM and SIGHUP a handler
/// that only writes the signal's number into a pipe (`write` is async-signal-safe), and
/// starts a thread that reads that pipe. That thread runs ordinary code, so it may take the
/// registry's lock (a handler interrupting the thread that holds it would deadlock): it
/// removes every temporary file, kills every child's process group with SIGKILL, and exits
/// with 128 + the signal's number, as a shell reports a process the signal ended. A handler
/// (rather than blocking the signals and waiting in `sigwait`) works whichever thread the
/// signal reaches: Foundation's threads start with no signal blocked.
///
/// Without `install()` (in tests, which run many commands in one process) the registry is
/// kept all the same and nothing handles the signals.
public enum InterruptCleanup: Sendable {
  /// The signals that end orgclose after cleaning up.
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  private struct Registry {
    var temporaryFiles: Set<String> = []
    var processGroups: Set<pid_t> = []
  }

  private static let registry = Mutex(Registry())

  /// The write end of the pipe the handler signals through; -1 until `install()`.
  private static let signalPipe = Atomic<Int32>(-1)

  /// Installs the handlers and starts the thread that cleans up.
  ///
  /// Call it first thing in `main`.
  public static func install() {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    // Stored (and the global initialized) before any handler can read it.
    signalPipe.store(ends[1], ordering: .releasing)
    let reader = ends[0]
    let waiter = Thread {
      var number: UInt8 = 0
      while read(reader, &number, 1) != 1 {}
      cleanUpAndExit(Int32(number))
    }
    waiter.start()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
      var number = UInt8(truncatingIfNeeded: signal)
      _ = write(InterruptCleanup.signalPipe.load(ordering: .acquiring), &number, 1)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    for signal in signals { sigaction(signal, &action, nil) }
  }

  /// Removes the temporary files, kills the child process groups and exits with 128 + `signal`.
  ///
  /// The lock is held to the end, so no write can rename a temporary file into place and no
  /// new child can start meanwhile.
  static func cleanUpAndExit(_ signal: Int32) -> Never {
    registry.withLock { registry -> Never in
      for file in registry.temporaryFiles { unlink(file) }
      for group in registry.processGroups { kill(-group, SIGKILL) }
      _exit(128 + signal)
    }
  }

  /// Records a temporary file to remove if orgclose is interrupted.
  package static func track(temporaryFile path: String) {
    _ = registry.withLock { $0.temporaryFiles.insert(path) }
  }

  /// Forgets a temporary file (it was renamed into place or removed).
  package static func untrack(temporaryFile path: String) {
    _ = registry.withLock { $0.temporaryFiles.remove(path) }
  }

  /// Runs `body` (the rename that puts the file in place) and forgets the temporary file,
  /// with no interruption in between.
  package static func untrack<Result>(
    temporaryFile path: String, after body: () -> Result
  ) -> Result {
    registry.withLock { registry in
      let result = body()
      registry.temporaryFiles.remove(path)
      return result
    }
  }

  /// Starts a child with `spawn`, which returns its process group (or a value of 0 or less
  /// when it failed), and records the group, so that an interruption cannot fall between
  /// the two and leave the child running.
  package static func trackingProcessGroup(_ spawn: () -> pid_t) -> pid_t {
    registry.withLock { registry in
      let group = spawn()
      if group > 0 { registry.processGroups.insert(group) }
      return group
    }
  }

  /// Forgets a child's process group (the child ended).
  package static func untrack(processGroup group: pid_t) {
    _ = registry.withLock { $0.processGroups.remove(group) }
  }

  /// Whether `path` is being written (for tests).
  package static func isTracking(temporaryFile path: String) -> Bool {
    registry.withLock { $0.temporaryFiles.contains(path) }
  }
}
