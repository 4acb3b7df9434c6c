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

  /// - Parameters:
  ///   - error: What went wrong with a file.
  ///   - command: The command that read it, so a file of the wrong kind is told where it goes.
  init(_ error: PlanFileError, command: String? = nil) {
    switch error {
    case .missing, .unreadable: self.init(status: .noInput, message: error.description)
    case .invalid, .otherOrganization: self.init(status: .dataError, message: error.description)
    case .wrongKind(_, let found, let expected):
      let hint = command.map { Self.hint(found: found, expected: expected, command: $0) }
      self.init(status: .dataError, message: error.description + (hint.map { "; \($0)" } ?? ""))
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

  /// Where a file of the kind `expected` goes on `command`'s line.
  private static func hint(found: FileKind, expected: FileKind, command: String) -> String {
    switch (expected, found) {
    case (.snapshot, .awsCLIOutput):
      "orgclose snapshot --from-cli-output DIR makes a snapshot of saved aws CLI output"
    case (.snapshot, _):
      command == "check"
        ? "orgclose check takes the plan first and the snapshot after --snapshot"
        : "orgclose \(command) takes the snapshot first"
    case (.policy, _): "--policy takes the closure policy"
    case (.plan, _):
      command == "diff"
        ? "orgclose diff takes two plans written by orgclose plan --out"
        : "orgclose \(command) takes a plan written by orgclose plan --out first"
    default: "see 'orgclose help \(command)'"
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
