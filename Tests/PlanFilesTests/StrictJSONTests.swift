import ClosurePlanner
import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

/// Every reader refuses what JSON readers disagree on: a key given twice (Foundation keeps the
/// first value, jq, Python and JavaScript the last), trailing commas and other syntax errors,
/// which are named by line and column.
@Suite struct StrictJSONTests {
  /// A file of one kind, its text, and the exact error reading it gives.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var kind: FileKind
    var content: String
    var message: String
    var testDescription: String { name }
  }

  static let twice =
    "is given twice; JSON readers disagree on which one counts (jq, Python and JavaScript take "
    + "the last), so remove one"

  static func sample(_ path: String) -> String {
    let url = Fixtures.samplesDirectory.appendingPathComponent(path)
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  /// The base snapshot with `old` replaced by `new` in its compact, sorted text.
  static func snapshot(replacing old: String, with new: String) -> String {
    InputFiles.snapshot { _ in }.replacingOccurrences(of: old, with: new)
  }

  static let cases: [Case] = [
    Case(
      name: "snapshot: a second accounts array",
      kind: .snapshot,
      content: snapshot(replacing: "\"accounts\":[", with: "\"accounts\":[],\"accounts\":["),
      message: "org.json: accounts: " + twice),
    Case(
      name: "snapshot: an account's name twice",
      kind: .snapshot,
      content: snapshot(
        replacing: "\"name\":\"acct-222222222222\"", with: "\"name\":\"a\",\"name\":\"b\""),
      message: "org.json: accounts[1].name: " + twice),
    Case(
      name: "snapshot: an unknown key twice",
      kind: .snapshot,
      content: snapshot(
        replacing: "\"name\":\"acct-222222222222\"",
        with: "\"name\":\"a\",\"x\":1,\"x\":2"),
      message: "org.json: accounts[1].x: " + twice),
    Case(
      name: "snapshot: a key twice inside an object the reader skips",
      kind: .snapshot,
      content: snapshot(
        replacing: "{\"accounts\":", with: "{\"extra\":{\"a\":{\"b\":1,\"b\":2}},\"accounts\":"),
      message: "org.json: extra.a.b: " + twice),
    Case(
      name: "snapshot: the same key once escaped",
      kind: .snapshot,
      content: snapshot(
        replacing: "\"name\":\"acct-222222222222\"",
        with: "\"name\":\"a\",\"n\\u0061me\":\"b\""),
      message: "org.json: accounts[1].name: " + twice),
    Case(
      name: "snapshot: a tag twice",
      kind: .snapshot,
      content: snapshot(
        replacing: "\"name\":\"acct-222222222222\"",
        with: "\"name\":\"a\",\"tags\":{\"team\":\"x\",\"team\":\"y\"}"),
      message: "org.json: accounts[1].tags.team: " + twice),
    Case(
      name: "policy: protectedAccounts twice, the second protecting",
      kind: .policy,
      content: sample("acme/closure.policy.json").replacingOccurrences(
        of: "\"protectedAccounts\": [", with: "\"protectedAccounts\": [], \"protectedAccounts\": ["),
      message: "closure.json: protectedAccounts: " + twice),
    Case(
      name: "plan: a second steps array",
      kind: .plan,
      content: sample("initech/expected/plan.json").replacingOccurrences(
        of: "\"steps\":[", with: "\"steps\":[],\n\"steps\":["),
      message: "plan.json: steps: " + twice),
    Case(
      name: "trailing comma in an array",
      kind: .snapshot, content: "{\n  \"schemaVersion\": 1,\n  \"accounts\": [1, 2,]\n}",
      message: "org.json: is not valid JSON (line 3, column 21: trailing comma before ']')"),
    Case(
      name: "trailing comma in an object",
      kind: .policy, content: "{\"schemaVersion\": 1,}",
      message: "closure.json: is not valid JSON (line 1, column 21: trailing comma before '}')"),
    Case(
      name: "missing comma, named by line and column",
      kind: .plan, content: "{\n\"a\": 1\n\"b\": 2}",
      message: "plan.json: is not valid JSON (line 3, column 1: expected ',' or '}')"),
    Case(
      name: "a string that never ends",
      kind: .snapshot, content: "{\"a\": \"x",
      message: "org.json: is not valid JSON (line 1, column 7: the string never ends)"),
    Case(
      name: "NaN is not JSON",
      kind: .snapshot, content: "{\"schemaVersion\": NaN}",
      message: "org.json: is not valid JSON (line 1, column 19: expected a value (a string in "
        + "double quotes, a number, an object, …))"),
    Case(
      name: "a leading zero",
      kind: .policy, content: "{\"schemaVersion\": 01}",
      message: "closure.json: is not valid JSON (line 1, column 20: a number must not start with 0)"
    ),
    Case(
      name: "text after the document",
      kind: .policy, content: "{\"schemaVersion\": 1} {}",
      message: "closure.json: is not valid JSON (line 1, column 22: unexpected text after the end "
        + "of the document)"),
    Case(
      name: "nested too deep",
      kind: .snapshot, content: String(repeating: "[", count: 300),
      message: "org.json: is not valid JSON (line 1, column 257: nested deeper than 256 levels)"),
    Case(
      name: "a column counts characters, not bytes",
      kind: .snapshot, content: "{\"é\": 1 2}",
      message: "org.json: is not valid JSON (line 1, column 9: expected ',' or '}')"),
  ]

  @Test(arguments: cases)
  func refusedWithThePlaceThatIsWrong(_ c: Case) throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let name = c.kind == .snapshot ? "org.json" : c.kind == .policy ? "closure.json" : "plan.json"
    let file = folder.url(name)
    try c.content.write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: PlanFileError.self) {
      switch c.kind {
      case .policy: _ = try PlanFiles.readPolicy(file.path)
      case .plan: _ = try PlanFiles.readPlan(file.path)
      default: _ = try PlanFiles.readSnapshot(file.path)
      }
    }
    #expect(error?.description.replacingOccurrences(of: folder.path + "/", with: "") == c.message)
  }

  @Test("the documents the cases are made from read, so each case fails for its own reason")
  func basesRead() throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let snapshot = folder.url("org.json")
    try InputFiles.snapshot { _ in }.write(to: snapshot, atomically: true, encoding: .utf8)
    #expect(try PlanFiles.readSnapshot(snapshot.path).value.accounts.count == 3)
    let policy = folder.url("closure.json")
    try Self.sample("acme/closure.policy.json").write(to: policy, atomically: true, encoding: .utf8)
    #expect(try PlanFiles.readPolicy(policy.path).value.protectedAccounts.count == 1)
    let plan = folder.url("plan.json")
    try Self.sample("initech/expected/plan.json").write(to: plan, atomically: true, encoding: .utf8)
    #expect(try PlanFiles.readPlan(plan.path).steps.count == 26)
  }
}
