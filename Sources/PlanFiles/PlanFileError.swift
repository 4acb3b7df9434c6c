public import OrgCloseBasics

/// A problem with one of orgclose's files: the snapshot, the policy or a plan.
///
/// Every case names the file as the user gave it; `invalid` adds the JSON path.
public enum PlanFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist.
  case missing(file: String)
  /// The file exists but cannot be read.
  case unreadable(file: String, reason: String)
  /// The file was read but its content is wrong; `path` is a JSON path, empty for the whole file.
  case invalid(file: String, path: String, message: String)
  /// The file is of another kind than the one expected: a policy given as the snapshot.
  case wrongKind(file: String, found: FileKind, expected: FileKind)
  /// A plan is compared with a file of another organization: `check` with another
  /// organization's snapshot, `diff` with another organization's plan.
  case otherOrganization(
    file: String, organization: String, other: String, otherKind: FileKind,
    otherOrganization: String)
  /// An output file could not be written.
  case writeFailed(file: String, reason: String)
  /// The output is the same file (device and inode) as the input `input`.
  case outputIsInput(file: String, input: String)

  public var description: String {
    switch self {
    case .missing(let file):
      "\(file): no such file"
    case .unreadable(let file, let reason):
      "\(file): cannot be read: \(reason)"
    case .invalid(let file, let path, let message):
      path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    case .wrongKind(let file, let found, let expected):
      "\(file): this is \(found), not \(expected)"
    case .otherOrganization(let file, let organization, let other, let kind, let otherID):
      "\(file): is the plan of organization \(organization), but \(other) is \(kind) of "
        + "organization \(otherID); a plan is only compared within its own organization"
    case .writeFailed(let file, let reason):
      "\(file): cannot be written: \(reason)"
    case .outputIsInput(let file, let input):
      FileAccessError.isAnInput(file: file, input: input).description
    }
  }

  /// The same failure of the file writer or of standard input, as a file error.
  public init(_ error: FileAccessError) {
    switch error {
    case .cannotWrite(let file, let reason): self = .writeFailed(file: file, reason: reason)
    case .cannotRead(let file, let reason): self = .unreadable(file: file, reason: reason)
    case .isAnInput(let file, let input): self = .outputIsInput(file: file, input: input)
    case .notWritable(let file, let kind): self = .writeFailed(file: file, reason: "it is \(kind)")
    }
  }
}

/// A content error found while mapping a decoded document, before the file name is known.
struct DocumentError: Error {
  var path: String
  var message: String

  func inFile(_ file: String) -> PlanFileError {
    .invalid(file: file, path: path, message: message)
  }
}
