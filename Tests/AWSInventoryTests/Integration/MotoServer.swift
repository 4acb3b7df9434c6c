import Foundation
import TestSupport

/// A moto server on 127.0.0.1 and a free port, run by `scripts/moto_org.py serve`.
///
/// The script serves until its standard input closes: `stop()` closes it, and if the test
/// process dies the pipe closes with it, so no server outlives the tests.
final class MotoServer: Sendable {
  let port: Int
  private let process: Process
  private let input: FileHandle

  var endpoint: String { "http://127.0.0.1:\(port)" }

  /// Starts a server and waits, off the shared threads, until it listens.
  static func start() async throws -> MotoServer {
    try await offThePool { try MotoServer() }
  }

  /// Starts a server and blocks until it listens.
  private init() throws {
    try Tools.require()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Tools.python)
    process.arguments = [Tools.script, "serve"]
    process.environment = Tools.awsEnvironment()
    let input = Pipe.closedOnExec()
    let output = Pipe.closedOnExec()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    guard
      let port = Int(
        String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    else {
      process.terminate()
      throw ToolError(
        "the moto server did not start (it printed \"\(String(decoding: line, as: UTF8.self))\")")
    }
    self.port = port
    self.process = process
    self.input = input.fileHandleForWriting
  }

  /// Stops the server and waits for it to exit (at most 10 seconds, then kills it).
  func stop() {
    try? input.close()
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
  }

  /// Builds an organization in the server with `scripts/moto_org.py build`.
  func buildOrganization(accounts: Int, units: Int, depth: Int) async throws -> Manifest {
    let result = try await TestProcess.runOffThePool(
      Tools.python,
      [
        Tools.script, "build", "--endpoint", endpoint, "--accounts", "\(accounts)", "--ous",
        "\(units)", "--depth", "\(depth)", "--tags", "--costs",
      ], onlyEnvironment: Tools.awsEnvironment())
    guard result.status == 0 else {
      throw ToolError("building the moto organization failed: \(result.stderr)")
    }
    return try JSONDecoder().decode(Manifest.self, from: Data(result.stdout.utf8))
  }
}

/// What `moto_org.py build` made.
struct Manifest: Decodable, Sendable {
  struct Unit: Decodable, Sendable {
    var name: String
    var parentId: String
  }

  var organizationId: String
  var managementAccountId: String
  var rootId: String
  var units: [String: Unit]
  var accounts: [String: String]
  var delegatedAdministrators: [[String]]
  var servicePrincipals: [String]
  var costRows: [[String]]
  var tags: [String: [String: String]]
}
