public import ClosurePlanner
import Foundation
public import PlanExecution

extension OrganizationsActions {
  /// Sends one change, once: the CLI's own retries are off (`AWS_MAX_ATTEMPTS=1`), because
  /// a change is repeated only after its state was read again, which the caller does.
  ///
  /// The CLI runs with `--debug` so that the typed error body (`Reason`) and the request ID
  /// can be read: the CLI's one-line error has neither. Of that log only the response
  /// headers' request ID and the response body are kept; every other line, request
  /// signatures and session tokens among them, is dropped unread.
  ///
  /// - Parameter request: The change.
  /// - Returns: AWS's answer, or that none came back.
  /// - Throws: `InventoryError` only when `aws` cannot be started.
  public func send(_ request: APIRequest) throws(InventoryError) -> AWSAnswer {
    var words = ["--output", "json", "--debug"]
    if let profile = cli.connection.profile { words += ["--profile", profile] }
    if let region = cli.connection.region { words += ["--region", region] }
    if let endpoint = cli.connection.endpointURL { words += ["--endpoint-url", endpoint] }
    var environment = cli.environmentOverrides
    environment["AWS_MAX_ATTEMPTS"] = "1"
    environment["AWS_RETRY_MODE"] = "standard"
    let command = Command(
      "aws", words + request.arguments, environment: environment, timeout: cli.timeout)
    let output: CommandOutput
    do {
      output = try cli.runner.run(command)
    } catch {
      throw .launchFailed(reason: error.reason)
    }
    switch output.exitStatus {
    case 127: throw .awsNotFound
    case 126: throw .awsNotExecutable(reason: "aws cannot be run")
    default: break
    }
    let log = DebugLog(output.errorText)
    guard output.exitStatus != nil else {
      return .unanswered(note: "the call timed out or was killed", requestID: log.requestID)
    }
    if output.exitStatus == 0 { return .accepted(requestID: log.requestID) }
    guard let body = log.body, let error = ErrorBody(body) else {
      // No response was read: a dropped connection or an endpoint that did not answer.
      return .unanswered(note: log.cliError ?? "no answer from AWS", requestID: log.requestID)
    }
    return .refused(
      AWSError(error.code, reason: error.reason, message: error.message, requestID: log.requestID))
  }
}

/// The parts of `aws --debug` output orgclose reads: the last response's request ID and
/// body, and the CLI's own error line.
struct DebugLog {
  var requestID: String?
  var body: String?
  var cliError: String?

  init(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.hasSuffix("botocore.parsers - DEBUG - Response body:"), index + 1 < lines.count {
        body = Self.pythonBytes(String(lines[index + 1]))
        index += 1
      } else if line.contains("botocore.parsers - DEBUG - Response headers:"),
        let id = Self.requestID(in: String(line))
      {
        requestID = id
      } else if line.hasPrefix("An error occurred (") || line.hasPrefix("Could not connect")
        || line.hasPrefix("Connection was closed") || line.hasPrefix("Read timeout")
      {
        cliError = String(line.prefix(300))
      }
      index += 1
    }
  }

  /// The `x-amzn-requestid` header's value in botocore's header dump.
  static func requestID(in line: String) -> String? {
    let lower = line.lowercased()
    guard let key = lower.range(of: "'x-amzn-requestid': '") else { return nil }
    let start = line.index(
      line.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: key.upperBound))
    guard let end = line[start...].firstIndex(of: "'") else { return nil }
    return String(line[start..<end])
  }

  /// Python's `b'…'` form of the body, unescaped.
  static func pythonBytes(_ text: String) -> String? {
    guard text.hasPrefix("b'") || text.hasPrefix("b\""), text.count >= 3 else { return nil }
    let inner = text.dropFirst(2).dropLast()
    var bytes: [UInt8] = []
    var iterator = Array(inner.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "\\"), let next = iterator.next() else {
        bytes.append(byte)
        continue
      }
      switch next {
      case UInt8(ascii: "n"): bytes.append(10)
      case UInt8(ascii: "t"): bytes.append(9)
      case UInt8(ascii: "r"): bytes.append(13)
      case UInt8(ascii: "x"):
        let high = iterator.next() ?? 48
        let low = iterator.next() ?? 48
        bytes.append(UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) ?? 63)
      default: bytes.append(next)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// An AWS JSON-protocol error body: `{"__type": "…", "Message": "…", "Reason": "…"}`.
struct ErrorBody {
  var code: String
  var message: String?
  var reason: String?

  init?(_ body: String) {
    struct Wire: Decodable {
      var __type: String?
      var code: String?
      var Message: String?
      var message: String?
      var Reason: String?
    }
    guard let wire = try? JSONDecoder().decode(Wire.self, from: Data(body.utf8)),
      let type = wire.__type ?? wire.code
    else { return nil }
    // `__type` may carry a namespace: `com.amazonaws.organizations#…`.
    code = String(type.split(separator: "#").last ?? Substring(type))
    message = wire.Message ?? wire.message
    reason = wire.Reason
  }
}
