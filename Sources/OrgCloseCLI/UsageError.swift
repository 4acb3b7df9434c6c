/// A command line that cannot be run as written (exit 64).
struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
  var message: String
  /// The command whose help to point at, if any.
  var command: String?

  init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }

  var description: String {
    message + "; see 'orgclose help" + (command.map { " \($0)" } ?? "") + "'"
  }
}
