import Foundation

/// Turns Foundation's decoding errors into the one-line `path: message` form users see.
enum DecodingErrorText {
  /// The JSON path of `codingPath`, such as `accounts[3].parentId`.
  static func path(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
      // Array positions carry an intValue; numeric dictionary keys (account IDs in the
      // policy) do too, but their stringValue is the number itself.
      if let index = key.intValue, key.stringValue != String(index) {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return text
  }

  /// The path and message for `error`.
  static func describe(_ error: any Error) -> DocumentError {
    guard let error = error as? DecodingError else {
      if let documentError = error as? DocumentError { return documentError }
      return DocumentError(path: "", message: "\(error)")
    }
    switch error {
    case .keyNotFound(let key, let context):
      return DocumentError(
        path: path(context.codingPath + [key]), message: "is missing; it is required")
    case .typeMismatch(let type, let context):
      return DocumentError(
        path: path(context.codingPath), message: "expected \(jsonKind(of: type))")
    case .valueNotFound(let type, let context):
      return DocumentError(
        path: path(context.codingPath), message: "is null; expected \(jsonKind(of: type))")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        let detail = (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        return DocumentError(path: "", message: "is not valid JSON (\(oneLine(detail)))")
      }
      return DocumentError(path: path(context.codingPath), message: context.debugDescription)
    @unknown default:
      return DocumentError(path: "", message: "\(error)")
    }
  }

  private static func jsonKind(of type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type: "an integer"
    case is Double.Type: "a number"
    case is Bool.Type: "true or false"
    default: "\(type)".hasPrefix("Array") ? "an array" : "an object"
    }
  }

  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
