import ClosurePlanner
import OrgCloseBasics
import OrgGraph
import PlanExecution

/// The end of an `apply` run, for a person: what was sent, why the run ended, what waits,
/// and the exit status a scheduler acts on.
struct ApplyReport {
  var plan: ExecutablePlan
  var journal: JournalState
  var summary: ApplyEngine.Summary
  var now: Timestamp

  /// Prints the report and returns the exit status: 2 only when a person is what holds the
  /// shutdown back now, 75 when AWS kept failing a read or a change, else 0.
  func print(to console: Console) -> ExitStatus {
    let schedule = Schedule(plan: plan, journal: journal)
    let pending = OpenClosures(plan: plan, journal: journal).accounts.count
    let outlook = ApplyOutlook(
      plan: plan, now: now,
      decide: {
        schedule.decide(
          $0, now: now, pendingClosures: pending,
          triedThisRun: StatusReport.stoppedSteps(journal))
      }, dryRun: false)
    let calls = summary.calls
    var text = "apply: \(calls) change\(calls == 1 ? "" : "s") sent. "
    if summary.ending == .deadline {
      text += "Stopped at --max-duration; the next run goes on. "
    }
    console.out(text + outlook.text)
    for (step, reason) in summary.deniedReads.sorted(by: { $0.key < $1.key }) {
      console.err(
        "orgclose: apply: \(plan.named(step)): a read was denied: \(OneLine.escaped(reason))\n")
    }
    for (step, reason) in (summary.failingReads.merging(summary.throttled) { first, _ in first })
      .sorted(by: { $0.key < $1.key })
    {
      console.err(
        "orgclose: apply: \(plan.named(step)): AWS keeps failing: \(OneLine.escaped(reason)); "
          + "a later run tries again\n")
    }
    if !summary.deniedReads.isEmpty || outlook.needsPerson { return .blocked }
    if !summary.failingReads.isEmpty || !summary.throttled.isEmpty { return .temporaryFailure }
    return .success
  }
}
