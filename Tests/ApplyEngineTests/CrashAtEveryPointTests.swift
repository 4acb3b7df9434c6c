import ClosurePlanner
import OrgGraph
import PlanExecution
import Testing

/// A 30-member shutdown under each strategy, killed at every point — before and after each
/// journal record and each AWS answer — then resumed to the end by the next scheduled runs.
@Suite struct CrashAtEveryPointTests {
  static let strategies = Strategy.allCases

  /// The shutdown without a crash: the baseline, and how many crash points it has.
  @Test(arguments: strategies)
  func aShutdownWithoutFaultsEndsWithEveryInvariantKept(strategy: Strategy) throws {
    let (plan, policy) = try ProofOrganization.plan(strategy)
    let lab = EngineLab(plan: plan, policy: policy)
    let result = try lab.driveToTheEnd()
    #expect(result.finished, "\(result.events.filter { $0.kind == .stuck })")
    #expect(lab.brokenInvariants(finished: true) == [])
    #expect(lab.crashes.points > 100, "only \(lab.crashes.points) crash points")
  }

  @Test(arguments: strategies)
  func aCrashAtEveryPointThenAResumeEndsTheShutdownCorrectly(strategy: Strategy) throws {
    let (plan, policy) = try ProofOrganization.plan(strategy)
    let clean = EngineLab(plan: plan, policy: policy)
    try clean.driveToTheEnd()
    let points = clean.crashes.points
    var failures: [String] = []
    for k in 0..<points {
      let lab = EngineLab(plan: plan, policy: policy)
      lab.crashes.crashAt = [k]
      let result = try lab.driveToTheEnd()
      let broken = lab.brokenInvariants(finished: result.finished)
      if !result.finished || !broken.isEmpty || result.crashes != 1 {
        failures.append(
          "crash at point \(k): finished \(result.finished), crashes \(result.crashes): "
            + broken.prefix(3).joined(separator: "; "))
      }
    }
    #expect(failures.isEmpty, "\(failures.count) of \(points) points: \(failures.prefix(5))")
  }
}

/// Each fault kind at every mutating call of the same shutdowns.
@Suite struct FaultAtEveryCallTests {
  @Test(arguments: Strategy.allCases)
  func everyFaultAtEveryChangeKeepsEveryInvariant(strategy: Strategy) throws {
    let (plan, policy) = try ProofOrganization.plan(strategy)
    let clean = EngineLab(plan: plan, policy: policy)
    try clean.driveToTheEnd()
    let changes = clean.fake.calls.count
    var failures: [String] = []
    for fault in FakeOrganization.Fault.allCases {
      for index in 0..<changes {
        let lab = EngineLab(plan: plan, policy: policy)
        lab.fake.faults = [index: fault]
        let result = try lab.driveToTheEnd()
        let broken = lab.brokenInvariants(finished: result.finished)
        if !result.finished || !broken.isEmpty {
          failures.append(
            "\(fault) at change \(index): finished \(result.finished): "
              + broken.prefix(3).joined(separator: "; "))
        }
      }
    }
    #expect(failures.isEmpty, "\(failures.count) of \(changes * 7): \(failures.prefix(5))")
  }
}
