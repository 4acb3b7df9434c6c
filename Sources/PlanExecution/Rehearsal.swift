public import ClosurePlanner
public import OrgGraph

/// A whole shutdown run against a `FakeOrganization` on its virtual clock, the way a
/// scheduler runs `apply`: a run every `everySeconds`, each at most `maxDurationSeconds`, a
/// person recording each of their steps at the first run after it becomes due.
///
/// Runs in which nothing can be due are skipped (the clock jumps to the first run at or
/// after the next date anything becomes due), which changes nothing in what happens.
public final class Rehearsal {
  public struct Schedule: Sendable {
    /// Seconds between two scheduled runs (the workflow's cron).
    public var everySeconds: Int64
    public var maxDurationSeconds: Int64
    public var pollSeconds: Int64

    public init(
      everySeconds: Int64 = 3600, maxDurationSeconds: Int64 = 3300, pollSeconds: Int64 = 30
    ) {
      self.everySeconds = everySeconds
      self.maxDurationSeconds = maxDurationSeconds
      self.pollSeconds = pollSeconds
    }
  }

  /// Something worth showing on the timeline.
  public struct Event: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
      case personStep = "person"
      case crash
      case refusal
      case retry
      case stuck
    }

    public var time: Timestamp
    public var kind: Kind
    public var text: String
  }

  public struct Result: Sendable {
    public var runs = 0
    public var crashes = 0
    public var events: [Event] = []
    /// Whether every step of the plan was done.
    public var finished = false
    public var ended: Timestamp
    /// When each step was done, by step.
    public var completions: [StepID: Timestamp] = [:]
  }

  public let plan: ExecutablePlan
  public let organization: FakeOrganization
  public let journal: any Journal
  public let schedule: Schedule
  public let protection: Protection
  /// The person who records manual steps; `nil` leaves them undone.
  public var person: String? = "rehearsal"

  public init(
    plan: ExecutablePlan, organization: FakeOrganization, journal: any Journal,
    schedule: Schedule = Schedule(), protection: Protection = Protection()
  ) {
    self.plan = plan
    self.organization = organization
    self.journal = journal
    self.schedule = schedule
    self.protection = protection
  }

  /// Runs until every step is done, nothing more can happen, or `limit`.
  public func run(until limit: Timestamp) throws -> Result {
    let clock = organization.clock
    var result = Result(ended: clock.now())
    /// Runs in a row that finished no step.
    var idleRuns = 0
    var seenCalls = organization.calls.count
    while clock.now() < limit {
      let runStart = clock.now()
      result.runs += 1
      let recordsBefore = journal.state.recordCount
      let doneBefore = journal.state.completion.count
      var summary: ApplyEngine.Summary?
      do {
        try recordPersonSteps(&result)
        let engine = ApplyEngine(
          plan: plan, journal: journal, organization: organization, clock: clock,
          settings: .init(
            maxDurationSeconds: schedule.maxDurationSeconds, pollSeconds: schedule.pollSeconds,
            protection: protection),
          pendingClosures: organization.membersClosing)
        summary = try engine.run()
      } catch is SimulatedCrash {
        result.crashes += 1
        result.events.append(Event(time: clock.now(), kind: .crash, text: "apply was killed"))
      }
      for call in organization.calls[seenCalls...] where call.result != "ok" {
        // Throttling and unknown outcomes are settled by apply itself; other refusals are AWS
        // saying no (the quota, 3 in flight, a 4-day wait).
        let retried = ["TooManyRequests", "timeout", "ServiceException", "ok, answer lost"]
          .contains { call.result.hasPrefix($0) }
        result.events.append(
          Event(
            time: call.time, kind: retried ? .retry : .refusal,
            text: "\(call.operation.rawValue) \(call.subject): \(call.result)"))
      }
      seenCalls = organization.calls.count
      if plan.steps.allSatisfy({ journal.state.isDone($0.id) }) {
        result.finished = true
        break
      }
      idleRuns = journal.state.completion.count > doneBefore ? 0 : idleRuns + 1
      var next = runStart.adding(seconds: schedule.everySeconds)
      while next <= clock.now() { next = next.adding(seconds: schedule.everySeconds) }
      if let summary, journal.state.recordCount == recordsBefore {
        // A run that wrote nothing: the runs before the next date, or before the
        // organization changes by itself, would write nothing either.
        let change = [summary.nextDate, organization.nextChange(after: clock.now())]
          .compactMap { $0 }.min()
        guard let change else {
          result.events.append(Event(time: clock.now(), kind: .stuck, text: stuckReason()))
          break
        }
        if change > next {
          let periods =
            (change.seconds(since: next) + schedule.everySeconds - 1)
            / schedule.everySeconds
          next = next.adding(seconds: periods * schedule.everySeconds)
        }
      }
      // Two weeks of hourly runs that finish no step: failures a person must look at.
      if idleRuns > 14 * 24 {
        result.events.append(Event(time: clock.now(), kind: .stuck, text: stuckReason()))
        break
      }
      clock.sleep(until: next)
    }
    result.ended = clock.now()
    for step in plan.steps {
      if let time = journal.state.completion[step.id] { result.completions[step.id] = time }
    }
    return result
  }

  /// What holds the steps left: blocking findings, or a wait that never ends.
  private func stuckReason() -> String {
    let left = plan.steps.filter { !journal.state.isDone($0.id) }
    let blocked = left.filter { $0.blockedBy != nil }
    if !blocked.isEmpty {
      return
        "nothing more can happen: \(blocked.count) steps are held by blocking findings (rule X7), "
        + "for example " + blocked.prefix(3).map { plan.named($0.id) }.joined(separator: ", ")
    }
    return "nothing more can happen: \(left.count) steps are left, for example "
      + left.prefix(3).map { plan.named($0.id) }.joined(separator: ", ")
  }

  /// A person's steps whose prerequisites are done and whose date has come, recorded as
  /// `orgclose done` would.
  private func recordPersonSteps(_ result: inout Result) throws {
    guard let person else { return }
    let now = organization.clock.now()
    for step in plan.steps where step.work.isPersonStep && !journal.state.isDone(step.id) {
      guard step.after.allSatisfy({ journal.state.isDone($0) }), step.blockedBy == nil,
        step.notBefore.map({ Timestamp(startOf: $0) <= now }) ?? true
      else { continue }
      if case .closeAccountAsRoot(let account) = step.action { organization.personClosed(account) }
      try journal.append(
        JournalRecord(.manualDone(step.id, .init(by: person, note: "rehearsed")), at: now))
      result.events.append(Event(time: now, kind: .personStep, text: plan.named(step.id)))
    }
  }
}

/// A journal that can crash before and after each record is written, for the crash-at-
/// every-point proofs and for rehearsals with faults.
public final class CrashingJournal: Journal {
  public let base: any Journal
  /// Called before and after each record; throws to crash.
  public var crashPoint: (() throws -> Void)?

  public init(_ base: any Journal) { self.base = base }

  public var state: JournalState { base.state }

  public func append(_ record: JournalRecord) throws {
    try crashPoint?()
    try base.append(record)
    try crashPoint?()
  }
}

/// Counts crash points and crashes at the chosen ones.
public final class CrashSwitch {
  public private(set) var points = 0
  /// The points to crash at (0 is the first).
  public var crashAt: Set<Int>

  public init(crashAt: Set<Int> = []) { self.crashAt = crashAt }

  public func point() throws {
    defer { points += 1 }
    if crashAt.contains(points) { throw SimulatedCrash() }
  }
}

/// Used from one thread at a time: a run owns it.
@available(*, unavailable)
extension Rehearsal: Sendable {}

/// Used from one thread at a time: a run owns it.
@available(*, unavailable)
extension CrashingJournal: Sendable {}

/// Used from one thread at a time: a run owns it.
@available(*, unavailable)
extension CrashSwitch: Sendable {}
