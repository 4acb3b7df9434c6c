import Foundation
import TestSupport

/// Where the integration tests find their tools: the moto server and the AWS CLI in
/// `.tools/venv` of this checkout (made by `make tools`), and the built `orgclose`.
enum Tools {
  /// The checkout's root folder, found from this file's path.
  static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let venvBin = checkout.appendingPathComponent(".tools/venv/bin").path
  static let python = venvBin + "/python"
  static let aws = venvBin + "/aws"
  static let script = checkout.appendingPathComponent("scripts/moto_org.py").path

  /// Fails, saying what to run, unless the venv has Python, the AWS CLI and moto.
  static func require() throws {
    for tool in [python, aws, venvBin + "/moto_server"]
    where !FileManager.default.isExecutableFile(atPath: tool) {
      throw ToolError(
        "\(tool) is missing: the integration tests need moto and the AWS CLI in .tools/venv; "
          + "run 'make tools' (or 'make test', which runs it)")
    }
  }

  /// The built `orgclose` (see `TestProcess.orgclose`).
  static func orgclose() throws -> String {
    let binary = TestProcess.orgclose
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      throw ToolError(
        "the orgclose binary was not found beside the tests; run 'swift build --build-tests'")
    }
    return binary
  }

  /// An environment that talks to the local server only: test credentials, the user's AWS
  /// configuration and variables shut out, and the venv's `aws` first on `PATH`.
  static func awsEnvironment(path: String? = nil) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
    environment["PATH"] = path ?? venvBin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["AWS_ACCESS_KEY_ID"] = "testing"
    environment["AWS_SECRET_ACCESS_KEY"] = "testing"
    environment["AWS_DEFAULT_REGION"] = "us-east-1"
    environment["AWS_CONFIG_FILE"] = "/dev/null"
    environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
    environment["AWS_EC2_METADATA_DISABLED"] = "true"
    // The CLI's own retries (a user setting orgclose respects): few, to keep the calls moto
    // does not implement quick; orgclose's own retries still run on top.
    environment["AWS_MAX_ATTEMPTS"] = "2"
    return environment
  }
}

/// A tool the tests need is missing or misbehaved.
struct ToolError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
