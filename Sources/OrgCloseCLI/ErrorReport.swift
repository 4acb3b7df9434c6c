import AWSInventory
import ClosurePlanner
import OrgCloseBasics
import PlanFiles

/// A failure with no error type of its own (a start date before the snapshot, an account
/// the plan lacks): the exit status and the one-line message, as they are.
struct CommandFailure: Error, Sendable {
  var status: ExitStatus
  var message: String
}

/// What the command line knows of the command that failed, for the messages that name it.
struct FailureContext: Sendable {
  /// The command, so a file of the wrong kind is told where it goes.
  var command: String
  /// The policy file the command read, named in errors about the policy.
  var policyFile: String?
}

/// The one place where errors become exit statuses and one-line messages.
enum ErrorReport {
  /// The exit status and the message for `error`, thrown by a command run in `context`.
  static func report(_ error: any Error, in context: FailureContext) -> (
    status: ExitStatus, message: String
  ) {
    switch error {
    case let failure as CommandFailure: (failure.status, failure.message)
    case let usage as UsageError: (.usage, usage.description)
    case let file as PlanFileError: report(file, command: context.command)
    case let access as FileAccessError: report(access)
    case let inventory as InventoryError: report(inventory)
    case let planning as PlanningError: report(planning, policyFile: context.policyFile)
    case let journal as JournalError: report(journal)
    case let guardPolicy as GuardPolicyError:
      (.dataError, "\(context.policyFile ?? "policy"): \(guardPolicy)")
    default: (.failure, "\(error)")
    }
  }

  /// A missing or unreadable file: 66; bad data: 65; a failed write: 74; an output that is
  /// an input: 64.
  private static func report(_ error: PlanFileError, command: String) -> (ExitStatus, String) {
    switch error {
    case .missing, .unreadable: (.noInput, error.description)
    case .invalid, .otherOrganization: (.dataError, error.description)
    case .wrongKind(_, let found, let expected):
      (.dataError, error.description + "; " + hint(found: found, expected: expected, command))
    case .writeFailed: (.ioError, error.description)
    case .outputIsInput: (.usage, error.description)
    }
  }

  /// An output that is an input: 64 (choose another name); an unreadable input: 66; any
  /// other: 74.
  private static func report(_ error: FileAccessError) -> (ExitStatus, String) {
    switch error {
    case .isAnInput: (.usage, error.description)
    case .cannotRead: (.noInput, error.description)
    case .cannotWrite, .notWritable: (.ioError, error.description)
    }
  }

  /// `aws` missing: 69; AWS still failing: 75; unreadable data: 65; missing input: 66.
  private static func report(_ error: InventoryError) -> (ExitStatus, String) {
    let status: ExitStatus =
      switch error {
      case .awsNotFound, .awsNotExecutable, .launchFailed: .unavailable
      case .accessDenied, .notInOrganization, .unsupportedByCLI, .awsFailed: .temporaryFailure
      case .malformedOutput, .fileInvalid: .dataError
      case .folderMissing, .fileUnreadable: .noInput
      }
    return (status, error.description)
  }

  /// A journal held by another run: 75 (try again when it ends); a failed write: 74; a
  /// journal that cannot be read, is not valid or is another organization's: 65.
  private static func report(_ error: JournalError) -> (ExitStatus, String) {
    let status: ExitStatus =
      switch error {
      case .locked: .temporaryFailure
      case .writeFailed: .ioError
      case .invalid, .unreadable, .otherOrganization: .dataError
      }
    return (status, error.description)
  }

  /// Planning errors about the policy name the policy file (65); the rest are internal (1).
  private static func report(_ error: PlanningError, policyFile: String?) -> (ExitStatus, String) {
    guard error.policyPath != nil else { return (.failure, error.description) }
    return (.dataError, (policyFile.map { "\($0): " } ?? "policy: ") + error.description)
  }

  /// Where a file of the kind `expected` goes on `command`'s line.
  private static func hint(found: FileKind, expected: FileKind, _ command: String) -> String {
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
}
