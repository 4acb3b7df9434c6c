import ClosurePlanner
import OrgGraph

/// One wave of a plan: its steps in plan order, and the same steps in brief, with the
/// organization-level ones kept and the per-account ones counted by action.
///
/// The wave's steps are kept as positions in `plan.steps`, not copies: copying every step
/// (eleven reference-counted fields) was a fifth of the text summary's time at 300,000 steps.
struct WaveDigest {
  /// The per-account steps of one action in one wave.
  struct Tally {
    var action: StepAction.Name
    var kind: ClosurePlan.StepKind
    /// The first step counted, which stands for the tally when it counts one step.
    var firstStep: ClosurePlan.Step
    var count: Int
    var windows: ClosedRange<Int>?
    var dates: ClosedRange<CalendarDay>?
  }

  var wave: Int
  /// The positions in `plan.steps` of every step of the wave, in plan order.
  var stepPositions: [Int] = []
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
    var tallyPositions: [[StepAction.Name: Int]] = []
    // Fields are read through `steps[index]` rather than a loop variable, which would copy
    // (and retain) the whole step.
    for index in steps.indices {
      let wave = steps[index].wave
      let position: Int
      if let known = positionOfWave[wave] {
        position = known
      } else {
        position = digests.count
        positionOfWave[wave] = position
        digests.append(WaveDigest(wave: wave))
        tallyPositions.append([:])
      }
      digests[position].stepPositions.append(index)
      let notBefore = steps[index].notBefore
      if let day = notBefore {
        digests[position].dates = .spanning(digests[position].dates, day)
      }
      guard steps[index].account != nil else {
        digests[position].organizationSteps.append(steps[index])
        continue
      }
      let tally: Int
      if let known = tallyPositions[position][steps[index].action.name] {
        tally = known
      } else {
        tally = digests[position].tallies.count
        tallyPositions[position][steps[index].action.name] = tally
        digests[position].tallies.append(
          Tally(
            action: steps[index].action.name, kind: steps[index].kind,
            firstStep: steps[index],
            count: 0, windows: nil, dates: nil))
      }
      digests[position].tallies[tally].count += 1
      if let window = steps[index].window {
        digests[position].tallies[tally].windows = .spanning(
          digests[position].tallies[tally].windows, window)
      }
      if let day = notBefore {
        digests[position].tallies[tally].dates = .spanning(
          digests[position].tallies[tally].dates, day)
      }
    }
    for position in digests.indices {
      digests[position].tallies.sort { $0.action.rawValue < $1.action.rawValue }
    }
    return digests.sorted { $0.wave < $1.wave }
  }
}
