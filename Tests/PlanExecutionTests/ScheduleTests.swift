import ClosurePlanner
import OrgGraph
import PlanExecution
import Testing

/// A plan of `closures` close steps after one manual step, quota `quota`, from 2026-12-01.
func closurePlan(closures: Int, quota: Int = 250, baseline: Int = 0) -> ExecutablePlan {
  let start = CalendarDay(year: 2026, month: 12, day: 1) ?? CalendarDay(daysSince1970: 0)
  var steps = [
    ExecutablePlan.Step(
      id: "export-billing-history", action: .exportBillingHistory, work: .manual)
  ]
  var accounts = [ExecutablePlan.Account(id: "111111111111")]
  for index in 0..<closures {
    let id = "2222222222\(index < 10 ? "0" : "")\(index)"
    steps.append(
      .init(
        id: "close-account:\(id)", action: .closeAccount(AccountID(unchecked: id)),
        work: .call(APIRequest(.organizations, "CloseAccount", [.init("AccountId", id)])),
        account: id, after: ["export-billing-history"], notBefore: start))
    accounts.append(.init(id: id, path: "Root/Prod"))
  }
  return ExecutablePlan(
    organizationID: "o-abcdefghij", managementAccountID: "111111111111", startDate: start,
    quota: .init(perWindow: quota, closuresBeforeStart: baseline), steps: steps, accounts: accounts)
}

let start = Timestamp(iso8601: "2026-12-01T10:00:00Z") ?? Timestamp(millisecondsSince1970: 0)

func done(_ step: String, at time: Timestamp = start) -> JournalRecord {
  JournalRecord(.manualDone, time: time, step: step, by: "alice")
}

func closed(_ account: String, at time: Timestamp) -> [JournalRecord] {
  let request = APIRequest(.organizations, "CloseAccount", [.init("AccountId", account)])
  return [
    JournalRecord(.started, time: time, step: "close-account:\(account)", request: request),
    JournalRecord(.succeeded, time: time, step: "close-account:\(account)", request: request),
  ]
}

@Suite struct ScheduleTests {
  @Test func aManualStepWaitsOnAPersonAndHoldsBackWhatFollows() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState([]))
    #expect(schedule.decide(plan.steps[0], now: start, pendingClosures: 0).needsPerson)
    #expect(
      schedule.decide(plan.steps[1], now: start, pendingClosures: 0)
        == .waitingForPrerequisites(["export-billing-history"]))
  }

  @Test func aClosureIsDueOnceItsPrerequisitesAreDone() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState([done("export-billing-history")]))
    #expect(schedule.decide(plan.steps[1], now: start, pendingClosures: 0) == .due)
  }

  @Test func notBeforeIsRespected() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState([done("export-billing-history")]))
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
    let schedule = Schedule(plan: plan, journal: JournalState([done("export-billing-history")]))
    #expect(schedule.decide(plan.steps[1], now: start, pendingClosures: 3) == .waitingForClosures)
    #expect(schedule.decide(plan.steps[1], now: start, pendingClosures: 2) == .due)
  }

  // rule B13
  @Test func closuresAre20SecondsApart() {
    let plan = closurePlan(closures: 2)
    let records = [done("export-billing-history")] + closed("222222222200", at: start)
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
    let records = [done("export-billing-history")] + closed("222222222200", at: start)
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

  // rule X2: CLOSE_ACCOUNT_QUOTA_EXCEEDED stops closing for the run.
  @Test func aQuotaRefusalStopsClosingForTheRun() {
    let plan = closurePlan(closures: 1)
    let schedule = Schedule(plan: plan, journal: JournalState([done("export-billing-history")]))
    let decision = schedule.decide(
      plan.steps[1], now: start, pendingClosures: 0, quotaStopped: true)
    guard case .waitingUntil = decision else {
      Issue.record("\(decision)")
      return
    }
  }

  @Test func aStartedCallWithoutOutcomeIsReconciledFirst() {
    let plan = closurePlan(closures: 1)
    let request = APIRequest(.organizations, "CloseAccount", [.init("AccountId", "222222222200")])
    let records = [
      done("export-billing-history"),
      JournalRecord(.started, time: start, step: "close-account:222222222200", request: request),
    ]
    let state = JournalState(records)
    #expect(
      Schedule(plan: plan, journal: state).decide(plan.steps[1], now: start, pendingClosures: 0)
        == .reconcile)
    // An unanswered closure counts against the quota, to be safe.
    #expect(state.closureTimes == [start])
  }

  @Test func aRefusedClosureDoesNotCount() {
    let request = APIRequest(.organizations, "CloseAccount", [.init("AccountId", "222222222200")])
    let state = JournalState([
      JournalRecord(.started, time: start, step: "close-account:222222222200", request: request),
      JournalRecord(
        .failed, time: start, step: "close-account:222222222200", request: request,
        errorCode: "ConstraintViolationException", reason: "CLOSE_ACCOUNT_QUOTA_EXCEEDED"),
    ])
    #expect(state.closureTimes.isEmpty)
    #expect(state.lastCloseCall == start)
  }

  @Test func stepsNeedingRootStayWithAPerson() {
    var plan = closurePlan(closures: 0)
    plan.steps = [
      .init(
        id: "enable-root-password-recovery:222222222200",
        action: .enableRootPasswordRecovery(AccountID(unchecked: "222222222200")),
        work: .needsRoot)
    ]
    let decision = Schedule(plan: plan, journal: JournalState([])).decide(
      plan.steps[0], now: start, pendingClosures: 0)
    guard case .person(let why) = decision else {
      Issue.record("\(decision)")
      return
    }
    #expect(why.contains("sts:AssumeRoot"))
  }
}
