import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// The samples' expected plans are golden files: a behaviour change shows as a diff there.
@Suite struct SampleGoldenTests {
  static let samples = ["acme", "globex", "initech", "review-300"]

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
    let csv = CapturedConsole.run(["blockers"] + inputs + ["--format", "csv"])
    try expectMatchesGolden(csv.out, "\(sample)/expected/blockers.csv")
    let validate = CapturedConsole.run(["validate"] + inputs + ["--format", "json"])
    #expect(validate.status == .success)
    // Paths as a user in the checkout would type them.
    try expectMatchesGolden(
      validate.out.replacing(Fixtures.samplesDirectory.path + "/", with: "Samples/"),
      "\(sample)/expected/validate.json")
  }

  @Test(
    "Golden: the Markdown, Mermaid, gantt and DOT renderings of each sample", arguments: samples)
  func goldenRenderings(_ sample: String) throws {
    let folder = Fixtures.samplesDirectory.appendingPathComponent(sample).path
    let inputs = ["\(folder)/org.snapshot.json", "--policy", "\(folder)/closure.policy.json"]
    let formats = [
      ("markdown", "plan.md"), ("mermaid", "plan.mmd"), ("gantt", "plan.gantt.mmd"),
      ("dot", "plan.dot"),
    ]
    for (format, file) in formats {
      let planned = CapturedConsole.run(["plan"] + inputs + ["--format", format])
      #expect(planned.status == .success)
      #expect(planned.err.isEmpty)
      try expectMatchesGolden(planned.out, "\(sample)/expected/\(file)")
      let rendered = CapturedConsole.run([
        "render", "\(folder)/expected/plan.json", "--format", format,
      ])
      #expect(rendered.out == planned.out, "render --format \(format) differs from plan")
    }
  }

  @Test("Golden: rendering a saved plan gives the same text as planning", arguments: samples)
  func renderMatchesPlan(_ sample: String) throws {
    let plan = Fixtures.samplesDirectory.appendingPathComponent("\(sample)/expected/plan.json").path
    let rendered = CapturedConsole.run(["render", plan, "--format", "text"])
    #expect(rendered.status == .success)
    try expectMatchesGolden(rendered.out, "\(sample)/expected/plan.txt")
  }
}
