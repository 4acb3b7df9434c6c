public import ClosurePlanner
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
    case waitingForPrerequisites([StepID])
    /// Not before this instant: its date, the quota window moving, or the 20 s spacing.
    case waitingUntil(Timestamp, reason: String)
    /// Three closures are in progress (rule B12).
    case waitingForClosures
    /// A person must act: a manual step, or a call apply does not make.
    case person(String)
    /// The plan marks it with a blocking finding (rule X7).
    case blocked(String)
    case failed(String)
    case skipped(String)

    /// Whether a person must act for the run to go on.
    public var needsPerson: Bool {
      switch self {
      case .person, .blocked, .failed, .skipped: true
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

  /// The closure limits at one instant: how many closures count, and when a slot frees.
  public struct ClosureGate: Sendable {
    public var counted: Int
    public var frees: Timestamp?
  }

  /// The gate at `now`, computed once for many decisions.
  public func closureGate(at now: Timestamp) -> ClosureGate {
    ClosureGate(counted: closuresCounted(at: now), frees: quotaFrees(at: now))
  }

  /// The decision for `step` at `now`.
  ///
  /// - Parameters:
  ///   - step: The step.
  ///   - now: The clock.
  ///   - pendingClosures: Closures in progress, read live or known from the journal (B12).
  ///   - quotaStopped: Set once AWS said `CLOSE_ACCOUNT_QUOTA_EXCEEDED` in this run (rule X2).
  ///   - triedThisRun: Steps that failed or were skipped in this run; not tried again in it.
  ///   - gate: The closure limits at `now`, when the caller computed them already.
  /// - Returns: Whether it is due, and if not why.
  public func decide(
    _ step: ExecutablePlan.Step, now: Timestamp, pendingClosures: Int,
    quotaStopped: Bool = false, triedThisRun: Set<StepID> = [], gate: ClosureGate? = nil
  ) -> Decision {
    switch journal.status(step.id) {
    case .succeeded, .manualDone: return .done
    case .inFlight: return .reconcile
    case .failed(_, let failure) where triedThisRun.contains(step.id):
      return .failed(failure.explanation)
    case .failed(let at, let failure):
      if let error = failure.error, let request = failure.request,
        AWSAnswer.meaning(of: error, for: request) == .waitPeriodActive
      {
        // Rule X8: the 4-day wait after joining is a date, not a failure.
        let retry = at.adding(seconds: 86_400)
        if now < retry {
          return .waitingUntil(retry, reason: "WAIT_PERIOD_ACTIVE: 4 days after joining (rule X8)")
        }
      }
    case .skipped(_, let reason) where triedThisRun.contains(step.id):
      return .skipped(reason)
    default: break
    }
    let missing = step.after.filter { !journal.isDone($0) }
    if !missing.isEmpty { return .waitingForPrerequisites(missing) }
    if let finding = step.blockedBy {
      return .blocked(
        "the plan marks it \(finding) (blocking): apply does not carry it out until a new plan "
          + "no longer blocks it (rule X7)")
    }
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
      let gate = gate ?? closureGate(at: now)
      if quotaStopped {
        return .waitingUntil(
          gate.frees ?? now.adding(seconds: 86_400),
          reason: "AWS refused: CLOSE_ACCOUNT_QUOTA_EXCEEDED (rule X2)")
      }
      if gate.counted >= plan.quota.perWindow, let frees = gate.frees {
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
    ownClosures(at: now).count + baseline(at: now)
  }

  /// Closures left in the rolling window at `now`.
  public func closuresLeft(at now: Timestamp) -> Int {
    max(0, plan.quota.perWindow - closuresCounted(at: now))
  }

  /// The journal's closures in the rolling window ending at `now`, as indices into
  /// `journal.closureTimes`.
  private func ownClosures(at now: Timestamp) -> Range<Int> {
    journal.closures(after: now.adding(seconds: -windowSeconds), upTo: now)
  }

  private var windowSeconds: Int64 { Int64(plan.quota.windowDays) * 86_400 }

  private var baselineEnds: Timestamp {
    Timestamp(startOf: plan.startDate.adding(days: plan.quota.windowDays))
  }

  /// The closures made before the plan's start that still count at `now`.
  private func baseline(at now: Timestamp) -> Int {
    now < baselineEnds ? plan.quota.closuresBeforeStart : 0
  }

  /// When the next closure's slot opens: the oldest counted closure leaving the window, or
  /// the baseline expiring; `nil` when nothing is counted.
  public func quotaFrees(at now: Timestamp) -> Timestamp? {
    let own = ownClosures(at: now)
    let baseline = baseline(at: now)
    guard !own.isEmpty || baseline > 0 else { return nil }
    // Enough slots free once as many counted closures have left as exceed the quota: the
    // k-th instant, in order, at which a counted closure leaves the window.
    let k = min(max(own.count + baseline - plan.quota.perWindow, 0), own.count + baseline - 1)
    let times = journal.closureTimes
    let window = windowSeconds
    // Own closures that leave before the baseline does come first.
    var beforeBaseline = own.lowerBound
    while beforeBaseline < own.upperBound,
      times[beforeBaseline].adding(seconds: window) < baselineEnds, baseline > 0
    {
      beforeBaseline += 1
    }
    let early = beforeBaseline - own.lowerBound
    if k < early { return times[own.lowerBound + k].adding(seconds: window) }
    if k < early + baseline { return baselineEnds }
    return times[own.lowerBound + k - baseline].adding(seconds: window)
  }
}
