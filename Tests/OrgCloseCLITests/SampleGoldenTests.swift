import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// The samples' expected plans are golden files: a behaviour change shows as a diff there.
@Suite struct SampleGoldenTests {
  static let samples = ["acme", "globex", "initech"]

  @Test("Golden: plan.json and the text plan of each sample", arguments: samples)
  func goldenPlans(_ sample: String) throws {
    let folder = Fixtures.samplesDirectory.appendingPathComponent(sample).path
    let inputs = ["\(folder)/org.snapshot.json", "--policy", "\(folder)/closure.policy.json"]
    let json = CapturedConsole.run(["plan"] + inputs + ["--format", "json"])
    #expect(json.err.isEmpty)
    try expectMatchesGolden(json.out, "\(sample)/expected/plan.json")
    let text = CapturedConsole.run(["plan"] + inputs)
    try expectMatchesGolden(text.out, "\(sample)/expected/plan.txt")
    let blockers = CapturedConsole.run(["blockers"] + inputs)
    try expectMatchesGolden(blockers.out, "\(sample)/expected/blockers.txt")
  }

  @Test("Golden: rendering a saved plan gives the same text as planning", arguments: samples)
  func renderMatchesPlan(_ sample: String) throws {
    let plan = Fixtures.samplesDirectory.appendingPathComponent("\(sample)/expected/plan.json").path
    let rendered = CapturedConsole.run(["render", plan, "--format", "text"])
    #expect(rendered.status == .success)
    try expectMatchesGolden(rendered.out, "\(sample)/expected/plan.txt")
  }
}
