import ClosurePlanner
import Foundation
import PlanFiles
import TestSupport
import Testing

/// A plan file that was truncated, merged badly or edited by hand is refused with its place.
@Suite struct PlanValidationTests {
  static var plan: [String: Any] {
    let url = Fixtures.samplesDirectory.appendingPathComponent("initech/expected/plan.json")
    let data = (try? Data(contentsOf: url)) ?? Data()
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
  }

  struct TamperCase: Sendable, CustomTestStringConvertible {
    var name: String
    var change: @Sendable (inout [String: Any]) -> Void
    var message: String
    var testDescription: String { name }
  }

  static func steps(_ plan: [String: Any]) -> [[String: Any]] {
    plan["steps"] as? [[String: Any]] ?? []
  }

  static let suffix = "; the file was edited or damaged: re-create it with 'orgclose plan'"

  static let cases: [TamperCase] = [
    TamperCase(
      name: "dangling prerequisite",
      change: { plan in
        var steps = PlanValidationTests.steps(plan)
        steps[12]["after"] = ["no-such-step"]
        plan["steps"] = steps
      },
      message: "plan.json: steps[12].after[0]: \"no-such-step\" is not an earlier step of this plan"
        + suffix
    ),
    TamperCase(
      name: "duplicate step",
      change: { plan in
        var steps = PlanValidationTests.steps(plan)
        steps[1]["id"] = steps[0]["id"]
        plan["steps"] = steps
      },
      message: "plan.json: steps[1].id: \"deregister-delegated-admin:444444444404:securityhub."
        + "amazonaws.com\" is listed twice" + suffix),
    TamperCase(
      name: "a step listed before its prerequisite",
      change: { plan in
        var steps = PlanValidationTests.steps(plan)
        steps.insert(steps.removeLast(), at: 0)
        plan["steps"] = steps
      },
      message: "plan.json: steps[0].after[0]: \"close-standalone-account:444444444401\" is not an "
        + "earlier step of this plan" + suffix),
    TamperCase(
      name: "a quota calendar longer than the close steps",
      change: { plan in
        var quota = plan["closeQuota"] as? [String: Any] ?? [:]
        quota["windows"] = 1 << 40
        plan["closeQuota"] = quota
      },
      message: "plan.json: closeQuota.windows: 1099511627776 windows of 250 do not match the "
        + "plan's 0 close steps" + suffix),
    TamperCase(
      name: "a step removed without its count",
      change: { plan in
        var steps = PlanValidationTests.steps(plan)
        steps.removeLast()
        plan["steps"] = steps
      },
      message: "plan.json: findings[9].step: \"close-management-account:444444444400\" is not a "
        + "step of this plan" + suffix),
  ]

  @Test(arguments: cases)
  func tamperedPlansAreRefused(_ c: TamperCase) throws {
    var plan = Self.plan
    c.change(&plan)
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.url("plan.json")
    try JSONSerialization.data(withJSONObject: plan).write(to: file)
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readPlan(file.path) }
    #expect(error?.description.replacingOccurrences(of: folder.path + "/", with: "") == c.message)
  }

  @Test("a truncated plan file is refused as JSON")
  func truncatedPlan() throws {
    let url = Fixtures.samplesDirectory.appendingPathComponent("initech/expected/plan.json")
    let data = try Data(contentsOf: url)
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.url("file.json")
    try data.prefix(data.count / 2).write(to: file)
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readPlan(file.path) }
    #expect(error?.description.contains("is not valid JSON") == true)
  }

  @Test("every sample plan is valid", arguments: ["acme", "globex", "initech"])
  func samplesAreValid(_ sample: String) throws {
    let url = Fixtures.samplesDirectory.appendingPathComponent("\(sample)/expected/plan.json")
    #expect(try PlanFiles.readPlan(url.path).steps.isEmpty == false)
  }
}
