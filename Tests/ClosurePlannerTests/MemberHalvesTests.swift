import OrgGraph
import PlanFiles
import TestSupport
import Testing

@testable import ClosurePlanner

/// Large organizations plan their members in two halves on two cores; the plan must be the
/// one planning them in order gives, byte for byte.
@Suite struct MemberHalvesTests {
  func plan(_ organization: Organization, _ policy: Policy, halvesFrom threshold: Int) throws
    -> ClosurePlan
  {
    try ClosurePlanner().plan(
      organization, policy: policy, startDate: Fixtures.startDate,
      inputs: .init(snapshot: "sha256:test", policy: nil), membersInHalvesFrom: threshold)
  }

  @Test(
    "members planned in two halves give the plan of members planned in order",
    arguments: Array(UInt64(1)...120))
  func halvesGiveTheSamePlan(_ seed: UInt64) throws {
    var random = RandomOrganization(seed: seed)
    let (organization, policy) = try random.make()
    let inOrder = try plan(organization, policy, halvesFrom: .max)
    let inHalves = try plan(organization, policy, halvesFrom: 2)
    #expect(PlanFiles.encodedPlan(inHalves) == PlanFiles.encodedPlan(inOrder))
  }

  @Test("the planner's own threshold plans a generated organization in halves, unchanged")
  func largeOrganization() throws {
    let document = SnapshotGenerator(
      accounts: PlanAssembly.membersPlannedInHalves + 2, organizationalUnits: 40, depth: 3,
      seed: 7
    ).document()
    let organization = try PlanFiles.organization(from: document, file: "generated")
    let inOrder = try plan(organization, .empty, halvesFrom: .max)
    let planned = try Fixtures.plan(organization)
    #expect(PlanFiles.encodedPlan(planned) == PlanFiles.encodedPlan(inOrder))
  }
}
