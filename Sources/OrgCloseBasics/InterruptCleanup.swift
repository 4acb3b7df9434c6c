package import Foundation
import Synchronization

/// What must not outlive an interrupted orgclose: temporary output files and the process
/// groups of running `aws` children.
///
/// `install()`, called once by the executable, blocks SIGINT, SIGTERM and SIGHUP in every
/// thread and waits for them on a thread of its own with `sigwait`. The signal is therefore
/// handled by ordinary code, not in a signal handler, so it may take the registry's lock
/// (a handler interrupting the thread that holds it would deadlock). It removes every
/// temporary file, kills every child's process group with SIGKILL, and exits with
/// 128 + the signal's number, as a shell reports a process the signal ended.
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

  /// Blocks the signals and starts the thread that handles them.
  ///
  /// The signals are blocked in the calling thread, and so in every thread it starts
  /// afterwards; call it first thing in `main`, before any other thread exists.
  public static func install() {
    var blocked = sigset_t()
    sigemptyset(&blocked)
    for signal in signals { sigaddset(&blocked, signal) }
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    let waited = blocked
    let waiter = Thread {
      var set = waited
      var received: Int32 = 0
      while sigwait(&set, &received) != 0 {}
      cleanUpAndExit(received)
    }
    waiter.start()
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
