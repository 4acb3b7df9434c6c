import AWSInventory
import Foundation
import TestSupport
import Testing

/// `-` as standard input, run through a shell that redirects it.
@Suite struct StandardInputTests {
  let acme = Fixtures.samplesDirectory.appendingPathComponent("acme").path

  /// Runs `orgclose` with the file `input` on standard input.
  func orgclose(_ arguments: [String], input: String) throws -> CommandOutput {
    try TestProcess.orgclose(arguments, input: input, timeout: .seconds(60))
  }

  @Test("every input can be -: the snapshot, the policy, a plan, and the plan goes to -")
  func dashIsStandardInput() throws {
    let validate = try orgclose(
      ["validate", "-", "--policy", "\(acme)/closure.policy.json"],
      input: "\(acme)/org.snapshot.json")
    #expect(validate.termination == .exited(0))
    #expect(
      String(decoding: validate.standardOutput, as: UTF8.self).hasPrefix(
        "standard input: valid: organization o-acme4x7k2p"))
    let golden = try Data(contentsOf: URL(fileURLWithPath: "\(acme)/expected/plan.json"))
    let fromSnapshot = try orgclose(
      ["plan", "-", "--policy", "\(acme)/closure.policy.json", "--out", "-"],
      input: "\(acme)/org.snapshot.json")
    #expect(Data(fromSnapshot.standardOutput) == golden)
    let fromPolicy = try orgclose(
      ["plan", "\(acme)/org.snapshot.json", "--policy", "-", "--out", "-"],
      input: "\(acme)/closure.policy.json")
    #expect(Data(fromPolicy.standardOutput) == golden)
    let rendered = try orgclose(["render", "-"], input: "\(acme)/expected/plan.json")
    #expect(rendered.termination == .exited(0))
    #expect(
      String(decoding: rendered.standardOutput, as: UTF8.self).hasPrefix(
        "Shutdown plan for organization"))
    let diff = try orgclose(
      ["diff", "-", "\(acme)/expected/plan.json"], input: "\(acme)/expected/plan.json")
    #expect(diff.termination == .exited(0))
  }

  @Test("bad data on standard input names standard input")
  func badInputNamesStandardInput() throws {
    let globex = Fixtures.samplesDirectory.appendingPathComponent("globex").path
    let result = try orgclose(["validate", "-"], input: "\(globex)/closure.policy.json")
    #expect(result.termination == .exited(65))
    #expect(
      result.errorText
        == "orgclose: standard input: this is a closure policy, not a snapshot; orgclose "
        + "validate takes the snapshot first\n")
  }

  @Test("an output that is the file on standard input is refused: exit 64")
  func outputOverStandardInputIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let snapshot = folder.file("org.json")
    try FileManager.default.copyItem(atPath: "\(acme)/org.snapshot.json", toPath: snapshot)
    let before = try Data(contentsOf: URL(fileURLWithPath: snapshot))
    let result = try orgclose(["plan", "-", "--out", snapshot], input: snapshot)
    #expect(result.termination == .exited(64))
    #expect(
      result.errorText
        == "orgclose: \(snapshot) is the same file as the input standard input; choose another "
        + "name for the output\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: snapshot)) == before)
  }
}
