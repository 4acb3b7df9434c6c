import Foundation
import OrgCloseBasics

/// Runs `aws` calls through a `CommandRunner`: builds the argument vector and environment,
/// re-runs throttled calls, counts every process, and turns failures into `InventoryError`.
struct AWSCLI: Sendable {
  /// The page size sent as `--page-size` (MaxResults): the largest Organizations accepts.
  static let pageSize = 20

  var runner: any CommandRunner
  var connection: AWSConnection
  /// orgclose's own environment, to see which retry settings the user chose.
  var environment: [String: String]
  var retry: RetryPolicy
  /// How long one `aws` process may run before its process group is killed.
  var timeout: Duration? = nil
  /// `--no-cli-pager` exists only in AWS CLI v2; v1 rejects it (and has no pager).
  var majorVersion: Int?
  let statistics = Locked(RequestStatistics())

  /// The environment every call gets on top of the inherited one.
  ///
  /// The pager is always off (it would wait for a terminal); the CLI's own retries are
  /// adaptive with 5 attempts unless the user set `AWS_RETRY_MODE` or `AWS_MAX_ATTEMPTS`.
  var environmentOverrides: [String: String] {
    var overrides = ["AWS_PAGER": ""]
    if environment["AWS_MAX_ATTEMPTS"] == nil { overrides["AWS_MAX_ATTEMPTS"] = "5" }
    if environment["AWS_RETRY_MODE"] == nil { overrides["AWS_RETRY_MODE"] = "adaptive" }
    return overrides
  }

  /// The full argument vector for `request`, after the program name.
  func arguments(for request: AWSRequest) -> [String] {
    var words = ["--output", "json"]
    if (majorVersion ?? 0) >= 2 { words.append("--no-cli-pager") }
    if let profile = connection.profile { words += ["--profile", profile] }
    if let region = connection.region { words += ["--region", region] }
    if let endpoint = connection.endpointURL { words += ["--endpoint-url", endpoint] }
    words += [request.service, request.command] + request.arguments
    if request.paging == .automatic { words += ["--page-size", "\(Self.pageSize)"] }
    return words
  }

  /// Runs `aws --version` and returns its first word (`aws-cli/2.15.0`).
  ///
  /// - Throws: `awsNotFound` when `/usr/bin/env` exits 127, `awsNotExecutable` when 126.
  func version() throws(InventoryError) -> String {
    let output = try launch(
      Command("aws", ["--version"], environment: environmentOverrides, timeout: timeout))
    record(command: "--version", retried: false, throttled: false)
    try checkFound(output)
    guard output.exitStatus == 0 else {
      throw .awsFailed(
        call: "aws --version", termination: output.termination,
        message: AWSErrorText(output.errorText).line, attempts: 1)
    }
    // CLI v1 before 1.13 printed the version on standard error.
    let text = String(decoding: output.standardOutput + output.standardError, as: UTF8.self)
    return text.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "aws-cli/unknown"
  }

  /// The major version in `aws-cli/2.15.0`, if it can be read.
  static func majorVersion(of version: String) -> Int? {
    guard let slash = version.firstIndex(of: "/") else { return nil }
    let number = version[version.index(after: slash)...].prefix { $0.isNumber }
    return Int(number)
  }

  /// Runs `request`, re-running it after throttling or a transient failure, and returns what
  /// it printed on standard output.
  func run(_ request: AWSRequest) throws(InventoryError) -> [UInt8] {
    let command = Command(
      "aws", arguments(for: request), environment: environmentOverrides, timeout: timeout)
    var attempt = 0
    while true {
      attempt += 1
      let output = try launch(command)
      if output.exitStatus == 0 {
        record(
          command: "\(request.service) \(request.command)", retried: attempt > 1, throttled: false)
        return output.standardOutput
      }
      let error = AWSErrorText(output.errorText)
      record(
        command: "\(request.service) \(request.command)", retried: attempt > 1,
        throttled: error.isThrottling)
      try checkFound(output)
      // Killed or timed out: not AWS's answer, and re-running a hung call would hang again.
      guard output.exitStatus != nil else {
        throw .awsFailed(
          call: request.description, termination: output.termination, message: error.line,
          attempts: attempt)
      }
      if error.isAccessDenied {
        throw .accessDenied(
          call: request.description, permission: request.permission, message: error.line)
      }
      if error.isNotInOrganization { throw .notInOrganization(call: request.description) }
      if error.isUsageError {
        throw .unsupportedByCLI(call: request.description, message: error.line)
      }
      guard error.isThrottling || error.isTransient, attempt < retry.attempts else {
        throw .awsFailed(
          call: request.description, termination: output.termination, message: error.line,
          attempts: attempt)
      }
      retry.sleep(retry.delay(beforeRetry: attempt))
    }
  }

  /// Runs `request` and decodes its output as `CLIOutput`.
  func fetch(_ request: AWSRequest) throws(InventoryError) -> CLIOutput {
    let bytes = try run(request)
    do {
      return try CLIOutput.decode(bytes)
    } catch {
      throw .malformedOutput(call: request.description, reason: error.reason)
    }
  }

  /// Adds `pages` API pages to the statistics.
  func count(pages: Int) {
    statistics.withLock { $0.pages += pages }
  }

  /// `/usr/bin/env` exits 127 when no `aws` is on `PATH` and 126 when the one found cannot
  /// be run (not executable, a broken interpreter line).
  private func checkFound(_ output: CommandOutput) throws(InventoryError) {
    switch output.exitStatus {
    case 127: throw .awsNotFound
    case 126: throw .awsNotExecutable(reason: AWSErrorText(output.errorText).line)
    default: return
    }
  }

  private func launch(_ command: Command) throws(InventoryError) -> CommandOutput {
    let output: CommandOutput
    do {
      output = try runner.run(command)
    } catch {
      throw .launchFailed(reason: error.reason)
    }
    return output
  }

  private func record(command: String, retried: Bool, throttled: Bool) {
    statistics.withLock {
      $0.invocations += 1
      $0.invocationsByCommand[command, default: 0] += 1
      if retried { $0.retries += 1 }
      if throttled { $0.throttled += 1 }
    }
  }
}
