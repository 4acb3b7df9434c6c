import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// The review commands on the acme sample against its snapshot a week later
/// (`Samples/acme/next-week/`): one account closed, one whose closure finished, one moved,
/// one new, and a new delegated administrator.
@Suite struct ReviewGoldenTests {
  static let acme = Fixtures.samplesDirectory.appendingPathComponent("acme").path

  @Test("Golden: diff of the acme plan and the plan a week later, as text and Markdown")
  func goldenDiff() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let later = folder.file("plan.json")
    let planned = CapturedConsole.run([
      "plan", "\(Self.acme)/next-week/org.snapshot.json", "--policy",
      "\(Self.acme)/closure.policy.json", "--out", later, "--format", "json",
    ])
    #expect(planned.status == .success)
    let old = "\(Self.acme)/expected/plan.json"
    let text = CapturedConsole.run(["diff", old, later])
    #expect(text.status == .success)
    try expectMatchesGolden(text.out, "acme/expected/diff-next-week.txt")
    let markdown = CapturedConsole.run(["diff", old, later, "--format", "markdown"])
    #expect(markdown.status == .success)
    try expectMatchesGolden(markdown.out, "acme/expected/diff-next-week.md")
    let json = CapturedConsole.run(["diff", old, later, "--format", "json"])
    #expect(json.status == .success)
    try expectMatchesGolden(json.out, "acme/expected/diff-next-week.json")
  }

  @Test("Golden: check of the acme plan against the snapshot a week later (stale, exit 3)")
  func goldenCheck() throws {
    let result = CapturedConsole.run([
      "check", "\(Self.acme)/expected/plan.json", "--snapshot",
      "\(Self.acme)/next-week/org.snapshot.json", "--policy", "\(Self.acme)/closure.policy.json",
    ])
    #expect(result.status == .stale)
    // Paths as a user in the checkout would type them.
    let relative = result.out.replacing(Fixtures.samplesDirectory.path + "/", with: "Samples/")
    try expectMatchesGolden(relative, "acme/expected/check-next-week.txt")
    let json = CapturedConsole.run([
      "check", "\(Self.acme)/expected/plan.json", "--snapshot",
      "\(Self.acme)/next-week/org.snapshot.json", "--policy", "\(Self.acme)/closure.policy.json",
      "--format", "json",
    ])
    #expect(json.status == .stale)
    try expectMatchesGolden(
      json.out.replacing(Fixtures.samplesDirectory.path + "/", with: "Samples/"),
      "acme/expected/check-next-week.json")
  }
}
