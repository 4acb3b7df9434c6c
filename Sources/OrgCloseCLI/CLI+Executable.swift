import Foundation
import OrgCloseBasics

extension CLI {
  /// Runs `orgclose` as the executable does: on the process's standard streams.
  ///
  /// A failed write to standard output (a full disk, `/dev/full`, a closed descriptor, a pipe
  /// whose reader left) is reported once on standard error and exits 74, whatever the command
  /// returned.
  public static func runAsExecutable(_ arguments: [String]) -> ExitStatus {
    let output = StandardStream.output
    let errors = StandardStream.error
    var console = Console(
      out: { output.write($0) }, err: { errors.write($0) },
      today: { ISO8601DateFormatter().string(from: Date()).prefix(10).description })
    console.outputIsTerminal = isatty(STDOUT_FILENO) == 1
    console.environment = ProcessInfo.processInfo.environment
    let status = run(arguments, console: console)
    if let failure = output.writeError {
      errors.write("orgclose: \(OneLine.escaped(failure.description))\n")
      return .ioError
    }
    return status
  }
}
