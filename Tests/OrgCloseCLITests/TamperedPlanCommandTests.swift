import Foundation
import OrgCloseCLI
import TestSupport
import Testing

/// `render`, `diff` and `check` refuse a plan whose closure was edited to be unsafe, as every
/// reader of a plan must: a rendered or diffed plan is what reviewers approve.
@Suite struct TamperedPlanCommandTests {
  static let acme = Fixtures.samplesDirectory.appendingPathComponent("acme")

  @Test(
    "a plan that closes a protected account exits 65 from every reader",
    arguments: ["render", "diff-old", "diff-new", "check"])
  func everyReaderRefuses(_ command: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let original = Self.acme.appendingPathComponent("expected/plan.json").path
    let text = try String(contentsOfFile: original, encoding: .utf8)
    let tampered = folder.file("plan.json")
    // The protected account's removal becomes a closure, wherever the plan names the step.
    let edited = text.replacingOccurrences(
      of: "\"remove-account:222222222211\"", with: "\"close-account:222222222211\"")
    #expect(edited != text)
    try edited.write(toFile: tampered, atomically: true, encoding: .utf8)
    let arguments: [String] =
      switch command {
      case "render": ["render", tampered]
      case "diff-old": ["diff", tampered, original]
      case "diff-new": ["diff", original, tampered]
      default:
        [
          "check", tampered, "--snapshot",
          Self.acme.appendingPathComponent("org.snapshot.json").path,
        ]
      }
    let result = CapturedConsole.run(arguments)
    #expect(result.status == .dataError)
    #expect(result.out.isEmpty)
    #expect(
      result.err.hasPrefix("orgclose: \(tampered): steps[")
        && result.err.hasSuffix(
          "]: \"close-account:222222222211\" closes 222222222211, which the plan lists as "
            + "protected; the file was edited or damaged: re-create it with 'orgclose plan'\n")
    )
  }
}
