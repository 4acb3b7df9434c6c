import AWSInventory
import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// The same inputs give the same plan bytes in separate `orgclose` processes, each with a
/// hash seed of its own, and the same bytes as the command line run in this process.
///
/// In one process every `Set` and `Dictionary` iterates in the same order, so only
/// separate processes can catch output that depends on it.
@Suite struct ProcessDeterminismTests {
  /// Every snapshot under `Samples/`, with its folder's policy or, for a later snapshot of a
  /// sample (`acme/next-week`), the sample's.
  static let samples: [(snapshot: String, policy: String)] = {
    let root = Fixtures.samplesDirectory.path
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    return files.filter { $0.hasSuffix("org.snapshot.json") }.sorted().map { relative in
      var folder = (root + "/" + relative as NSString).deletingLastPathComponent
      let snapshot = root + "/" + relative
      while !FileManager.default.fileExists(atPath: folder + "/closure.policy.json") {
        folder = (folder as NSString).deletingLastPathComponent
      }
      return (snapshot, folder + "/closure.policy.json")
    }
  }()

  /// Runs `orgclose` with only `PATH` set, so no variable (such as
  /// `SWIFT_DETERMINISTIC_HASHING`) makes two processes alike.
  static func orgclose(_ arguments: [String]) throws -> CommandOutput {
    try TestProcess.run(
      TestProcess.orgclose, arguments,
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
      onlyEnvironment: true, timeout: .seconds(300))
  }

  /// Plans `arguments` into a file in two processes and on standard output in this one, and
  /// expects the same bytes from all three.
  static func expectSamePlans(_ arguments: [String], in folder: TemporaryFolder) throws {
    var files: [Data] = []
    for run in 0..<2 {
      let out = folder.file("plan-\(run).json")
      let result = try orgclose(arguments + ["--out", out])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      files.append(try Data(contentsOf: URL(fileURLWithPath: out)))
    }
    let inProcess = CapturedConsole.run(arguments + ["--out", "-"])
    #expect(inProcess.status == .success, "\(arguments): \(inProcess.err)")
    #expect(!files[0].isEmpty)
    #expect(files[0] == files[1], "\(arguments): two processes wrote different plans")
    #expect(
      files[0] == Data(inProcess.out.utf8),
      "\(arguments): the process's plan differs from the one made in this process")
  }

  @Test("every sample plans to the same bytes in separate processes and in this one")
  func samplesPlanAlike() throws {
    #expect(Self.samples.count >= 5)
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for sample in Self.samples {
      try Self.expectSamePlans(["plan", sample.snapshot, "--policy", sample.policy], in: folder)
    }
  }

  @Test("a generated organization plans to the same bytes in separate processes")
  func generatedOrganizationPlansAlike() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let snapshot = folder.file("org.snapshot.json")
    let generated = try Self.orgclose([
      "generate", "--accounts", "3000", "--seed", "11", "--out", snapshot,
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    try Self.expectSamePlans(["plan", snapshot, "--start", "2026-12-01"], in: folder)
  }
}
