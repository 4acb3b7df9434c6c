import ClosurePlanner
import OrgGraph

/// One wave of a plan: its steps in plan order, and the same steps in brief, with the
/// organization-level ones kept and the per-account ones counted by action.
struct WaveDigest {
  /// The per-account steps of one action in one wave.
  struct Tally {
    var action: String
    var kind: ClosurePlan.StepKind
    /// The first step counted, which stands for the tally when it counts one step.
    var firstStep: ClosurePlan.Step
    var count: Int
    var windows: ClosedRange<Int>?
    var dates: ClosedRange<CalendarDay>?
  }

  var wave: Int
  /// Every step of the wave, in plan order.
  var steps: [ClosurePlan.Step] = []
  /// The earliest and latest `notBefore` of the wave.
  var dates: ClosedRange<CalendarDay>?
  /// Steps without an account, in plan order.
  var organizationSteps: [ClosurePlan.Step] = []
  /// Per-account steps counted by action, sorted by action.
  var tallies: [Tally] = []

  /// The waves of `steps`, in wave order.
  static func digests(of steps: [ClosurePlan.Step]) -> [WaveDigest] {
    var digests: [WaveDigest] = []
    var positionOfWave: [Int: Int] = [:]
    var tallyPositions: [[String: Int]] = []
    for step in steps {
      let position: Int
      if let known = positionOfWave[step.wave] {
        position = known
      } else {
        position = digests.count
        positionOfWave[step.wave] = position
        digests.append(WaveDigest(wave: step.wave))
        tallyPositions.append([:])
      }
      digests[position].steps.append(step)
      if let day = step.notBefore {
        digests[position].dates = .spanning(digests[position].dates, day)
      }
      guard step.account != nil else {
        digests[position].organizationSteps.append(step)
        continue
      }
      let tally: Int
      if let known = tallyPositions[position][step.action] {
        tally = known
      } else {
        tally = digests[position].tallies.count
        tallyPositions[position][step.action] = tally
        digests[position].tallies.append(
          Tally(
            action: step.action, kind: step.kind, firstStep: step, count: 0, windows: nil,
            dates: nil))
      }
      digests[position].tallies[tally].count += 1
      if let window = step.window {
        digests[position].tallies[tally].windows = .spanning(
          digests[position].tallies[tally].windows, window)
      }
      if let day = step.notBefore {
        digests[position].tallies[tally].dates = .spanning(
          digests[position].tallies[tally].dates, day)
      }
    }
    for position in digests.indices {
      digests[position].tallies.sort { $0.action < $1.action }
    }
    return digests.sorted { $0.wave < $1.wave }
  }
}
