public import ClosurePlanner
public import OrgGraph

/// What each step's decision is at one moment, summed up for a person: the end of a run,
/// and a dry run.
public struct ApplyOutlook: Sendable {
  public var lines: [String] = []
  /// A person is what holds the shutdown back now: a step failed, was skipped or is
  /// blocked, or a person's step is one that work due now waits on.
  public var needsPerson = false
  /// Person steps nothing due waits on yet (listed as reminders).
  public var reminders = 0
  public var done = 0
  public var total = 0
  public var next: (Timestamp, StepID)?

  /// The outlook of every step at `now`.
  ///
  /// For a dry run, `closureSlots` is how many closures could start now (3 less those in
  /// progress, rule B12, and no more than the quota leaves, rule B11); the due closures
  /// beyond it are shown waiting, as the run would pace them.
  public init(
    plan: ExecutablePlan, now: Timestamp, decide: (ExecutablePlan.Step) -> Schedule.Decision,
    dryRun: Bool, closureSlots: Int? = nil
  ) {
    total = plan.steps.count
    var closuresListed = 0
    var closuresHeld = 0
    var due: [String] = []
    var person: [String] = []
    var reminderLines: [String] = []
    var failed: [String] = []
    var waiting: [String] = []
    let urgency = PersonUrgency(plan: plan, now: now)
    for step in plan.steps {
      let decision = decide(step)
      let name = plan.named(step.id)
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
        if let request = step.request { due.append("  \(name): \(request.commandLine)") }
      case .poll:
        waiting.append("  \(name): polls \(Self.pollCommand(step))")
      case .waitingUntil(let time, let reason):
        waiting.append("  \(name): until \(time) (\(reason))")
        if next.map({ time < $0.0 }) ?? true { next = (time, step.id) }
      case .waitingForClosures:
        waiting.append("  \(name): until a closure in progress finishes (rule B12)")
      case .person(let why):
        if urgency.holdsDueWork(step.id) {
          person.append("  \(name): \(step.title) (\(why))")
        } else {
          reminderLines.append("  \(name): \(step.title)")
        }
      case .blocked(let why):
        failed.append("  \(name): blocked: \(why)")
      case .failed(let why):
        failed.append("  \(name): failed: \(why)")
      case .skipped(let why):
        failed.append("  \(name): skipped (drift): \(why)")
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
    reminders = reminderLines.count
    needsPerson = !person.isEmpty || !failed.isEmpty
    lines.append("\(done) of \(total) steps done.")
    if !due.isEmpty {
      lines.append(dryRun ? "Would run now (each paced at rules B11-B13):" : "Still due:")
      lines += Self.capped(due)
    }
    if !failed.isEmpty {
      lines.append("Failed, skipped or blocked (a person must look):")
      lines += Self.capped(failed)
    }
    if !person.isEmpty {
      lines.append(
        "Waiting on a person, and work due now waits on it (record each with orgclose done "
          + "PLAN STEP_ID --journal FILE --by NAME):")
      lines += Self.capped(person)
    }
    if !reminderLines.isEmpty {
      lines.append("Reminders (a person's steps that nothing due waits on yet):")
      lines += Self.capped(reminderLines)
    }
    if !waiting.isEmpty {
      lines.append("Waiting:")
      lines += Self.capped(waiting)
    }
    if let next {
      lines.append(
        "Next: \(plan.named(next.1)) becomes due at \(next.0); run apply again then.")
    } else if done == total {
      lines.append("Next: nothing; every step of the plan is done.")
    }
  }

  /// The first 20 of `items`, and how many more there are.
  private static func capped(_ items: [String]) -> [String] {
    guard items.count > 20 else { return items }
    return Array(items.prefix(20)) + [
      "  … and \(items.count - 20) more (orgclose status lists all)"
    ]
  }

  private static func pollCommand(_ step: ExecutablePlan.Step) -> String {
    switch step.work {
    case .awaitClosed:
      "aws organizations describe-account --account-id \(step.account?.rawValue ?? "")"
    case .awaitMembersGone: "aws organizations list-accounts"
    default: "its date"
    }
  }

  public var text: String { lines.joined(separator: "\n") + "\n" }
}

/// Whether a person's step holds back work that is due.
///
/// It does when an automated step depends on it, directly or through other steps, and that step's
/// date has come.
/// The management account's own preparation, months before its closure, holds nothing back yet.
struct PersonUrgency {
  let plan: ExecutablePlan
  let now: Timestamp

  func holdsDueWork(_ step: StepID) -> Bool {
    guard let start = plan.position[step] else { return false }
    var seen: Set<Int> = [start]
    var queue = plan.dependents[start]
    while let position = queue.popLast() {
      guard seen.insert(position).inserted else { continue }
      let dependent = plan.steps[position]
      if !dependent.work.isPersonStep,
        dependent.notBefore.map({ Timestamp(startOf: $0) <= now }) ?? true
      {
        return true
      }
      queue += plan.dependents[position]
    }
    return false
  }
}
