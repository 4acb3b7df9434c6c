/// Why a snapshot could not be taken or imported.
///
/// Each message says what happened, names the `aws` command, permission or file involved, and
/// says what to do next. Optional sections never throw these: their failures become the
/// snapshot's `gaps`, using `gapReason`.
public enum InventoryError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `/usr/bin/env` exited 127: there is no `aws` on `PATH`.
  case awsNotFound
  /// There is an `aws` on `PATH`, but it cannot be run (`/usr/bin/env` exited 126).
  case awsNotExecutable(reason: String)
  /// `/usr/bin/env` itself could not be started.
  case launchFailed(reason: String)
  /// AWS refused the call; `permission` is the IAM action the caller lacks.
  case accessDenied(call: String, permission: String, message: String)
  /// The caller's account is in no organization (`AWSOrganizationsNotInUseException`).
  case notInOrganization(call: String)
  /// The installed `aws` rejected the command line (an older CLI without the command).
  case unsupportedByCLI(call: String, message: String)
  /// The call still failed after every retry, was killed or timed out; `message` is AWS's
  /// error, one line.
  case awsFailed(
    call: String, termination: CommandOutput.Termination, message: String, attempts: Int)
  /// The call succeeded but printed something orgclose cannot read.
  case malformedOutput(call: String, reason: String)
  /// The `--from-cli-output` folder does not exist or is not a folder.
  case folderMissing(folder: String)
  /// A file in the `--from-cli-output` folder cannot be read.
  case fileUnreadable(file: String, reason: String)
  /// A file in the `--from-cli-output` folder (or the folder as a whole) has wrong content.
  case fileInvalid(file: String, message: String)

  public var description: String {
    switch self {
    case .awsNotFound:
      "the aws CLI was not found on PATH; \(Self.installHint)"
    case .awsNotExecutable(let reason):
      "the aws CLI on PATH cannot be run (\(reason)); \(Self.installHint)"
    case .launchFailed(let reason):
      "could not start the aws CLI through /usr/bin/env: \(reason)"
    case .accessDenied(let call, let permission, let message):
      "\(call): access denied: the caller lacks \(permission) (\(message)); grant it, for "
        + "example with the AWSOrganizationsReadOnlyAccess policy, or use the management "
        + "account's --profile"
    case .notInOrganization(let call):
      "this account is not in an organization (or it was already deleted): \(call) said "
        + "AWSOrganizationsNotInUseException; use the management account's --profile"
    case .unsupportedByCLI(let call, let message):
      "\(call): this aws CLI does not have the command (\(message)); upgrade the AWS CLI"
    case .awsFailed(let call, .exited(let status), let message, let attempts):
      "\(call) failed (exit \(status)) after \(attempts) attempt\(attempts == 1 ? "" : "s"): "
        + "\(message)"
    case .awsFailed(let call, .timedOut(let limit), _, _):
      "\(call) \(CommandOutput.Termination.timedOut(after: limit)) and was killed; "
        + "raise the limit with --aws-timeout SECONDS or ORGCLOSE_AWS_TIMEOUT"
    case .awsFailed(let call, let termination, let message, _):
      "\(call) was \(termination): \(message)"
    case .malformedOutput(let call, let reason):
      "\(call) printed output orgclose cannot read: \(reason)"
    case .folderMissing(let folder):
      "\(folder): no such folder (--from-cli-output needs the folder of saved aws output)"
    case .fileUnreadable(let file, let reason):
      "\(file): cannot be read: \(reason)"
    case .fileInvalid(let file, let message):
      "\(file): \(message)"
    }
  }

  private static let installHint =
    "install it (pip install awscli, or AWS CLI v2 from "
    + "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html) "
    + "and check that 'aws --version' works"

  /// The error as one line for a snapshot gap: AWS's own error text, and the missing
  /// permission where that is the cause.
  public var gapReason: String {
    switch self {
    case .accessDenied(_, let permission, let message):
      "\(message) (needs \(permission))"
    case .notInOrganization(let call):
      "AWSOrganizationsNotInUseException from \(call)"
    case .unsupportedByCLI(let call, _):
      "this aws CLI does not have '\(call)'; upgrade the AWS CLI"
    case .awsFailed(let call, .exited, let message, let attempts):
      "\(call): \(message)" + (attempts > 1 ? " (after \(attempts) attempts)" : "")
    case .awsFailed(let call, let termination, _, _):
      "\(call): \(termination)"
    case .malformedOutput(let call, let reason):
      "\(call): unreadable output: \(reason)"
    default:
      description
    }
  }
}
