public import OrgGraph

/// Decides, for each step, whether it is due now and, if not, why and until when.
///
/// Pure: the plan, the journal's state, what was read live and the clock go in; nothing is
/// remembered between calls, so every run recomputes what is due (rule X4).
public struct Schedule: Sendable {
  /// Why a step is not carried out now, or that it is.
  public enum Decision: Hashable, Sendable {
    case done
    /// An earlier call has no outcome: read the state before anything else.
    case reconcile
    /// Carry it out now.
    case due
    /// Poll it now (a wait whose date has come).
    case poll
    case waitingForPrerequisites([String])
    /// Not before this instant: its date, the quota window moving, or the 20 s spacing.
    case waitingUntil(Timestamp, reason: String)
    /// Three closures are in progress (rule B12).
    case waitingForClosures
    /// A person must act: a manual step, or a call apply does not make.
    case person(String)
    case failed(String)
    case skipped(String)

    /// Whether a person must act for the run to go on.
    public var needsPerson: Bool {
      switch self {
      case .person, .failed, .skipped: true
      default: false
      }
    }
  }

  /// The 20 s between two `CloseAccount` calls (rule B13).
  public static let closeSpacingSeconds: Int64 = 20

  public var plan: ExecutablePlan
  public var journal: JournalState

  public init(plan: ExecutablePlan, journal: JournalState) {
    self.plan = plan
    self.journal = journal
  }

  /// The decision for `step` at `now`.
  ///
  /// - Parameters:
  ///   - step: The step.
  ///   - now: The clock.
  ///   - pendingClosures: Members that read `PENDING_CLOSURE` live (rule B12).
  ///   - quotaStopped: Set once AWS said `CLOSE_ACCOUNT_QUOTA_EXCEEDED` in this run (rule X2).
  ///   - triedThisRun: Steps that failed or were skipped in this run; not tried again in it.
  /// - Returns: Whether it is due, and if not why.
  public func decide(
    _ step: ExecutablePlan.Step, now: Timestamp, pendingClosures: Int,
    quotaStopped: Bool = false, triedThisRun: Set<String> = []
  ) -> Decision {
    switch journal.status(step.id) {
    case .succeeded, .manualDone: return .done
    case .inFlight: return .reconcile
    case .failed(_, let code, let reason, let message) where triedThisRun.contains(step.id):
      return .failed([code, reason, message].compactMap { $0 }.joined(separator: ": "))
    case .skipped(_, let message) where triedThisRun.contains(step.id):
      return .skipped(message)
    default: break
    }
    let missing = step.after.filter { !journal.isDone($0) }
    if !missing.isEmpty { return .waitingForPrerequisites(missing) }
    if let day = step.notBefore, now < Timestamp(startOf: day) {
      return .waitingUntil(Timestamp(startOf: day), reason: "not before \(day)")
    }
    switch step.work {
    case .manual:
      return .person("manual step: a person does it, then records it with orgclose done")
    case .needsRoot:
      return .person(
        "needs temporary root credentials (sts:AssumeRoot), which apply does not use: a person "
          + "runs it, then records it with orgclose done")
    case .notAutomated:
      return .person("apply does not make this call: a person runs it, then orgclose done")
    case .awaitClosed, .awaitMembersGone, .awaitDate:
      return .poll
    case .call:
      guard step.isClosure else { return .due }
      if quotaStopped {
        return .waitingUntil(
          quotaFrees(at: now) ?? now.adding(seconds: 86_400),
          reason: "AWS refused: CLOSE_ACCOUNT_QUOTA_EXCEEDED (rule X2)")
      }
      if closuresCounted(at: now) >= plan.quota.perWindow, let frees = quotaFrees(at: now) {
        return .waitingUntil(frees, reason: "the 30-day closure quota is used up (rule B11)")
      }
      if pendingClosures >= plan.quota.concurrent { return .waitingForClosures }
      if let last = journal.lastCloseCall {
        let next = last.adding(seconds: Self.closeSpacingSeconds)
        if now < next { return .waitingUntil(next, reason: "20 s between closures (rule B13)") }
      }
      return .due
    }
  }

  /// Closures that count against the rolling window ending at `now`: the journal's, plus the
  /// plan's baseline (made before the plan's start) until 30 days after the start.
  public func closuresCounted(at now: Timestamp) -> Int {
    let windowStart = now.adding(seconds: -Int64(plan.quota.windowDays) * 86_400)
    let own = journal.closureTimes.filter { $0 > windowStart && $0 <= now }.count
    let baselineEnds = Timestamp(startOf: plan.startDate.adding(days: plan.quota.windowDays))
    return own + (now < baselineEnds ? plan.quota.closuresBeforeStart : 0)
  }

  /// Closures left in the rolling window at `now`.
  public func closuresLeft(at now: Timestamp) -> Int {
    max(0, plan.quota.perWindow - closuresCounted(at: now))
  }

  /// When the next closure's slot opens: the oldest counted closure leaving the window, or
  /// the baseline expiring; `nil` when nothing is counted.
  public func quotaFrees(at now: Timestamp) -> Timestamp? {
    let window = Int64(plan.quota.windowDays) * 86_400
    let windowStart = now.adding(seconds: -window)
    let own = journal.closureTimes.filter { $0 > windowStart && $0 <= now }
    let baselineEnds = Timestamp(startOf: plan.startDate.adding(days: plan.quota.windowDays))
    var candidates = own.map { $0.adding(seconds: window) }
    if now < baselineEnds && plan.quota.closuresBeforeStart > 0 { candidates.append(baselineEnds) }
    guard !candidates.isEmpty else { return nil }
    // Enough slots free once as many counted closures have left as exceed the quota.
    let excess = closuresCounted(at: now) - plan.quota.perWindow
    candidates.sort()
    return candidates[min(max(excess, 0), candidates.count - 1)]
  }
}
