import Foundation

/// Why a file (or a standard stream) could not be read or written.
///
/// Every case names the file as the user gave it.
public enum FileAccessError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The operating system refused to create, write, sync or rename; `reason` is its message.
  case cannotWrite(file: String, reason: String)
  /// The operating system refused to read; `reason` is its message.
  case cannotRead(file: String, reason: String)
  /// The output is the same file (device and inode) as the input `input`.
  case isAnInput(file: String, input: String)
  /// The output exists and is something orgclose will not write to, for example a folder.
  case notWritable(file: String, kind: String)

  public var description: String {
    switch self {
    case .cannotWrite(let file, let reason):
      "\(file): cannot be written: \(reason)"
    case .cannotRead(let file, let reason):
      "\(file): cannot be read: \(reason)"
    case .isAnInput(let file, let input):
      file == input
        ? "\(file) is an input of this command; choose another name for the output"
        : "\(file) is the same file as the input \(input); choose another name for the output"
    case .notWritable(let file, let kind):
      "\(file): cannot be written: it is \(kind)"
    }
  }
}

/// The operating system's message for `code`, for example `No space left on device`.
package func systemMessage(_ code: Int32) -> String {
  String(cString: strerror(code))
}
