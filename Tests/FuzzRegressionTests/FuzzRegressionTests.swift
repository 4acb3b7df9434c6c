import Foundation
import OrgCloseFuzzing
import TestSupport
import Testing

/// Replays the inputs kept in `Tests/FuzzCorpus` (and the samples) through the fuzz harness:
/// each must finish without a crash and get exactly as far as recorded here.
@Suite struct FuzzRegressionTests {
  static let corpus = Fixtures.samplesDirectory.deletingLastPathComponent()
    .appendingPathComponent("Tests/FuzzCorpus")

  struct Expectation: Sendable, CustomTestStringConvertible {
    var file: String
    var decoded: Bool
    var plansRendered: Int
    var testDescription: String { file }
  }

  static let expectations = [
    Expectation(file: "snapshot-nested-200000-deep", decoded: false, plansRendered: 0),
    Expectation(file: "snapshot-unterminated-100000-deep", decoded: false, plansRendered: 0),
    Expectation(file: "policy-quota-beyond-int", decoded: false, plansRendered: 0),
    Expectation(file: "policy-extreme-recent-closures", decoded: true, plansRendered: 1),
    Expectation(file: "snapshot-extreme-timestamp-hostile-name", decoded: false, plansRendered: 0),
    Expectation(file: "plan-dangling-and-negative", decoded: false, plansRendered: 0),
    // Read differently by other tools (jq, Python keep the last value): refused.
    Expectation(file: "policy-protected-accounts-twice", decoded: false, plansRendered: 0),
    Expectation(file: "plan-second-steps-array", decoded: false, plansRendered: 0),
  ]

  @Test(arguments: expectations)
  func keptInputsGetAsFarAsRecorded(_ e: Expectation) throws {
    let data = try Data(contentsOf: Self.corpus.appendingPathComponent(e.file))
    let outcome = FuzzHarness.exercise(data)
    #expect(outcome.decoded == e.decoded)
    #expect(outcome.plansRendered == e.plansRendered)
  }

  @Test("every kept input has a recorded expectation")
  func corpusIsListed() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
    #expect(files == Self.expectations.map(\.file).sorted())
  }

  @Test(
    "the samples plan under every strategy", arguments: ["acme", "globex", "initech", "review-300"])
  func samplesAsSeeds(_ sample: String) throws {
    let folder = Fixtures.samplesDirectory.appendingPathComponent(sample)
    let snapshot = try Data(contentsOf: folder.appendingPathComponent("org.snapshot.json"))
    #expect(FuzzHarness.exercise(FuzzHarness.seed(.snapshot, file: snapshot)).plansRendered == 3)
    let policy = try Data(contentsOf: folder.appendingPathComponent("closure.policy.json"))
    #expect(FuzzHarness.exercise(FuzzHarness.seed(.policy, file: policy)).decoded)
  }
}
