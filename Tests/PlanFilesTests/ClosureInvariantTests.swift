import ClosurePlanner
import Foundation
import PlanFiles
import TestSupport
import Testing

/// A plan edited so that acting on it would be unsafe is refused by every reader, however
/// well formed the rest of it is.
@Suite struct ClosureInvariantTests {
  static func plan(_ sample: String) -> [String: Any] {
    let url = Fixtures.samplesDirectory.appendingPathComponent("\(sample)/expected/plan.json")
    let data = (try? Data(contentsOf: url)) ?? Data()
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
  }

  static func index(of id: String, in sample: String) -> Int {
    (plan(sample)["steps"] as? [[String: Any]] ?? []).firstIndex { $0["id"] as? String == id } ?? -1
  }

  /// Applies `change` to one of `object`'s entries under `key`.
  static func edit(
    _ object: inout [String: Any], _ key: String, _ change: (inout [String: Any]) -> Void
  ) {
    var entry = object[key] as? [String: Any] ?? [:]
    change(&entry)
    object[key] = entry
  }

  /// Gives a step another ID, in the steps, their prerequisites and the findings.
  static func renameStep(_ plan: inout [String: Any], _ old: String, _ new: String) {
    func renamed(_ id: Any?) -> Any? { (id as? String) == old ? new : id }
    plan["steps"] = (plan["steps"] as? [[String: Any]] ?? []).map { step in
      var step = step
      step["id"] = renamed(step["id"])
      if let after = step["after"] as? [String] {
        step["after"] = after.map { $0 == old ? new : $0 }
      }
      return step
    }
    plan["findings"] = (plan["findings"] as? [[String: Any]] ?? []).map { finding in
      var finding = finding
      if finding["step"] != nil { finding["step"] = renamed(finding["step"]) }
      return finding
    }
  }

  static func editStep(_ plan: inout [String: Any], _ index: Int, _ key: String, _ value: Any) {
    var steps = plan["steps"] as? [[String: Any]] ?? []
    steps[index][key] = value
    plan["steps"] = steps
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var sample: String
    var change: @Sendable (inout [String: Any]) -> Void
    var message: String
    var testDescription: String { name }
  }

  static let suffix = "; the file was edited or damaged: re-create it with 'orgclose plan'"
  static let protectedRemoval = index(of: "remove-account:222222222211", in: "acme")

  static let cases: [Case] = [
    Case(
      name: "a step after the management account's closure",
      sample: "initech",
      change: { plan in
        var steps = plan["steps"] as? [[String: Any]] ?? []
        steps.append([
          "after": ["close-management-account:444444444400"],
          "id": "cancel-invitation:h-late00001",
        ])
        plan["steps"] = steps
        ClosureInvariantTests.edit(&plan, "summary") { summary in
          summary["steps"] = 27
          summary["apiSteps"] = 10
        }
      },
      message: "plan.json: steps[25]: \"close-management-account:444444444400\" (wave 5) is not "
        + "after every other step (\"cancel-invitation:h-late00001\" is in wave 6); the management "
        + "account is closed last" + suffix),
    Case(
      name: "a protected account's removal turned into a closure",
      sample: "acme",
      change: { renameStep(&$0, "remove-account:222222222211", "close-account:222222222211") },
      message: "plan.json: steps[\(protectedRemoval)]: \"close-account:222222222211\" closes "
        + "222222222211, which the plan lists as protected" + suffix),
    Case(
      name: "the management account closed by CloseAccount",
      sample: "initech",
      change: {
        renameStep(&$0, "close-management-account:444444444400", "close-account:444444444400")
        // A manual step became an API one; the counts follow, so only the closure is wrong.
        ClosureInvariantTests.edit(&$0, "summary") { summary in
          summary["manualSteps"] = (summary["manualSteps"] as? Int ?? 0) - 1
          summary["apiSteps"] = (summary["apiSteps"] as? Int ?? 0) + 1
        }
      },
      message: "plan.json: steps[25]: \"close-account:444444444400\" closes the "
        + "management account; only close-management-account, last, may" + suffix),
    Case(
      name: "a member closed as if it were the management account",
      sample: "initech",
      change: {
        renameStep(
          &$0, "close-management-account:444444444400", "close-management-account:444444444401")
      },
      message: "plan.json: steps[25]: \"close-management-account:444444444401\" closes "
        + "444444444401 as the management account, which is 444444444400" + suffix),
    Case(
      name: "a member count that is not the plan's",
      sample: "initech",
      change: { ClosureInvariantTests.edit(&$0, "organization") { $0["memberCount"] = 9 } },
      message: "plan.json: organization.memberCount: 9 does not match the plan's 5 member "
        + "accounts" + suffix),
    Case(
      name: "a management account the plan does not list",
      sample: "initech",
      change: {
        ClosureInvariantTests.edit(&$0, "organization") {
          $0["managementAccountId"] = "999999999999"
        }
      },
      message: "plan.json: organization.managementAccountId: \"999999999999\" is not one of the "
        + "plan's accounts" + suffix),
    Case(
      name: "a digest that is not one",
      sample: "initech",
      change: { ClosureInvariantTests.edit(&$0, "inputs") { $0["snapshot"] = "sha256:abc" } },
      message: "plan.json: inputs.snapshot: \"sha256:abc\" is not a digest (expected \"sha256:\" "
        + "and 64 hex digits)" + suffix),
    Case(
      name: "a policy digest in capitals",
      sample: "initech",
      change: {
        ClosureInvariantTests.edit(&$0, "inputs") {
          $0["policy"] = "sha256:" + String(repeating: "A", count: 64)
        }
      },
      message: "plan.json: inputs.policy: \"sha256:" + String(repeating: "A", count: 64)
        + "\" is not a digest (expected \"sha256:\" and 64 hex digits)" + suffix),
    Case(
      name: "an unknown top-level key",
      sample: "initech",
      change: { $0["approvedBy"] = "someone" },
      message: "plan.json: approvedBy: unknown key; expected one of accounts, closeQuota, "
        + "findings, generator, inputs, organization, redacted, schemaVersion, startDate, steps, "
        + "strategy, summary"),
    Case(
      name: "an unknown key in a step",
      sample: "initech",
      change: { editStep(&$0, 3, "skip", true) },
      message: "plan.json: steps[3].skip: unknown key; expected one of after, declines, direction, "
        + "id, items, notBefore, tasks, terminatesOn, window, withdraws"),
  ]

  @Test(arguments: cases)
  func unsafePlansAreRefused(_ c: Case) throws {
    var plan = Self.plan(c.sample)
    c.change(&plan)
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("plan.json")
    try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys]).write(to: file)
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readPlan(file.path) }
    #expect(error?.description.replacingOccurrences(of: folder.path + "/", with: "") == c.message)
  }

  @Test("plans of random organizations keep every invariant", arguments: 1...60)
  func randomPlansAreValid(_ seed: UInt64) throws {
    var random = RandomOrganization(seed: seed)
    let (organization, policy) = try random.make()
    var plan = try Fixtures.plan(organization, policy: policy)
    plan.inputs = .init(snapshot: PlanFiles.digest(Data()), policy: nil)
    _ = try PlanFiles.validated(plan, file: "plan.json")
  }
}
