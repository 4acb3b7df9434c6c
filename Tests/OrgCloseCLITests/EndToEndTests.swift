import Foundation
import TestSupport
import Testing

/// Runs the built `orgclose` binary, as a user would.
@Suite struct EndToEndTests {
  /// The binary sits beside the test bundle (`.build/<triple>/debug/`).
  static var binary: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
    var folder = bundle.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("orgclose")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return Fixtures.samplesDirectory.deletingLastPathComponent()
      .appendingPathComponent(".build/debug/orgclose")
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, out: Data, err: String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe.closedOnExec()
    let err = Pipe.closedOnExec()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Drain both pipes before waiting: a plan can exceed the 64 KiB pipe buffer.
    let errorData = Mutexed()
    let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return (process.terminationStatus, output, String(decoding: errorData.value, as: UTF8.self))
  }

  @Test("plan --out writes the same bytes in separate processes, and render reads them back")
  func planIsByteIdenticalAcrossProcesses() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let acme = Fixtures.samplesDirectory.appendingPathComponent("acme").path
    var plans: [Data] = []
    for attempt in 0..<2 {
      let out = folder.appendingPathComponent("plan\(attempt).json").path
      let result = try Self.run([
        "plan", "\(acme)/org.snapshot.json", "--policy", "\(acme)/closure.policy.json", "--out",
        out,
      ])
      #expect(result.status == 0)
      #expect(result.err.isEmpty)
      plans.append(try Data(contentsOf: URL(fileURLWithPath: out)))
    }
    #expect(plans[0] == plans[1])
    let golden = try Data(contentsOf: URL(fileURLWithPath: "\(acme)/expected/plan.json"))
    #expect(plans[0] == golden)
    let rendered = try Self.run(["render", folder.appendingPathComponent("plan0.json").path])
    #expect(rendered.status == 0)
    #expect(
      String(decoding: rendered.out, as: UTF8.self).hasPrefix("Shutdown plan for organization"))
  }

  @Test("exit statuses of the binary: 64, 66, 65, 2")
  func exitStatuses() throws {
    #expect(try Self.run(["nope"]).status == 64)
    #expect(try Self.run(["plan", "/nonexistent/org.json"]).status == 66)
    let globex = Fixtures.samplesDirectory.appendingPathComponent("globex").path
    #expect(
      try Self.run([
        "blockers", "\(globex)/org.snapshot.json", "--policy", "\(globex)/closure.policy.json",
      ])
      .status == 2)
    let policyAsSnapshot = try Self.run(["validate", "\(globex)/closure.policy.json"])
    #expect(policyAsSnapshot.status == 65)
    #expect(
      policyAsSnapshot.err
        == "orgclose: \(globex)/closure.policy.json: this is a closure policy, not a snapshot; "
        + "orgclose validate takes the snapshot first\n")
  }

  /// 10,001 members: more than `ClosurePlanner.defaultParallelMemberThreshold`, so the
  /// executable plans the members in two halves on two cores.
  @Test("a generated organization of 10,001 members plans, reads back valid, and checks fresh")
  func generatedOrganization() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let snapshot = folder.appendingPathComponent("org.json").path
    let planFile = folder.appendingPathComponent("plan.json").path
    #expect(
      try Self.run(["generate", "--accounts", "10002", "--seed", "7", "--out", snapshot]).status
        == 0)
    let plan = try Self.run(["plan", snapshot, "--start", "2026-12-01", "--out", planFile])
    #expect(plan.status == 0)
    #expect(
      String(decoding: plan.out, as: UTF8.self).contains(" for 10,002 accounts (10,001 members)\n"))
    let size = try FileManager.default.attributesOfItem(atPath: planFile)[.size] as? Int
    // Plan format 2 holds a generated organization in at most 500 bytes per account.
    #expect((1...500 * 10_002).contains(size ?? 0))
    // Read back through validation, and planned again for the staleness check: same plan.
    #expect(try Self.run(["render", planFile, "--format", "markdown"]).status == 0)
    let check = try Self.run(["check", planFile, "--snapshot", snapshot])
    #expect(check.status == 0, "\(String(decoding: check.out, as: UTF8.self))")
  }
}

/// A value set once by another thread.
private final class Mutexed: @unchecked Sendable {
  // Synchronized by `lock`; written once by the reader thread, read after it finished.
  private let lock = NSLock()
  private var data = Data()
  private var done = false
  var isSet: Bool { lock.withLock { done } }
  var value: Data { lock.withLock { data } }
  func set(_ value: Data) {
    lock.withLock {
      data = value
      done = true
    }
  }
}
