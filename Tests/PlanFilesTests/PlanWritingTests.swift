import ClosurePlanner
import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

/// `plan.json` is written without `JSONEncoder` for speed; these tests pin that the bytes are
/// exactly `JSONEncoder`'s (`PlanFiles.encode`), on every shape of plan the planner makes.
@Suite struct PlanWritingTests {
  /// The fields the fast writer and reader handle, by type.
  ///
  /// A field added to the plan must be added to `ClosurePlan+Writing.swift` and
  /// `ClosurePlan+FastReading.swift` too, or it would be dropped from `plan.json`; the test
  /// below fails until it is.
  static let knownFields: [String: [String]] = [
    "ClosurePlan": [
      "schemaVersion", "generator", "inputs", "organization", "strategy", "startDate",
      "closeQuota", "summary", "accounts", "steps", "findings", "redacted",
    ],
    "Inputs": ["snapshot", "policy"],
    "OrganizationSummary": ["id", "managementAccountId", "featureSet", "memberCount"],
    "CloseQuota": [
      "perWindow", "windowDays", "concurrent", "firstWindow", "closuresInLast30Days", "windows",
      "source",
    ],
    "Summary": [
      "steps", "apiSteps", "manualSteps", "waitSteps", "blocking", "warnings",
      "estimatedCompletion",
    ],
    "AccountEntry": [
      "id", "name", "path", "state", "joinedMethod", "disposition", "terminalStep", "findings",
    ],
    "Step": [
      "id", "action", "kind", "account", "call", "after", "wave", "window", "notBefore", "title",
      "tasks",
    ],
    "Finding": ["code", "severity", "account", "step", "message", "remediation"],
  ]

  @Test("every field of the plan is one the fast writer and reader know")
  func fieldsAreKnown() throws {
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1)]), policy: .empty)
    let values: [String: Any] = [
      "ClosurePlan": plan, "Inputs": plan.inputs, "OrganizationSummary": plan.organization,
      "CloseQuota": plan.closeQuota, "Summary": plan.summary, "AccountEntry": plan.accounts[0],
      "Step": plan.steps[0], "Finding": plan.findings[0],
    ]
    for (type, value) in values {
      let fields = Mirror(reflecting: value).children.compactMap(\.label)
      #expect(fields == Self.knownFields[type], "\(type)")
    }
  }

  @Test(
    "the samples' plans are written byte for byte as JSONEncoder writes them",
    arguments: ["acme", "globex", "initech"])
  func samples(_ sample: String) throws {
    let file = Fixtures.samplesDirectory.appendingPathComponent("\(sample)/expected/plan.json")
    let plan = try PlanFiles.readPlan(file.path)
    #expect(PlanFiles.encodedPlan(plan) == PlanFiles.encode(plan))
    #expect(PlanFiles.encodedPlan(plan) == (try Data(contentsOf: file)))
  }

  @Test("random organizations and policies: the same bytes as JSONEncoder", arguments: 1...80)
  func randomPlans(_ seed: UInt64) throws {
    var random = RandomOrganization(seed: seed)
    let (organization, policy) = try random.make()
    var plan = try Fixtures.plan(organization, policy: policy)
    #expect(PlanFiles.encodedPlan(plan) == PlanFiles.encode(plan))
    plan.redacted = seed.isMultiple(of: 2) ? ["emails"] : []
    #expect(PlanFiles.encodedPlan(plan) == PlanFiles.encode(plan))
  }

  @Test(
    "generated organizations under every strategy: the same bytes as JSONEncoder",
    arguments: Strategy.allCases)
  func generatedPlans(_ strategy: Strategy) throws {
    let document = SnapshotGenerator(accounts: 600, organizationalUnits: 40, depth: 5, seed: 7)
      .document()
    let organization = try PlanFiles.organization(from: document, file: "generated")
    let plan = try Fixtures.plan(organization, policy: Policy(strategy: strategy))
    #expect(PlanFiles.encodedPlan(plan) == PlanFiles.encode(plan))
  }

  /// Strings that exercise every escape, at every offset of the eight-byte scan.
  static let awkwardStrings: [String] = {
    var strings = [
      "", "plain", "quote \" and backslash \\ and slash /", "tab\tnewline\nreturn\r",
      "backspace\u{8} formfeed\u{C} bell\u{7} escape\u{1B} unit separator\u{1F} delete\u{7F}",
      "nul \u{0} inside", "café, naïve, 東京, emoji 🙂, combining e\u{301}", "\u{2028}\u{2029}",
      String(repeating: "a", count: 64) + "\"", "\\\\\\\"\"\"",
    ]
    for offset in 0..<17 {
      strings.append(
        String(repeating: "x", count: offset) + "\"" + String(repeating: "y", count: 9))
      strings.append(String(repeating: "x", count: offset) + "\u{1}")
    }
    return strings
  }()

  @Test("strings that need escaping are escaped exactly as JSONEncoder escapes them")
  func escaping() throws {
    let base = try Fixtures.plan(
      try Fixtures.organization(members: [Fixtures.member(1), Fixtures.member(2)]))
    for text in Self.awkwardStrings {
      var plan = base
      plan.generator = text
      plan.steps[0].title = text
      plan.steps[0].tasks = [text, text + text]
      plan.accounts[0].name = text
      plan.findings[0].message = text
      plan.inputs.policy = text
      plan.redacted = [text, "names"]
      #expect(PlanFiles.encodedPlan(plan) == PlanFiles.encode(plan), "\(text.debugDescription)")
    }
  }

  @Test("empty lists and absent optional fields are written as JSONEncoder writes them")
  func emptyAndAbsent() throws {
    var plan = try Fixtures.plan(try Fixtures.organization(members: []))
    plan.findings = []
    plan.accounts[0].findings = []
    plan.accounts[0].disposition = nil
    plan.accounts[0].terminalStep = nil
    plan.steps[0].tasks = nil
    plan.steps[0].after = []
    plan.steps[0].window = nil
    plan.steps[0].notBefore = nil
    plan.steps[0].account = nil
    plan.steps[0].call = nil
    plan.inputs.policy = nil
    #expect(PlanFiles.encodedPlan(plan) == PlanFiles.encode(plan))
    plan.steps = []
    plan.accounts = []
    #expect(PlanFiles.encodedPlan(plan) == PlanFiles.encode(plan))
  }

  @Test("writePlan streams the same bytes to the file and replaces an older one")
  func streaming() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.file("plan.json")
    // Big enough to fill the 1 MB buffer several times.
    let document = SnapshotGenerator(accounts: 2_000, organizationalUnits: 80, depth: 5, seed: 3)
      .document()
    let plan = try Fixtures.plan(try PlanFiles.organization(from: document, file: "generated"))
    try PlanFiles.write(Data("old\n".utf8), to: file)
    try PlanFiles.writePlan(plan, to: file)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == PlanFiles.encodedPlan(plan))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
  }

  @Test("writePlan names the file when it cannot write it")
  func streamingFailure() {
    let file = "/nonexistent-\(UUID().uuidString)/plan.json"
    #expect(throws: PlanFileError.writeFailed(file: file, reason: "No such file or directory")) {
      try PlanFiles.writePlan(
        try Fixtures.plan(try Fixtures.organization(members: [])), to: file)
    }
  }
}
