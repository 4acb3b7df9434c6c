import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// One exact text replacement in a sample file.
struct Edit: Sendable {
  var from: String
  var to: String
}

/// A copy of the acme sample's snapshot and policy, edited, in a temporary folder.
///
/// Every edit must match exactly once, so a change to the sample fails here rather than
/// silently testing nothing.
struct SampleVariant {
  static let acme = Fixtures.samplesDirectory.appendingPathComponent("acme")
  /// The acme plan kept true by the golden tests.
  static let acmePlan = acme.appendingPathComponent("expected/plan.json").path

  let folder: TemporaryFolder
  var snapshot: String { folder.file("org.snapshot.json") }
  var policy: String { folder.file("closure.policy.json") }

  init(snapshot snapshotEdits: [Edit] = [], policy policyEdits: [Edit] = []) throws {
    folder = try TemporaryFolder()
    try Self.copy("org.snapshot.json", to: snapshot, editing: snapshotEdits)
    try Self.copy("closure.policy.json", to: policy, editing: policyEdits)
  }

  /// The path of `name` in the variant's folder.
  func file(_ name: String) -> String { folder.file(name) }

  /// Plans the variant into `name` in its folder and returns the path.
  func plan(to name: String = "plan.json", extra: [String] = []) -> String {
    let out = file(name)
    let result = CapturedConsole.run(
      ["plan", snapshot, "--policy", policy, "--out", out, "--format", "json"] + extra)
    #expect(result.status == .success, "planning the variant failed: \(result.err)")
    return out
  }

  func remove() { folder.remove() }

  private static func copy(_ name: String, to destination: String, editing edits: [Edit]) throws {
    var text = try String(
      contentsOf: acme.appendingPathComponent(name), encoding: .utf8)
    for edit in edits {
      let count = text.components(separatedBy: edit.from).count - 1
      try #require(count == 1, "\(name): \"\(edit.from)\" occurs \(count) times, not once")
      text = text.replacing(edit.from, with: edit.to)
    }
    try text.write(toFile: destination, atomically: true, encoding: .utf8)
  }
}

/// The blocks of a report, split at blank lines, keyed by their first line.
func reportSections(_ text: String) -> [String: [String]] {
  var sections: [String: [String]] = [:]
  let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
  for block in trimmed.components(separatedBy: "\n\n") {
    let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let heading = lines.first else { continue }
    sections[heading] = Array(lines.dropFirst())
  }
  return sections
}
