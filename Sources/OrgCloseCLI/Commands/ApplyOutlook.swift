import ClosurePlanner
import OrgGraph
import PlanExecution

/// What each step's decision is at one moment, summed up for a person: the end of a run,
/// and a dry run.
struct ApplyOutlook {
  var lines: [String] = []
  var needsPerson = false
  var done = 0
  var total = 0
  var next: (Timestamp, String)?

  /// The outlook of every step at `now`.
  ///
  /// For a dry run, `closureSlots` is how many closures could start now (3 less those in
  /// progress, rule B12, and no more than the quota leaves, rule B11); the due closures
  /// beyond it are shown waiting, as the run would pace them.
  init(
    view: ExecutablePlan, schedule: Schedule, now: Timestamp,
    decide: (ExecutablePlan.Step) -> Schedule.Decision, dryRun: Bool, closureSlots: Int? = nil
  ) {
    total = view.steps.count
    var closuresListed = 0
    var closuresHeld = 0
    var due: [String] = []
    var person: [String] = []
    var failed: [String] = []
    var waiting: [String] = []
    for step in view.steps {
      let decision = decide(step)
      switch decision {
      case .done: done += 1
      case .due, .reconcile:
        if step.isClosure, case .due = decision, let closureSlots {
          if closuresListed >= closureSlots {
            closuresHeld += 1
            continue
          }
          closuresListed += 1
        }
        if case .call(let request) = step.work {
          due.append("  \(step.id): \(request.commandLine)")
        }
      case .poll:
        waiting.append("  \(step.id): polls \(Self.pollCommand(step))")
      case .waitingUntil(let time, let reason):
        waiting.append("  \(step.id): until \(time) (\(reason))")
        if next.map({ time < $0.0 }) ?? true { next = (time, step.id) }
      case .waitingForClosures:
        waiting.append("  \(step.id): until a closure in progress finishes (rule B12)")
      case .person(let why):
        person.append("  \(step.id): \(step.title) (\(why))")
      case .failed(let why):
        failed.append("  \(step.id): failed: \(why)")
      case .skipped(let why):
        failed.append("  \(step.id): skipped (drift): \(why)")
      case .waitingForPrerequisites:
        break
      }
    }
    if closuresHeld > 0 {
      waiting.insert(
        "  \(closuresHeld) more closure\(closuresHeld == 1 ? "" : "s") due: each when one of the 3 "
          + "in progress finishes (rule B12), 20 s apart (rule B13), within the quota (rule B11)",
        at: 0)
    }
    needsPerson = !person.isEmpty || !failed.isEmpty
    lines.append("\(done) of \(total) steps done.")
    if !due.isEmpty {
      lines.append(dryRun ? "Would run now (each paced at rules B11-B13):" : "Still due:")
      lines += due
    }
    if !failed.isEmpty {
      lines.append("Failed or skipped (a person must look):")
      lines += failed
    }
    if !person.isEmpty {
      lines.append("Waiting on a person (record each with orgclose done PLAN STEP_ID --by NAME):")
      lines += person
    }
    if !waiting.isEmpty {
      lines.append("Waiting:")
      lines += waiting.prefix(20)
      if waiting.count > 20 { lines.append("  … and \(waiting.count - 20) more") }
    }
    if let next {
      lines.append("Next: \(next.1) becomes due at \(next.0); run apply again then.")
    } else if done == total {
      lines.append("Next: nothing; every step of the plan is done.")
    }
  }

  private static func pollCommand(_ step: ExecutablePlan.Step) -> String {
    switch step.work {
    case .awaitClosed:
      "aws organizations describe-account --account-id \(step.account ?? "")"
    case .awaitMembersGone: "aws organizations list-accounts"
    default: "its date"
    }
  }

  var text: String { lines.joined(separator: "\n") + "\n" }
}

extension ApplyRun {
  /// The run's end: what was done, what waits, and the exit status.
  func finish() throws -> ExitStatus {
    let schedule = self.schedule
    let outlook = ApplyOutlook(
      view: view, schedule: schedule, now: clock.now(), decide: { decide($0, schedule) },
      dryRun: false)
    console.out("apply: \(calls) change\(calls == 1 ? "" : "s") sent. " + outlook.text)
    if let deniedRead {
      console.err("orgclose: apply: stopped: \(deniedRead)\n")
      return .blocked
    }
    if let awsFailing {
      console.err("orgclose: apply: AWS keeps failing: \(awsFailing); run apply again later\n")
      return .temporaryFailure
    }
    return outlook.needsPerson ? .blocked : .success
  }
}
