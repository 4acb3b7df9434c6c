public import ClosurePlanner
public import OrgGraph

/// One run of `apply`: what is due is done, paced at AWS's limits, until nothing more is due
/// before the deadline; then the run ends and says why.
///
/// The engine owns no I/O: it reads and changes the organization through `LiveOrganization`,
/// keeps time through `ExecutionClock` and records every event through `Journal`, so tests
/// and rehearsals run it in-process against `FakeOrganization` on a virtual clock.
public final class ApplyEngine {
  public struct Settings: Sendable {
    /// How long the run may start work (`--max-duration`).
    public var maxDurationSeconds: Int64
    /// Seconds between two reads of a closing account (rule X3).
    public var pollSeconds: Int64
    public var protection: Protection
    /// Backoff before re-sending a throttled change, after its state was read again (X2).
    public var backoffSeconds: [Int64]

    public init(
      maxDurationSeconds: Int64, pollSeconds: Int64 = 30, protection: Protection = Protection(),
      backoffSeconds: [Int64] = [2, 8, 30]
    ) {
      self.maxDurationSeconds = maxDurationSeconds
      self.pollSeconds = pollSeconds
      self.protection = protection
      self.backoffSeconds = backoffSeconds
    }
  }

  /// Why a run ended.
  public enum Ending: Hashable, Sendable {
    /// Nothing more becomes due before the deadline.
    case nothingMoreDue
    /// `--max-duration` was reached.
    case deadline
  }

  /// What a run did and why it ended.
  public struct Summary: Sendable {
    public var calls = 0
    public var ending = Ending.nothingMoreDue
    /// Reads AWS refused, by step: a person must grant the permission.
    public var deniedReads: [StepID: String] = [:]
    /// Reads AWS kept failing, by step: a later run tries again.
    public var failingReads: [StepID: String] = [:]
    /// Changes AWS kept throttling past the backoff, by step.
    public var throttled: [StepID: String] = [:]
    /// The earliest date, quota window or spacing a step waits for, polls aside: before
    /// then, and before the organization changes, no run can do more than this one did.
    public var nextDate: Timestamp?
  }

  let plan: ExecutablePlan
  let journal: any Journal
  let organization: any LiveOrganization
  let clock: any ExecutionClock
  let settings: Settings
  let deadline: Timestamp

  /// The plan's closures the journal shows in progress, followed as the run goes on.
  var ownClosures: Set<AccountID>
  /// Closures read in progress at the start that the journal does not explain (rule B12).
  var otherClosures: Set<AccountID>
  var quotaStopped = false
  /// A `CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED` was met: no closure until a read frees one.
  var closuresFull = false
  /// Steps that failed, were skipped or could not be read in this run: not tried again in it.
  var tried = Set<StepID>()
  var lastPoll: [StepID: Timestamp] = [:]
  var summary = Summary()

  /// The prerequisites of each step (by position) that are not done yet.
  private var remainingPrerequisites: [Int]
  /// The steps whose prerequisites are done and that are not done themselves, by date and
  /// then plan order: all a pass looks at.
  private(set) var ready: [Int] = []
  /// Each step's earliest instant and whether it is a closure, by position: what a pass
  /// checks of every ready step before it looks closer.
  private let earliestStart: [Timestamp?]
  private let isClosure: [Bool]

  public init(
    plan: ExecutablePlan, journal: any Journal, organization: any LiveOrganization,
    clock: any ExecutionClock, settings: Settings, pendingClosures: Set<AccountID> = []
  ) {
    self.plan = plan
    self.journal = journal
    self.organization = organization
    self.clock = clock
    self.settings = settings
    deadline = clock.now().adding(seconds: settings.maxDurationSeconds)
    let state = journal.state
    ownClosures = OpenClosures(plan: plan, journal: state).accounts
    otherClosures = pendingClosures.subtracting(ownClosures)
    earliestStart = plan.steps.map { $0.notBefore.map(Timestamp.init(startOf:)) }
    isClosure = plan.steps.map(\.isClosure)
    let done = plan.steps.map { state.isDone($0.id) }
    remainingPrerequisites = plan.prerequisites.map { before in
      before.reduce(0) { $0 + (done[$1] ? 0 : 1) }
    }
    for position in plan.steps.indices
    where remainingPrerequisites[position] == 0 && !done[position] {
      ready.append(position)
    }
    ready.sort { orderKey($0) < orderKey($1) }
  }

  /// Due steps run by date, then in the plan's order (wave, then ID).
  private func orderKey(_ position: Int) -> (Int, Int) {
    (plan.steps[position].notBefore?.daysSince1970 ?? Int.min, position)
  }

  /// Runs until nothing more is due before the deadline.
  public func run() throws -> Summary {
    while clock.now() < deadline {
      summary.nextDate = nil
      var progressed = false
      var wake: Timestamp?
      var waitsOnClosures = false
      /// Set once a closure waits for a limit every closure shares (B11-B13, X2).
      var closuresHeld = false
      var gate = schedule.closureGate(at: clock.now())
      for position in ready {
        let now = clock.now()
        guard now < deadline else { break }
        // A limit every closure shares holds the closures still to send, not those already
        // sent whose outcome must be read (they hold the slots).
        if closuresHeld && isClosure[position],
          case .notStarted = journal.state.status(plan.steps[position].id)
        {
          continue
        }
        if let start = earliestStart[position], now < start {
          // Ready steps are in date order: every later one waits too.
          wake = earliest(wake, start)
          summary.nextDate = earliest(summary.nextDate, start)
          break
        }
        let step = plan.steps[position]
        if tried.contains(step.id) { continue }
        switch decide(step, gate: gate) {
        case .reconcile:
          if pollIsDue(step, now) { progressed = try reconcile(step) || progressed }
          wake = earliest(wake, nextPoll(step))
        case .due:
          // A change whose effect a read already showed waits one poll interval for a read
          // that agrees (rule X6).
          if lastPoll[step.id] != nil, !pollIsDue(step, now) {
            wake = earliest(wake, nextPoll(step))
            continue
          }
          try execute(step)
          progressed = true
          gate = schedule.closureGate(at: clock.now())
        case .poll:
          if pollIsDue(step, now) { progressed = try poll(step) || progressed }
          wake = earliest(wake, nextPoll(step))
        case .waitingUntil(let time, _):
          if step.isClosure { closuresHeld = true }
          wake = earliest(wake, time)
          summary.nextDate = earliest(summary.nextDate, time)
        case .waitingForClosures:
          closuresHeld = true
          waitsOnClosures = true
        default:
          break
        }
      }
      if progressed { continue }
      if waitsOnClosures {
        wake = earliest(wake, clock.now().adding(seconds: settings.pollSeconds))
      }
      guard let wake, wake < deadline else {
        summary.ending = wake == nil ? .nothingMoreDue : .deadline
        return summary
      }
      clock.sleep(until: wake)
      if waitsOnClosures { try refreshPendingClosures() }
    }
    summary.ending = .deadline
    return summary
  }

  /// The schedule over the journal's state now.
  var schedule: Schedule { Schedule(plan: plan, journal: journal.state) }

  func decide(_ step: ExecutablePlan.Step, gate: Schedule.ClosureGate? = nil) -> Schedule.Decision {
    schedule.decide(
      step, now: clock.now(),
      pendingClosures: closuresFull
        ? plan.quota.concurrent : ownClosures.count + otherClosures.count,
      quotaStopped: quotaStopped, triedThisRun: tried, gate: gate)
  }

  /// Seconds between two reads for `step`: the poll interval for what changes in minutes (a
  /// closure, an unsettled call); an hour for what takes days (the members' 90 days, a
  /// transfer's end), which a later run reads again.
  private func pollInterval(_ step: ExecutablePlan.Step) -> Int64 {
    switch step.work {
    case .awaitMembersGone, .awaitDate: max(settings.pollSeconds, 3600)
    default: settings.pollSeconds
    }
  }

  private func pollIsDue(_ step: ExecutablePlan.Step, _ now: Timestamp) -> Bool {
    guard let last = lastPoll[step.id] else { return true }
    return now.seconds(since: last) >= pollInterval(step)
  }

  private func nextPoll(_ step: ExecutablePlan.Step) -> Timestamp? {
    lastPoll[step.id].map { $0.adding(seconds: pollInterval(step)) }
  }

  private func earliest(_ a: Timestamp?, _ b: Timestamp?) -> Timestamp? {
    guard let a else { return b }
    guard let b else { return a }
    return min(a, b)
  }

  /// Appends `record`, durably.
  ///
  /// A journal that cannot be written stops the run at once. A step it finishes makes the steps
  /// that waited only for it ready.
  func record(_ event: JournalEvent) throws {
    let wasDone = event.finishedStep.map { journal.state.isDone($0) } ?? true
    try journal.append(JournalRecord(event, at: clock.now()))
    guard !wasDone, let step = event.finishedStep, let position = plan.position[step] else {
      return
    }
    let index = readyIndex(orderKey(position))
    if index < ready.count, ready[index] == position { ready.remove(at: index) }
    for dependent in plan.dependents[position] {
      remainingPrerequisites[dependent] -= 1
      if remainingPrerequisites[dependent] == 0, !journal.state.isDone(plan.steps[dependent].id) {
        ready.insert(dependent, at: readyIndex(orderKey(dependent)))
      }
    }
  }

  /// Where a step with `key` is, or goes, in `ready`.
  private func readyIndex(_ key: (Int, Int)) -> Int {
    var low = 0
    var high = ready.count
    while low < high {
      let middle = (low + high) / 2
      if orderKey(ready[middle]) < key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Runs a read for `step`; a read AWS refuses or keeps failing holds that step (and only
  /// it) for the rest of the run.
  func read<Value>(for step: StepID, _ body: () throws -> Value) throws -> Value? {
    do {
      return try body()
    } catch let error as LiveReadError {
      tried.insert(step)
      switch error {
      case .denied(let text): summary.deniedReads[step] = text
      case .failing(let text): summary.failingReads[step] = text
      }
      return nil
    }
  }

  /// Reads the state of every closure in progress (rule B12, read live).
  ///
  /// One that reads closed or gone frees its slot. One of the run's own that still reads ACTIVE
  /// keeps it: the read lags (rule X3).
  func refreshPendingClosures() throws {
    closuresFull = false
    for account in ownClosures.union(otherClosures).sorted() {
      let state: AccountState?
      do {
        state = try organization.accountState(account)
      } catch is LiveReadError {
        continue
      }
      if state == .pendingClosure || (state == .active && ownClosures.contains(account)) {
        continue
      }
      closureEnded(account)
    }
  }

  /// A closure of the plan's is in progress (or may be: its answer was lost).
  func closureStarted(_ account: AccountID) {
    ownClosures.insert(account)
    otherClosures.remove(account)
  }

  /// A closure is over, or was never made.
  func closureEnded(_ account: AccountID) {
    ownClosures.remove(account)
    otherClosures.remove(account)
  }
}

extension JournalEvent {
  /// The step this event finishes, if it finishes one.
  var finishedStep: StepID? {
    switch self {
    case .succeeded(let step, _), .manualDone(let step, _): step
    default: nil
    }
  }
}

/// Used from one thread at a time: a run owns it.
@available(*, unavailable)
extension ApplyEngine: Sendable {}
