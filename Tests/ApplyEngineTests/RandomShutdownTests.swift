import ClosurePlanner
import OrgGraph
import PlanExecution
import TestSupport
import Testing

/// Property tests: random organizations and policies, a fake organization with random closure
/// times and lag, random faults at random changes and crashes at random points, each case
/// reproduced by its seed alone.
@Suite struct RandomShutdownTests {
  static let seeds: [UInt64] = Array(0..<240)

  @Test func randomShutdownsUnderRandomFaultsKeepEveryInvariant() throws {
    var failures: [String] = []
    var finished = 0
    var planned = 0
    var faultsInjected = 0
    var crashes = 0
    for seed in Self.seeds {
      var random = RandomOrganization(seed: seed)
      let (organization, policy) = try random.make()
      guard let plan = try? Fixtures.plan(organization, policy: policy) else { continue }
      planned += 1
      var behaviour = FakeOrganization.Behaviour()
      behaviour.closureMinutes = Double(random.int(1...40))
      behaviour.laggingReads = random.chance(80)
      behaviour.seed = seed
      let lab = EngineLab(plan: ExecutablePlan(plan), policy: policy, behaviour: behaviour)
      for index in 0..<80 where random.chance(8) {
        lab.fake.faults[index] = random.pick(FakeOrganization.Fault.allCases)
      }
      faultsInjected += lab.fake.faults.count
      for point in 0..<800 where random.chance(1) { lab.crashes.crashAt.insert(point) }
      let result = try lab.driveToTheEnd()
      crashes += result.crashes
      if result.finished {
        finished += 1
      } else if let reason = Self.unexplained(lab) {
        failures.append("seed \(seed): not finished, and nothing holds it: \(reason)")
      }
      let broken = lab.brokenInvariants(finished: result.finished)
      if !broken.isEmpty {
        failures.append("seed \(seed): " + broken.prefix(3).joined(separator: "; "))
      }
    }
    #expect(failures.isEmpty, "\(failures.count) of \(planned): \(failures.prefix(5))")
    // The property must be exercised: plans carried out to the end, with faults and crashes
    // on the way (random organizations are mostly held by a blocking finding somewhere).
    #expect(planned >= 200, "\(planned) plans")
    #expect(finished >= 15, "\(finished) of \(planned) finished")
    #expect(faultsInjected > 100 && crashes > 50, "\(faultsInjected) faults, \(crashes) crashes")
  }

  /// Why a shutdown that did not finish is held, when nothing in the plan explains it: a
  /// step left that no blocking finding holds, of an account the fake can move (rule X7
  /// holds the others; an account in an unknown or AWS-owned state never changes).
  static func unexplained(_ lab: EngineLab) -> String? {
    let movable: Set<AccountState> = [.active, .pendingClosure, .closed]
    let left = lab.plan.steps.filter { !lab.memory.state.isDone($0.id) }
    let held = left.contains { step in
      step.blockedBy != nil
        || step.account.flatMap { lab.plan.accounts[$0]?.state }.map { !movable.contains($0) }
          == true
    }
    return held ? nil : left.prefix(3).map(\.id.rawValue).joined(separator: ", ")
  }
}
