import Foundation
import Synchronization
import Testing

@testable import AWSInventory

/// Replays canned `aws` output: each reply is chosen by the CLI command and its arguments,
/// and replies queued for the same call are used in order (the last one repeats).
final class FakeCommandRunner: CommandRunner {
  struct Reply: Sendable {
    var status: Int32 = 0
    var stdout = ""
    var stderr = ""
    /// Set for a call killed by a signal or a timeout rather than exiting.
    var ending: CommandOutput.Termination?

    init(status: Int32 = 0, stdout: String = "", stderr: String = "") {
      self.status = status
      self.stdout = stdout
      self.stderr = stderr
    }

    /// A call a signal killed.
    init(signal: Int32) { ending = .killed(signal: signal) }

    /// A call that ran past its timeout.
    init(timeout: Duration) { ending = .timedOut(after: timeout) }
  }

  /// What the runner records and replays, shared by the collector's threads.
  private struct State {
    var replies: [String: [Reply]] = [:]
    var calls: [Command] = []
    var running = 0
    var mostRunning = 0
  }

  private let state = Mutex(State())
  private let delay: TimeInterval

  /// - Parameter delay: How long each call takes, to observe parallelism.
  init(delay: TimeInterval = 0) { self.delay = delay }

  /// Sets the replies for the command whose words after the connection options are `key`,
  /// for example `organizations list-accounts-for-parent --parent-id r-ab12`, replacing any
  /// set before.
  func on(_ key: String, _ replies: Reply...) {
    state.withLock { $0.replies[key] = replies }
  }

  /// Queues a successful JSON reply.
  func on(_ key: String, json: String) { on(key, Reply(stdout: json)) }

  /// Every command run so far, in order.
  var commands: [Command] { state.withLock { $0.calls } }

  /// The most commands that ran at the same time.
  var peakConcurrency: Int { state.withLock { $0.mostRunning } }

  /// How many times the call `key` was run.
  func count(_ key: String) -> Int {
    commands.filter { Self.key(of: $0) == key }.count
  }

  func run(_ command: Command) throws(CommandLaunchError) -> CommandOutput {
    let key = Self.key(of: command)
    let reply: Reply? = state.withLock { state in
      state.calls.append(command)
      state.running += 1
      state.mostRunning = max(state.mostRunning, state.running)
      guard var queue = state.replies[key], !queue.isEmpty else { return nil }
      let next = queue.count > 1 ? queue.removeFirst() : queue[0]
      state.replies[key] = queue
      return next
    }
    if delay > 0 { Thread.sleep(forTimeInterval: delay) }
    state.withLock { $0.running -= 1 }
    guard let reply else {
      Issue.record("unexpected command: \(command)")
      return CommandOutput(
        exitStatus: 255, standardOutput: [],
        standardError: Array(
          "An error occurred (Unexpected) when calling the X operation: \(key)".utf8))
    }
    return CommandOutput(
      termination: reply.ending ?? .exited(reply.status), standardOutput: Array(reply.stdout.utf8),
      standardError: Array(reply.stderr.utf8))
  }

  /// The command's words from the service on, without `--page-size 20`; `--version` alone.
  static func key(of command: Command) -> String {
    var words = command.arguments
    if words == ["--version"] { return "--version" }
    var index = 0
    while index < words.count, words[index].hasPrefix("--") {
      index += words[index] == "--no-cli-pager" ? 1 : 2
    }
    words = Array(words[index...])
    if let size = words.firstIndex(of: "--page-size") { words.removeSubrange(size...(size + 1)) }
    return words.joined(separator: " ")
  }
}

extension FakeCommandRunner.Reply {
  /// A failure as the CLI prints it: `An error occurred (CODE) when calling …: MESSAGE`.
  static func error(_ code: String, _ operation: String, _ message: String, status: Int32 = 254)
    -> Self
  {
    Self(
      status: status,
      stderr: "\nAn error occurred (\(code)) when calling the \(operation) operation: \(message)\n")
  }

  /// Throttling after the CLI's own retries.
  static func throttled(_ operation: String) -> Self {
    Self(
      status: 254,
      stderr: "\nAn error occurred (TooManyRequestsException) when calling the \(operation) "
        + "operation (reached max retries: 4): Rate exceeded\n")
  }
}
