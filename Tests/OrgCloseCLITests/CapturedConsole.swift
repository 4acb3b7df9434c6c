import OrgCloseCLI
import Synchronization

/// A console that records what a command writes, safe under parallel tests.
final class CapturedConsole: Sendable {
  private let output = Mutex("")
  private let errors = Mutex("")

  var out: String { output.withLock { $0 } }
  var err: String { errors.withLock { $0 } }

  var console: Console {
    Console(
      out: { text in self.output.withLock { $0 += text } },
      err: { text in self.errors.withLock { $0 += text } },
      today: { "2026-11-26" })
  }

  /// Runs `orgclose` in process; `terminal` says whether standard output is a terminal.
  static func run(
    _ arguments: [String], terminal: Bool = false, environment: [String: String] = [:]
  ) -> (status: ExitStatus, out: String, err: String) {
    let captured = CapturedConsole()
    var console = captured.console
    console.outputIsTerminal = terminal
    console.environment = environment
    let status = CLI.run(arguments, console: console)
    return (status, captured.out, captured.err)
  }
}
