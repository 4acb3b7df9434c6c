import Foundation
import OrgCloseBasics

/// What the `aws` CLI said on standard error when a call failed, reduced to what orgclose
/// decides on: the AWS error code and one line of text.
///
/// Both CLI versions print service errors as
/// `An error occurred (CODE) when calling the OPERATION operation[ (reached max retries: N)]: MESSAGE`
/// (exit 255 in v1, 254 in v2); anything else (no credentials, no connection, a usage error)
/// is a plain line.
struct AWSErrorText: Equatable, Sendable {
  /// The AWS error code, for example `TooManyRequestsException`; `nil` when none was printed.
  var code: String?
  /// The error as one line: `CODE: MESSAGE`, or the CLI's first meaningful line.
  var line: String

  /// The longest one-line reason kept; the rest is cut with `…`.
  static let maximumLength = 500

  init(_ standardError: String) {
    let lines = standardError.split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    if let index = lines.firstIndex(where: { $0.contains("An error occurred (") }) {
      let errorLine = lines[index]
      let code = Self.code(in: errorLine)
      var message = Self.message(in: errorLine)
      if message.isEmpty || message.hasPrefix("<") {
        // An HTML body (a proxy's or an emulator's error page): its title, not the markup.
        message =
          Self.htmlTitle(in: lines.dropFirst(index)) ?? "the server sent no readable message"
      }
      self.code = code
      // An HTTP status as the code comes with its reason phrase ("500 Internal Server Error").
      let named = code.map { message.hasPrefix($0) ? message : "\($0): \(message)" }
      self.line = Self.clipped(named ?? "error: \(message)")
    } else {
      code = nil
      // A usage error prints a banner first; its point is the "aws: error:" or
      // "Unknown options:" line.
      let point = lines.first { $0.contains("error:") || $0.hasPrefix("Unknown options") }
      line = Self.clipped(point ?? lines.first { !Self.isBanner($0) } ?? "no error message")
    }
  }

  /// Throttling: the call may succeed later, after a longer pause.
  var isThrottling: Bool {
    guard let code else { return false }
    return Self.throttlingCodes.contains(code)
  }

  /// A server or network failure that may not happen again.
  var isTransient: Bool {
    if let code {
      if Self.transientCodes.contains(code) { return true }
      if let status = Int(code), (500...599).contains(status) { return true }
      return false
    }
    return Self.transientPhrases.contains { line.contains($0) }
  }

  /// AWS refused the caller the permission.
  var isAccessDenied: Bool {
    guard let code else { return false }
    return ["AccessDeniedException", "AccessDenied", "UnauthorizedOperation"].contains(code)
  }

  /// The caller's account is not in an organization.
  var isNotInOrganization: Bool { code == "AWSOrganizationsNotInUseException" }

  /// The CLI rejected the command line itself (an older CLI without the command or option).
  var isUsageError: Bool {
    code == nil && (line.contains("Invalid choice") || line.hasPrefix("Unknown options"))
  }

  private static let throttlingCodes: Set<String> = [
    "TooManyRequestsException", "Throttling", "ThrottlingException", "ThrottledException",
    "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown",
    // Cost Explorer's name for its request rate limit.
    "LimitExceededException",
  ]

  private static let transientCodes: Set<String> = [
    "InternalFailure", "InternalError", "InternalServerError", "ServiceException",
    "ServiceUnavailable", "ServiceUnavailableException", "RequestTimeout",
    "RequestTimeoutException", "ConcurrentModificationException",
  ]

  private static let transientPhrases = [
    "Could not connect to the endpoint URL", "Connection was closed", "Read timeout on endpoint",
    "Connect timeout on endpoint", "Connection reset", "EndpointConnectionError",
  ]

  private static func code(in line: String) -> String? {
    guard let open = line.range(of: "An error occurred (")?.upperBound,
      let close = line[open...].firstIndex(of: ")")
    else { return nil }
    let code = String(line[open..<close])
    return code.isEmpty ? nil : code
  }

  private static func message(in line: String) -> String {
    guard let marker = line.range(of: "operation")?.upperBound else { return "" }
    var rest = line[marker...]
    if rest.hasPrefix(" ("), let close = rest.firstIndex(of: ")") {
      rest = rest[rest.index(after: close)...]  // "(reached max retries: 4)"
    }
    guard let colon = rest.firstIndex(of: ":") else { return "" }
    return rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
  }

  private static func isBanner(_ line: String) -> Bool {
    ["usage:", "Note:", "To see help text", "aws help", "aws <command>"].contains {
      line.hasPrefix($0)
    }
  }

  private static func htmlTitle(in lines: ArraySlice<String>) -> String? {
    for line in lines {
      guard let open = line.range(of: "<title>")?.upperBound,
        let close = line.range(of: "</title>", range: open..<line.endIndex)?.lowerBound
      else { continue }
      return String(line[open..<close])
    }
    return nil
  }

  /// The text with its control characters escaped (it is the CLI's, or a server's, and may
  /// hold terminal escapes), cut to `maximumLength`.
  private static func clipped(_ text: String) -> String {
    OneLine.clipped(text, limit: maximumLength)
  }
}
