import OrgCloseBasics
import OrgGraph

extension PlanAssembly {
  /// Members fewer than this are planned one after another: below it the second core saves
  /// less than handing it the work costs.
  static let membersPlannedInHalves = 2_000

  /// Plans every member, in order: for a large organization, the first and the second half
  /// of them at the same time on two cores.
  ///
  /// Each half is planned into its own copy of the assembly. The second half's new steps,
  /// findings, close steps and outcomes are then appended to the first half's, their step
  /// indices moved up by the number of steps the first half added. A member's planning
  /// reads only the organization, the policy and the organization's steps, never what
  /// another member added, so the result is the same, index for index, as planning the
  /// members in order (`PropertyTests` compares the two).
  ///
  /// - Parameter threshold: The member count from which the halves are planned apart.
  mutating func planMembers(inHalvesFrom threshold: Int = membersPlannedInHalves) {
    let positions = memberPositions
    guard positions.count >= max(threshold, 2) else {
      for position in positions { planMember(at: position) }
      return
    }
    let middle = positions.count / 2
    let halves = [positions[..<middle], positions[middle...]]
    let start = self
    let (first, second) = concurrently(
      { start.planning(halves[0]) }, { start.planning(halves[1]) })
    self = first
    append(second, plannedFrom: start, members: halves[1])
  }

  /// A copy of this assembly with `members` planned.
  private func planning(_ members: ArraySlice<Int>) -> PlanAssembly {
    var part = self
    for position in members { part.planMember(at: position) }
    return part
  }

  /// Appends what `other` added to `start` while planning `members`, as if this assembly had
  /// planned them itself.
  private mutating func append(
    _ other: PlanAssembly, plannedFrom start: PlanAssembly, members: ArraySlice<Int>
  ) {
    let base = start.steps.count
    let shift = steps.count - base
    func moved(_ step: Int) -> Int { step < base ? step : step + shift }
    steps.append(other.steps.drafts[base...], base: base, moving: moved)
    for index in start.findings.count..<other.findings.count {
      var finding = other.findings[index]
      finding.step = finding.step.map(moved)
      findings.append(finding)
    }
    for (key, step) in other.closeSteps[start.closeSteps.count...] {
      closeSteps.append((key, moved(step)))
    }
    for position in members {
      guard var outcome = other.outcomes[position] else { continue }
      outcome.terminalStep = outcome.terminalStep.map(moved)
      outcome.removalStep = outcome.removalStep.map(moved)
      outcomes[position] = outcome
    }
  }
}
