import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

/// A plan's `lookup` is computed once and must never outlive a change to its steps or
/// accounts, nor make two equal plans unequal.
@Suite struct PlanLookupTests {
  func plan() throws -> ClosurePlan {
    try Fixtures.plan(Fixtures.organization(members: (1...4).map { Fixtures.member($0) }))
  }

  @Test("the lookup finds every step and account at its position")
  func findsEverything() throws {
    let plan = try plan()
    let lookup = plan.lookup
    for (position, step) in plan.steps.enumerated() {
      #expect(lookup.steps[step.id] == position)
    }
    for (position, entry) in plan.accounts.enumerated() {
      #expect(lookup.accounts[entry.id] == position)
    }
    #expect(lookup.repeatedStep == nil && lookup.repeatedAccount == nil)
  }

  @Test("changing the steps or the accounts gives a new lookup; copies keep theirs")
  func changesAreSeen() throws {
    var plan = try plan()
    let original = plan
    _ = plan.lookup
    let moved = plan.steps.removeFirst()
    #expect(plan.lookup.steps[moved.id] == nil)
    #expect(plan.lookup.steps[plan.steps[0].id] == 0)
    #expect(original.lookup.steps[moved.id] == 0)

    plan.steps.append(moved)
    #expect(plan.lookup.steps[moved.id] == plan.steps.count - 1)

    let entry = plan.accounts[0]
    plan.accounts[1].id = entry.id
    #expect(plan.lookup.repeatedAccount == 1)
    plan.steps[1] = plan.steps[0]
    #expect(plan.lookup.repeatedStep == 1)
  }

  @Test("a computed lookup is not part of the plan's value")
  func equalityIgnoresTheLookup() throws {
    let first = try plan()
    let second = try plan()
    _ = first.lookup
    #expect(first == second)
  }
}
