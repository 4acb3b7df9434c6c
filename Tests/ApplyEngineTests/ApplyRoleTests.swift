import ClosurePlanner
import Foundation
import OrgGraph
import PlanExecution
import TestSupport
import Testing

/// SAFETY.md's IAM policy for the apply role names every action `apply` calls: a shutdown run
/// against a fake organization that allows exactly those actions ends, with nothing denied.
@Suite struct ApplyRoleTests {
  /// The actions the `Allow` statements of SAFETY.md's apply-role policy name.
  static func roleActions() throws -> Set<String> {
    let safety = Fixtures.samplesDirectory.deletingLastPathComponent()
      .appendingPathComponent("SAFETY.md")
    let text = try String(contentsOf: safety, encoding: .utf8)
    let section = try #require(text.range(of: "### The permissions of the apply role"))
    let rest = text[section.upperBound...]
    let start = try #require(rest.range(of: "```json\n"))
    let end = try #require(rest[start.upperBound...].range(of: "```"))
    struct Policy: Decodable {
      struct Statement: Decodable {
        var Effect: String
        var Action: [String]
      }
      var Statement: [Statement]
    }
    let policy = try JSONDecoder().decode(
      Policy.self, from: Data(rest[start.upperBound..<end.lowerBound].utf8))
    return Set(policy.Statement.filter { $0.Effect == "Allow" }.flatMap(\.Action))
  }

  @Test(arguments: Strategy.allCases)
  func theRoleAllowsEveryCallOfAShutdown(strategy: Strategy) throws {
    let (plan, policy) = try ProofOrganization.plan(strategy)
    var behaviour = FakeOrganization.Behaviour()
    behaviour.allowedActions = try Self.roleActions()
    let lab = EngineLab(plan: plan, policy: policy, behaviour: behaviour)
    let result = try lab.driveToTheEnd()
    #expect(lab.fake.deniedActions == [])
    #expect(result.finished)
    #expect(lab.brokenInvariants(finished: result.finished) == [])
  }

  @Test func aRoleWithoutAnActionApplyCallsHoldsTheShutdown() throws {
    let (plan, policy) = try ProofOrganization.plan(.closeThenDelete)
    var behaviour = FakeOrganization.Behaviour()
    behaviour.allowedActions = try Self.roleActions().subtracting([
      "organizations:DescribeHandshake"
    ])
    let lab = EngineLab(plan: plan, policy: policy, behaviour: behaviour)
    let result = try lab.driveToTheEnd()
    #expect(lab.fake.deniedActions == ["organizations:DescribeHandshake"])
    #expect(!result.finished)
  }
}
