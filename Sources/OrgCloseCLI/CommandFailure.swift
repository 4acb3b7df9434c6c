import AWSInventory
import ClosurePlanner
import OrgCloseBasics
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
    case .outputIsInput: self.init(status: .usage, message: error.description)
    }
  }

  /// An output that is an input: 64 (choose another name); an unreadable input: 66; any
  /// other: 74.
  init(_ error: FileAccessError) {
    switch error {
    case .isAnInput: self.init(status: .usage, message: error.description)
    case .cannotRead: self.init(status: .noInput, message: error.description)
    case .cannotWrite, .notWritable: self.init(status: .ioError, message: error.description)
    }
  }

  /// `aws` missing: 69; AWS still failing: 75; unreadable data: 65; missing input: 66.
  init(_ error: InventoryError) {
    let status: ExitStatus =
      switch error {
      case .awsNotFound, .awsNotExecutable, .launchFailed: .unavailable
      case .accessDenied, .notInOrganization, .unsupportedByCLI, .awsFailed: .temporaryFailure
      case .malformedOutput, .fileInvalid: .dataError
      case .folderMissing, .fileUnreadable: .noInput
      }
    self.init(status: status, message: error.description)
  }

  /// Planning errors about the policy name the policy file; the rest are internal.
  init(_ error: PlanningError, policyFile: String?) {
    if error.policyPath != nil {
      self.init(
        status: .dataError,
        message: (policyFile.map { "\($0): " } ?? "policy: ") + error.description)
    } else {
      self.init(status: .failure, message: error.description)
    }
  }
}
