import ClosurePlanner
import OrgGraph
import PlanExecution
import Testing

/// A plan of `closures` close steps after one manual step, quota `quota`, from 2026-12-01.
func closurePlan(closures: Int, quota: Int = 250, baseline: Int = 0) -> ExecutablePlan {
  let start = CalendarDay(year: 2026, month: 12, day: 1) ?? CalendarDay(daysSince1970: 0)
  var steps = [
    ExecutablePlan.Step(id: billing, action: .exportBillingHistory, work: .manual)
  ]
  var accounts = [ExecutablePlan.Account(id: AccountID(unchecked: "111111111111"))]
  for index in 0..<closures {
    let id = AccountID(unchecked: "2222222222\(index < 10 ? "0" : "")\(index)")
    steps.append(
      .init(
        id: closeStep(id.rawValue), action: .closeAccount(id),
        work: .call(closeRequest(id.rawValue)), account: id, after: [billing], notBefore: start))
    accounts.append(.init(id: id, path: "Root/Prod"))
  }
  return ExecutablePlan(
    organizationID: OrganizationID(unchecked: "o-abcdefghij"),
    managementAccountID: AccountID(unchecked: "111111111111"), startDate: start,
    quota: .init(perWindow: quota, closuresBeforeStart: baseline), steps: steps, accounts: accounts)
}

let start = Timestamp(iso8601: "2026-12-01T10:00:00Z") ?? Timestamp(millisecondsSince1970: 0)

/// The manual step every `closurePlan` closure comes after.
let billing = StepID(unchecked: "export-billing-history")

/// The ID of the step that closes `account`.
func closeStep(_ account: String) -> StepID { StepID(unchecked: "close-account:\(account)") }

/// The `CloseAccount` request for `account`.
func closeRequest(_ account: String) -> APIRequest {
  APIRequest(.organizations, .closeAccount, [.init("AccountId", account)])
}

func done(_ step: StepID, at time: Timestamp = start) -> JournalRecord {
  JournalRecord(.manualDone(step, .init(by: "alice")), at: time)
}

func closed(_ account: String, at time: Timestamp) -> [JournalRecord] {
  let request = closeRequest(account)
  return [
    JournalRecord(.started(closeStep(account), request), at: time),
    JournalRecord(
      .succeeded(closeStep(account), .init("close-requested", request: request)), at: time),
  ]
}

@Suite struct ScheduleTests {
  @Test func aManualStepWaitsOnAPersonAndHoldsBackWhatFollows() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState())
    #expect(schedule.decide(plan.steps[0], now: start, pendingClosures: 0).needsPerson)
    #expect(
      schedule.decide(plan.steps[1], now: start, pendingClosures: 0)
        == .waitingForPrerequisites([billing]))
  }

  @Test func aClosureIsDueOnceItsPrerequisitesAreDone() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState([done(billing)]))
    #expect(schedule.decide(plan.steps[1], now: start, pendingClosures: 0) == .due)
  }

  @Test func notBeforeIsRespected() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState([done(billing)]))
    let early = Timestamp(iso8601: "2026-11-30T23:00:00Z") ?? start
    guard
      case .waitingUntil(let time, _) = schedule.decide(
        plan.steps[1], now: early, pendingClosures: 0)
    else {
      Issue.record("not waiting")
      return
    }
    #expect(time == Timestamp(iso8601: "2026-12-01T00:00:00Z"))
  }

  // rule B12
  @Test func threeClosuresInProgressHoldTheFourth() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState([done(billing)]))
    #expect(schedule.decide(plan.steps[1], now: start, pendingClosures: 3) == .waitingForClosures)
    #expect(schedule.decide(plan.steps[1], now: start, pendingClosures: 2) == .due)
  }

  // rule B13
  @Test func closuresAre20SecondsApart() {
    let plan = closurePlan(closures: 2)
    let records = [done(billing)] + closed("222222222200", at: start)
    let schedule = Schedule(plan: plan, journal: JournalState(records))
    #expect(
      schedule.decide(plan.steps[2], now: start.adding(seconds: 19), pendingClosures: 1)
        == .waitingUntil(start.adding(seconds: 20), reason: "20 s between closures (rule B13)"))
    #expect(
      schedule.decide(plan.steps[2], now: start.adding(seconds: 20), pendingClosures: 1) == .due)
  }

  // rule B11: the journal's closures plus the plan's baseline count against the window.
  @Test func theRollingQuotaCountsTheBaselineAndTheJournal() {
    let plan = closurePlan(closures: 3, quota: 2, baseline: 1)
    let records = [done(billing)] + closed("222222222200", at: start)
    let schedule = Schedule(plan: plan, journal: JournalState(records))
    let later = start.adding(seconds: 60)
    #expect(schedule.closuresCounted(at: later) == 2)
    guard
      case .waitingUntil(let frees, _) = schedule.decide(
        plan.steps[2], now: later, pendingClosures: 0)
    else {
      Issue.record("not waiting for the quota")
      return
    }
    // The baseline leaves 30 days after the start, before the journal's closure does.
    #expect(frees == Timestamp(iso8601: "2026-12-31T00:00:00Z"))
    #expect(schedule.decide(plan.steps[2], now: frees, pendingClosures: 0) == .due)
  }

  // rule B11: the baseline's closures all leave the window at once, 30 days after the start.
  // Over the quota by one (a baseline of 2 and the journal's closure against 2), two must
  // leave: both baseline closures do at the baseline's end, before the journal's closure.
  @Test func theBaselineLeavesTheWindowAllAtOnce() {
    let plan = closurePlan(closures: 3, quota: 2, baseline: 2)
    let records = [done(billing)] + closed("222222222200", at: start)
    let schedule = Schedule(plan: plan, journal: JournalState(records))
    let later = start.adding(seconds: 60)
    let baselineEnds = Timestamp(iso8601: "2026-12-31T00:00:00Z")
    #expect(schedule.closuresCounted(at: later) == 3)
    #expect(schedule.quotaFrees(at: later) == baselineEnds)
    #expect(
      schedule.decide(plan.steps[2], now: later, pendingClosures: 0)
        == .waitingUntil(
          baselineEnds ?? start, reason: "the 30-day closure quota is used up (rule B11)"))
    if let baselineEnds {
      #expect(schedule.closuresCounted(at: baselineEnds) == 1)
      #expect(schedule.decide(plan.steps[2], now: baselineEnds, pendingClosures: 0) == .due)
    }
  }

  // rule X2: CLOSE_ACCOUNT_QUOTA_EXCEEDED stops closing for the run.
  @Test func aQuotaRefusalStopsClosingForTheRun() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState([done(billing)]))
    let decision = schedule.decide(
      plan.steps[1], now: start, pendingClosures: 0, quotaStopped: true)
    guard case .waitingUntil = decision else {
      Issue.record("\(decision)")
      return
    }
  }

  @Test func aStartedCallWithoutOutcomeIsReconciledFirst() {
    let plan = closurePlan(closures: 1)
    let request = closeRequest("222222222200")
    let records = [
      done(billing),
      JournalRecord(.started(closeStep("222222222200"), request), at: start),
    ]
    let state = JournalState(records)
    #expect(
      Schedule(plan: plan, journal: state).decide(plan.steps[1], now: start, pendingClosures: 0)
        == .reconcile)
    // An unanswered closure counts against the quota, to be safe.
    #expect(state.closureTimes == [start])
  }

  // rule X5: a 5xx may have taken effect, so it settles nothing: the step stays in flight, to
  // be reconciled by a read, and the closure keeps counting against the quota.
  @Test func aServerErrorLeavesTheClosureInFlight() {
    let plan = closurePlan(closures: 1)
    let request = closeRequest("222222222200")
    let state = JournalState([
      done(billing),
      JournalRecord(.started(closeStep("222222222200"), request), at: start),
      JournalRecord(
        .failed(
          closeStep("222222222200"),
          .init("unsettled", request: request, error: AWSError("ServiceException"))),
        at: start.adding(seconds: 1)),
    ])
    #expect(state.status(closeStep("222222222200")) == .inFlight(since: start, request: request))
    #expect(state.closureTimes == [start])
    #expect(
      Schedule(plan: plan, journal: state).decide(
        plan.steps[1], now: start.adding(seconds: 2), pendingClosures: 0) == .reconcile)
  }

  @Test func aRefusedClosureDoesNotCount() {
    let request = closeRequest("222222222200")
    let state = JournalState([
      JournalRecord(.started(closeStep("222222222200"), request), at: start),
      JournalRecord(
        .failed(
          closeStep("222222222200"),
          .init(
            "quota-exceeded", request: request,
            error: AWSError("ConstraintViolationException", reason: "CLOSE_ACCOUNT_QUOTA_EXCEEDED")
          )),
        at: start),
    ])
    #expect(state.closureTimes.isEmpty)
    #expect(state.lastCloseCall == start)
  }

  @Test func stepsNeedingRootStayWithAPerson() {
    var plan = closurePlan(closures: 0)
    plan.steps = [
      .init(
        id: StepID(unchecked: "enable-root-password-recovery:222222222200"),
        action: .enableRootPasswordRecovery(AccountID(unchecked: "222222222200")),
        work: .needsRoot)
    ]
    let decision = Schedule(plan: plan, journal: JournalState()).decide(
      plan.steps[0], now: start, pendingClosures: 0)
    guard case .person(let why) = decision else {
      Issue.record("\(decision)")
      return
    }
    #expect(why.contains("sts:AssumeRoot"))
  }

  // rule X7: a step the plan marks with a blocking finding is held for a person, once its
  // prerequisites are done, even though it is otherwise due.
  @Test func aBlockedStepIsHeldForAPerson() {
    var plan = closurePlan(closures: 1)
    plan.steps[1].blockedBy = "E99_TEST_FINDING"
    let schedule = Schedule(plan: plan, journal: JournalState())
    #expect(
      schedule.decide(plan.steps[1], now: start, pendingClosures: 0)
        == .waitingForPrerequisites([billing]))
    let decision = Schedule(plan: plan, journal: JournalState([done(billing)])).decide(
      plan.steps[1], now: start, pendingClosures: 0)
    guard case .blocked(let why) = decision else {
      Issue.record("\(decision)")
      return
    }
    #expect(why.contains("E99_TEST_FINDING"))
    #expect(decision.needsPerson)
  }
}
