import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// `orgclose rehearse` on the samples' plans, as a user runs it.
@Suite struct RehearseCommandTests {
  static func plan(_ sample: String) -> String {
    Fixtures.samplesDirectory.appendingPathComponent("\(sample)/expected/plan.json").path
  }

  @Test(arguments: ["acme", "initech"])
  func aSamplePlanIsRehearsedToTheEnd(_ sample: String) {
    let result = CapturedConsole.run(["rehearse", Self.plan(sample)])
    #expect(result.status == .success, "\(result.err)")
    #expect(result.out.contains("Result: every step done by"))
    #expect(result.out.contains("AWS's limits held"))
    #expect(result.out.contains("planned") && result.out.contains("achieved"))
    #expect(result.err.isEmpty)
  }

  @Test func faultsAndCrashesFromASeedAreShownAndStillEndTheShutdown() throws {
    let result = CapturedConsole.run([
      "rehearse", Self.plan("acme"), "--faults", "3", "--format", "json",
    ])
    #expect(result.status == .success, "\(result.err)")
    struct Document: Decodable {
      var finished: Bool
      var crashes: Int
      var violations: [String]
    }
    let document = try JSONDecoder().decode(Document.self, from: Data(result.out.utf8))
    #expect(document.finished && document.crashes > 0 && document.violations.isEmpty)
    // The same seed, the same rehearsal.
    #expect(
      CapturedConsole.run(["rehearse", Self.plan("acme"), "--faults", "3", "--format", "json"]).out
        == result.out)
  }

  @Test(arguments: [
    ["--every", "0m"], ["--every", "8d"], ["--closure-minutes", "0"], ["--faults", "-1"],
    ["--max-duration", "200000000000000000m"],
  ])
  func badOptionsAreUsageErrors(_ options: [String]) {
    let result = CapturedConsole.run(["rehearse", Self.plan("acme")] + options)
    #expect(result.status == .usage, "\(options): \(result.err)")
    #expect(result.err.split(separator: "\n").count == 1)
    #expect(result.out.isEmpty)
  }

  @Test func aKeptJournalIsANewFileInTheJournalFormat() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let journal = folder.file("rehearsal.journal")
    let result = CapturedConsole.run(["rehearse", Self.plan("acme"), "--journal", journal])
    #expect(result.status == .success, "\(result.err)")
    let status = CapturedConsole.run(["status", Self.plan("acme"), "--journal", journal])
    #expect(status.status == .success, "\(status.err)")
    // The rehearsal's journal is read by status like a real one.
    #expect(status.out.contains("Status of the shutdown of o-acme4x7k2p"))
    let again = CapturedConsole.run(["rehearse", Self.plan("acme"), "--journal", journal])
    #expect(again.status == .usage && again.err.contains("exists"))
  }
}
