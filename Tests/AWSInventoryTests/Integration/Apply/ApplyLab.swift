import AWSInventory
import Foundation
import OrgGraph
import PlanExecution
import PlanFiles
import TestSupport

/// A moto organization behind the fault-injecting proxy, a plan of it, and the built
/// `orgclose` run against them with the test clock.
final class ApplyLab: @unchecked Sendable {
  let moto: MotoServer
  let manifest: Manifest
  let folder: TemporaryFolder
  let port: Int
  private let proxy: Process
  private let proxyInput: FileHandle
  private let proxyOutput: FileHandle
  var endpoint: String { "http://127.0.0.1:\(port)" }
  var plan: String { folder.file("plan.json") }
  var journal: String { folder.file("plan.journal") }
  var policyFile: String { folder.file("closure.policy.json") }
  var clockFile: String { folder.file("clock") }
  var rulesFile: String { folder.file("rules.json") }
  var organization: String { manifest.organizationId }
  var members: [String] {
    manifest.accounts.keys.filter { $0 != manifest.managementAccountId }.sorted()
  }

  /// Starts moto with `accounts` members, the proxy in front of it, and plans with `policy`.
  ///
  /// With `protectFirstMember`, the first member (by ID) is in the policy's protectedAccounts.
  static func start(
    accounts: Int, policy: [String: Any], rules: [String: Any] = [:],
    protectFirstMember: Bool = false
  ) async throws -> ApplyLab {
    let moto = try await MotoServer.start()
    // Two OUs side by side: every apply run walks the tree, one aws process a parent.
    let manifest = try await moto.buildOrganization(accounts: accounts, units: 2, depth: 1)
    let rulesData = try JSONSerialization.data(withJSONObject: rules)
    let lab = try await offThePool {
      try ApplyLab(moto: moto, manifest: manifest, rules: rulesData)
    }
    var document = policy
    document["schemaVersion"] = 1
    if protectFirstMember, let first = lab.members.first { document["protectedAccounts"] = [first] }
    try JSONSerialization.data(withJSONObject: document).write(
      to: URL(fileURLWithPath: lab.policyFile))
    let snapshot = try await lab.orgclose([
      "snapshot", "--endpoint-url", lab.endpoint, "--out", lab.folder.file("snap.json"),
    ])
    guard snapshot.status == 0 else { throw ToolError("snapshot failed: \(snapshot.stderr)") }
    let day = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
    let planned = try await lab.orgclose([
      "plan", lab.folder.file("snap.json"), "--policy", lab.policyFile, "--start", day, "--out",
      lab.plan,
    ])
    guard planned.status == 0 else { throw ToolError("plan failed: \(planned.stderr)") }
    return lab
  }

  private init(moto: MotoServer, manifest: Manifest, rules: Data) throws {
    self.moto = moto
    self.manifest = manifest
    folder = try TemporaryFolder()
    // Ahead of the real clock, so that no account moto made can look younger than a snapshot.
    try "\(Int(Date().timeIntervalSince1970) + 120)\n".write(
      toFile: folder.file("clock"), atomically: true, encoding: .utf8)
    try rules.write(to: URL(fileURLWithPath: folder.file("rules.json")))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Tools.python)
    process.arguments = [
      Tools.checkout.appendingPathComponent("Tests/Tools/fault_proxy.py").path, "--upstream",
      moto.endpoint,
      "--log", folder.file("proxy.log"), "--rules", folder.file("rules.json"), "--clock",
      folder.file("clock"),
    ]
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
      throw ToolError("the proxy did not start")
    }
    self.port = port
    proxy = process
    proxyInput = input.fileHandleForWriting
    proxyOutput = output.fileHandleForReading
  }

  /// Blocks until the proxy holds an answer (a `hold` rule), and returns its line.
  func waitForHeldAnswer() -> String {
    var text = Data()
    while !text.contains(UInt8(ascii: "\n")) {
      let chunk = proxyOutput.availableData
      if chunk.isEmpty { break }
      text.append(chunk)
    }
    return String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Lets the proxy drop the answer it holds.
  func releaseHeldAnswer() {
    proxyInput.write(Data("release\n".utf8))
  }

  func stop() {
    try? proxyInput.close()
    proxy.waitUntilExit()
    moto.stop()
    folder.remove()
  }

  /// The environment of every run: the local endpoint's credentials and the test clock.
  func environment(testClock: Bool = true) -> [String: String] {
    var environment = Tools.awsEnvironment()
    environment["AWS_MAX_ATTEMPTS"] = "1"
    if testClock { environment["ORGCLOSE_TEST_CLOCK"] = clockFile }
    return environment
  }

  func orgclose(_ arguments: [String], testClock: Bool = true) async throws -> CommandOutput {
    try await TestProcess.runOffThePool(
      try Tools.orgclose(), arguments, onlyEnvironment: environment(testClock: testClock))
  }

  /// The apply command line for this lab.
  func applyArguments(_ extra: [String] = []) -> [String] {
    [
      "apply", plan, "--journal", journal, "--confirm", organization, "--endpoint-url", endpoint,
      "--policy", policyFile,
    ] + extra
  }

  func apply(_ extra: [String] = [], testClock: Bool = true) async throws -> CommandOutput {
    try await orgclose(applyArguments(extra), testClock: testClock)
  }

  var now: Double {
    Double(
      (try? String(contentsOfFile: clockFile, encoding: .utf8))?.trimmingCharacters(
        in: .whitespacesAndNewlines) ?? "") ?? 0
  }

  func setClock(_ seconds: Double) throws {
    try "\(seconds)\n".write(toFile: clockFile, atomically: true, encoding: .utf8)
  }

  func setRules(_ rules: [String: Any]) throws {
    try JSONSerialization.data(withJSONObject: rules).write(to: URL(fileURLWithPath: rulesFile))
  }

  /// Every request the proxy saw.
  func proxyLog() throws -> [ProxyEntry] {
    guard let data = FileManager.default.contents(atPath: folder.file("proxy.log")) else {
      return []
    }
    return try data.split(separator: UInt8(ascii: "\n")).map {
      try JSONDecoder().decode(ProxyEntry.self, from: Data($0))
    }
  }

  /// `status --format json`.
  func status(testClock: Bool = true) async throws -> StatusDocument {
    let result = try await orgclose(
      ["status", plan, "--journal", journal, "--format", "json"], testClock: testClock)
    guard result.status == 0 else { throw ToolError("status failed: \(result.stderr)") }
    return try JSONDecoder().decode(StatusDocument.self, from: Data(result.stdout.utf8))
  }

  /// Records, as a person would with `orgclose done`, every manual step that waits on one,
  /// until none does: the steps before the first closure, in the order they become due.
  func recordManualSteps(testClock: Bool = true) async throws {
    for _ in 0..<10 {
      let person = try await status(testClock: testClock).steps.filter { $0.status == "person" }
      if person.isEmpty { return }
      for step in person {
        let done = try await orgclose(
          ["done", plan, step.id, "--journal", journal, "--by", "test operator"],
          testClock: testClock)
        guard done.status == 0 else { throw ToolError("done \(step.id) failed: \(done.stderr)") }
      }
    }
  }

  /// Runs apply, records every manual step a person is waited on, and moves the clock to the
  /// next due date, until every step is done; returns the runs' exit statuses.
  func driveToTheEnd(maxRuns: Int = 40) async throws -> [Int32] {
    var statuses: [Int32] = []
    for _ in 0..<maxRuns {
      let result = try await apply()
      statuses.append(result.status)
      guard [0, 2].contains(result.status) else {
        throw ToolError("apply exited \(result.status): \(result.stderr)\n\(result.stdout)")
      }
      let status = try await status()
      if status.steps.allSatisfy({ $0.status == "done" }) { return statuses }
      let person = status.steps.filter { $0.status == "person" }
      for step in person {
        let done = try await orgclose([
          "done", plan, step.id, "--journal", journal, "--by", "test operator",
        ])
        guard done.status == 0 else { throw ToolError("done \(step.id) failed: \(done.stderr)") }
      }
      if person.isEmpty, let next = status.next.flatMap({ Timestamp.seconds($0) }) {
        try setClock(max(now, next) + 1)
      } else if person.isEmpty {
        try setClock(now + 60)
      }
    }
    throw ToolError("the shutdown did not end within \(maxRuns) runs")
  }

  /// The journal, read and validated by orgclose's own reader.
  func journalRecords() throws -> [JournalRecord] { try JournalFile.read(journal) }
}

struct ProxyEntry: Decodable {
  var t: Double
  /// The real time, whatever the test clock says.
  var wall: Double
  var op: String
  var account: String?
  var result: String
  var reason: String?
  var violation: String?
  var pendingBefore: Int
}

struct StatusDocument: Decodable {
  struct Step: Decodable {
    var id: String
    var status: String
  }
  var next: String?
  var closuresLeftInWindow: Int
  var steps: [Step]
}

extension Timestamp {
  static func seconds(_ text: String) -> Double? {
    Timestamp(iso8601: text).map { Double($0.millisecondsSince1970) / 1000 }
  }
}
