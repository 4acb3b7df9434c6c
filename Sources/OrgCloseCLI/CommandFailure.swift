import ClosurePlanner
import PlanFiles

/// A command that failed: the one-line message and the exit status it maps to.
struct CommandFailure: Error, Sendable {
  var status: ExitStatus
  var message: String

  init(status: ExitStatus, message: String) {
    self.status = status
    self.message = message
  }

  init(_ error: UsageError) { self.init(status: .usage, message: error.description) }

  init(_ error: PlanFileError) {
    switch error {
    case .missing, .unreadable: self.init(status: .noInput, message: error.description)
    case .invalid: self.init(status: .dataError, message: error.description)
    case .writeFailed: self.init(status: .ioError, message: error.description)
    }
  }

  /// Planning errors about the policy name the policy file; the rest are internal.
  init(_ error: PlanningError, policyFile: String?) {
    if error.policyPath != nil {
      self.init(
        status: .dataError, message: (policyFile.map { "\($0): " } ?? "policy: ") + error.description)
    } else {
      self.init(status: .failure, message: error.description)
    }
  }
}
