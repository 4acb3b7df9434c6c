import Foundation
import OrgCloseBasics

/// A child started with `posix_spawn` in a process group of its own, its standard output and
/// standard error on pipes, its standard input on `/dev/null`.
///
/// Its own group lets orgclose kill the child and everything it started (the AWS CLI may
/// start helpers, such as an SSO credential process) in one call, on a timeout or when
/// orgclose is interrupted, and keeps a terminal's Ctrl-C from reaching it directly:
/// orgclose decides. The group is known to `InterruptCleanup` from the moment it exists.
struct ChildProcess {
  let id: pid_t
  /// The read ends of the child's standard output and standard error.
  let output: Int32
  let error: Int32

  /// Starts `arguments[0]` (an absolute path) with `arguments` and `environment`.
  static func spawn(_ arguments: [String], environment: [String: String])
    throws(CommandLaunchError) -> ChildProcess
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    posix_spawnattr_setpgroup(&attributes, 0)
    // orgclose ignores SIGPIPE (to report a closed standard output), and the starting
    // thread may block signals (test and Dispatch threads do); the child starts with none of
    // that, or it would ignore a closed pipe, ignore Ctrl-C or hang in `wait` on a blocked
    // SIGCHLD.
    var nothing = sigset_t()
    sigemptyset(&nothing)
    posix_spawnattr_setsigmask(&attributes, &nothing)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)

    let argv = arguments.map { strdup($0) } + [nil]
    let envp =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
      + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var id: pid_t = 0
    var outputPipe: [Int32] = [-1, -1]
    var errorPipe: [Int32] = [-1, -1]
    // Spawns are serialized by the registry's lock, so no child started on another thread
    // can inherit these pipes before they are marked close-on-exec; `dup2` clears the flag
    // on the child's own copies.
    let result = InterruptCleanup.trackingProcessGroup { () -> pid_t in
      guard pipe(&outputPipe) == 0 else { return -errno }
      guard pipe(&errorPipe) == 0 else { return -errno }
      for descriptor in outputPipe + errorPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
      posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
      posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)
      let code = posix_spawn(&id, arguments[0], &actions, &attributes, argv, envp)
      return code == 0 ? id : -code
    }
    for descriptor in [outputPipe[1], errorPipe[1]] where descriptor >= 0 { close(descriptor) }
    guard result > 0 else {
      for descriptor in [outputPipe[0], errorPipe[0]] where descriptor >= 0 { close(descriptor) }
      throw launchError(-result)
    }
    return ChildProcess(id: id, output: outputPipe[0], error: errorPipe[0])
  }

  /// Kills the child's whole process group.
  func killGroup() { kill(-id, SIGKILL) }

  /// Waits for the child to end and forgets its group.
  func wait() -> CommandOutput.Termination {
    // Wait without reaping, then forget the group, then reap: until it is reaped the child
    // keeps its ID, so the group the cleanup would kill cannot be someone else's.
    var info = siginfo_t()
    while waitid(P_PID, id_t(id), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
    InterruptCleanup.untrack(processGroup: id)
    var status: Int32 = 0
    while waitpid(id, &status, 0) < 0 {
      guard errno == EINTR else { break }
    }
    // The <sys/wait.h> macros are not imported: the low 7 bits are the signal, 0 for an exit.
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .killed(signal: signal)
  }

  private static func launchError(_ code: Int32) -> CommandLaunchError {
    CommandLaunchError(reason: systemMessage(code))
  }
}
