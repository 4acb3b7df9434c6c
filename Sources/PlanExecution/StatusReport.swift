public import ClosurePlanner
public import OrgGraph

/// How far a plan has been carried out, from the plan and the journal alone.
public struct StatusReport: Sendable {
  public enum Category: String, Sendable, CaseIterable {
    case done, running, due, waiting, person, failed, skipped
  }

  /// One row: a phase (a step action) or a closure window, and its counts.
  public struct Row: Sendable {
    public var name: String
    public var counts: [Category: Int]
  }

  public struct Entry: Sendable {
    public var step: ExecutablePlan.Step
    public var category: Category
    /// Why it waits, fails or needs a person; until when it waits.
    public var detail: String
    public var until: Timestamp?
    public var started: Timestamp?
    public var finished: Timestamp?
  }

  public var entries: [Entry] = []
  public var phases: [Row] = []
  public var windows: [Row] = []
  public var next: Timestamp?
  public var closuresLeft: Int
  public var now: Timestamp

  public init(plan: ExecutablePlan, journal: JournalState, now: Timestamp) {
    self.now = now
    let schedule = Schedule(plan: plan, journal: journal)
    let pending = OpenClosures(plan: plan, journal: journal).accounts.count
    closuresLeft = schedule.closuresLeft(at: now)
    let gate = schedule.closureGate(at: now)
    var phaseOrder: [String] = []
    var phaseCounts: [String: [Category: Int]] = [:]
    var windowCounts: [Int: [Category: Int]] = [:]
    let stopped = Self.stoppedSteps(journal)

    for step in plan.steps {
      let (category, detail, until) = Self.classify(
        schedule.decide(
          step, now: now, pendingClosures: pending, triedThisRun: stopped, gate: gate))
      if let until, next.map({ until < $0 }) ?? true { next = until }
      entries.append(
        Entry(
          step: step, category: category, detail: detail, until: until,
          started: journal.firstActivity[step.id], finished: journal.completion[step.id]))
      let phase = step.action.name.rawValue
      if phaseCounts[phase] == nil { phaseOrder.append(phase) }
      phaseCounts[phase, default: [:]][category, default: 0] += 1
      if let window = step.window { windowCounts[window, default: [:]][category, default: 0] += 1 }
    }
    phases = phaseOrder.map { Row(name: $0, counts: phaseCounts[$0] ?? [:]) }
    windows = windowCounts.keys.sorted().map {
      Row(name: "window \($0)", counts: windowCounts[$0] ?? [:])
    }
  }

  /// The steps a person must look at: skipped, or failed in a way `apply` does not retry by
  /// itself, by the same table `apply` reads (AWSAnswer.meaning).
  public static func stoppedSteps(_ journal: JournalState) -> Set<StepID> {
    Set(
      journal.statuses.compactMap { id, status -> StepID? in
        switch status {
        case .skipped: return id
        case .failed(_, let failure):
          // Settled without an answer (`unconfirmed`): apply re-reads and may send it again.
          guard let error = failure.error else { return nil }
          guard let request = failure.request else { return id }
          return AWSAnswer.meaning(of: error, for: request).isRetriedByApply ? nil : id
        default: return nil
        }
      })
  }

  private static func classify(_ decision: Schedule.Decision) -> (Category, String, Timestamp?) {
    switch decision {
    case .done: return (.done, "", nil)
    case .reconcile: return (.running, "sent; its outcome is read by the next apply", nil)
    case .due: return (.due, "due now", nil)
    case .poll: return (.running, "polled by apply", nil)
    case .waitingUntil(let time, let reason): return (.waiting, reason, time)
    case .waitingForClosures: return (.waiting, "3 closures in progress (rule B12)", nil)
    case .waitingForPrerequisites(let missing):
      return (.waiting, "after " + missing.prefix(3).map(\.rawValue).joined(separator: ", "), nil)
    case .person(let why): return (.person, why, nil)
    case .blocked(let why): return (.person, why, nil)
    case .failed(let why): return (.failed, why, nil)
    case .skipped(let why): return (.skipped, why, nil)
    }
  }

  public var needsPerson: [Entry] { entries.filter { $0.category == .person } }

  /// The steps that wait for a date, the soonest first (in plan order among equals).
  public var datedWaits: [Entry] {
    entries.enumerated().compactMap { offset, entry in
      entry.category == .waiting ? entry.until.map { (offset, $0, entry) } : nil
    }
    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    .map(\.2)
  }
}

/// The plan's closures that the journal shows in progress: each holds one of the 3 slots
/// (rule B12), even while a lagging read still shows its account ACTIVE (rule X3).
public struct OpenClosures: Sendable {
  public var accounts: Set<AccountID> = []

  public init(plan: ExecutablePlan, journal: JournalState) {
    var awaitDone: [AccountID: Bool] = [:]
    for step in plan.steps where step.work == .awaitClosed {
      if let account = step.account { awaitDone[account] = journal.isDone(step.id) }
    }
    for step in plan.steps where step.isClosure {
      guard let account = step.account else { continue }
      switch journal.status(step.id) {
      case .inFlight:
        accounts.insert(account)
      case .succeeded:
        if awaitDone[account] == false { accounts.insert(account) }
      default:
        break
      }
    }
  }
}
