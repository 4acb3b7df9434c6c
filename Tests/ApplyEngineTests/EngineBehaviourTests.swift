import ClosurePlanner
import OrgGraph
import PlanExecution
import Testing

/// What one run does in situations the whole-shutdown proofs meet only by chance.
@Suite struct EngineBehaviourTests {
  /// A run of the engine at the lab's clock, as the scheduler would start it.
  static func run(_ lab: EngineLab, minutes: Int64 = 50) throws -> ApplyEngine.Summary {
    try ApplyEngine(
      plan: lab.plan, journal: lab.journal, organization: lab.fake, clock: lab.clock,
      settings: .init(
        maxDurationSeconds: minutes * 60,
        protection: Protection(accounts: lab.policy.protectedAccounts)),
      pendingClosures: lab.fake.membersClosing
    ).run()
  }

  /// Records every person step whose prerequisites are done, but those of `except`.
  static func recordPersonSteps(_ lab: EngineLab, except: AccountID? = nil) throws {
    for _ in 0..<3 {
      for step in lab.plan.steps
      where step.work.isPersonStep && step.account != except
        && !lab.memory.state.isDone(step.id)
        && step.after.allSatisfy({ lab.memory.state.isDone($0) })
      {
        try lab.memory.append(
          JournalRecord(.manualDone(step.id, .init(by: "test")), at: lab.clock.now()))
      }
    }
  }

  @Test("a denied account holds its own steps only, and the run says so")
  func aDeniedAccountHoldsOnlyItsOwnSteps() throws {
    let (plan, policy) = try ProofOrganization.plan(.closeInPlace)
    var behaviour = FakeOrganization.Behaviour()
    let denied = AccountID(unchecked: "100000000005")
    behaviour.deniedAccounts = [denied]
    let lab = EngineLab(plan: plan, policy: policy, behaviour: behaviour)
    let result = try lab.driveToTheEnd()
    #expect(!result.finished)
    #expect(!lab.fake.calls.contains { $0.subject == denied.rawValue })
    // Every other member was closed.
    let closed = Set(
      lab.fake.calls.filter { $0.operation == .closeAccount && $0.tookEffect }.map(\.subject))
    #expect(closed.count == plan.steps.filter(\.isClosure).count - 1)
    #expect(lab.brokenInvariants(finished: false) == [])
    // The next run names the read AWS denied, for a person.
    let summary = try Self.run(lab)
    #expect(summary.deniedReads.keys.contains(StepID(unchecked: "close-account:100000000005")))
  }

  @Test("rule X8: WAIT_PERIOD_ACTIVE is a date to wait for, not a failure")
  func aRemovalWithinFourDaysOfJoiningWaits() throws {
    let (plan, policy) = try ProofOrganization.plan(.removeThenDelete)
    let lab = EngineLab(plan: plan, policy: policy)
    let member = AccountID(unchecked: "100000000007")
    lab.fake.addMember(member, path: plan.accounts[member]?.path ?? "Root", joined: lab.clock.now())
    let result = try lab.driveToTheEnd()
    let refusals = lab.fake.calls.filter {
      $0.subject == member.rawValue && $0.result.contains("WAIT_PERIOD_ACTIVE")
    }
    #expect(!refusals.isEmpty)
    #expect(result.finished)
    #expect(lab.brokenInvariants(finished: true) == [])
    let removed = try #require(
      lab.fake.calls.first { $0.subject == member.rawValue && $0.tookEffect })
    #expect(removed.time.seconds(since: lab.memory.records[0].time) >= 4 * 86_400 - 3600)
  }

  @Test("a person is what holds the run back only when due work waits on their step")
  func personStepsNothingDueWaitsOnAreReminders() throws {
    let (plan, policy) = try ProofOrganization.plan(.closeInPlace)
    let lab = EngineLab(plan: plan, policy: policy)
    let now = lab.clock.now()
    func outlook() -> ApplyOutlook {
      let schedule = Schedule(plan: lab.plan, journal: lab.memory.state)
      return ApplyOutlook(
        plan: lab.plan, now: now, decide: { schedule.decide($0, now: now, pendingClosures: 0) },
        dryRun: false)
    }
    // Nothing recorded: the members' preparation holds the first window's closures.
    #expect(outlook().needsPerson)
    // Everything but the management account's own steps recorded: those hold nothing due.
    try Self.recordPersonSteps(lab, except: plan.managementAccountID)
    let reminders = outlook()
    #expect(!reminders.needsPerson, "\(reminders.text)")
    #expect(reminders.reminders > 0)
    #expect(reminders.text.contains("Reminders"))
  }
}

/// Rule E38d: a transfer's end is computed when the call is sent.
@Suite struct TransferEndTests {
  @Test("a run after the plan's last day ends the transfer at the end of the current month")
  func aLateRunEndsTheTransferThisMonth() throws {
    let (plan, policy) = try ProofOrganization.plan(.closeInPlace)
    let lab = EngineLab(plan: plan, policy: policy)
    // The first run comes five weeks late: the plan's last day (the end of December) has passed.
    lab.clock.sleep(
      until: Timestamp(startOf: plan.startDate.adding(days: 36)).adding(seconds: 9 * 3600))
    let result = try lab.driveToTheEnd()
    let terminate = try #require(
      lab.fake.calls.first { $0.operation == .terminateResponsibilityTransfer })
    #expect(terminate.tookEffect, "\(terminate.result)")
    #expect(result.finished)
    #expect(lab.brokenInvariants(finished: true) == [])
  }

  @Test func theEndIsThePlansLastDayWhileItIsAhead() throws {
    let (plan, _) = try ProofOrganization.plan(.closeInPlace)
    let step = try #require(
      plan.steps.first {
        if case .endResponsibilityTransfer(_, .terminate) = $0.action { return true }
        return false
      })
    let planned = try #require(step.request)
    let early = ApplyEngine.request(planned, for: step, at: Timestamp(startOf: plan.startDate))
    #expect(early == planned)
    let late = ApplyEngine.request(
      planned, for: step, at: Timestamp(startOf: plan.startDate.adding(days: 36)))
    let day = plan.startDate.adding(days: 36).components
    #expect(late.parameter("EndTimestamp")?.hasPrefix("\(day.year)-0\(day.month)-") == true)
    #expect(late.parameter("EndTimestamp")?.hasSuffix("T23:59:59Z") == true)
    #expect(late.parameter("EndTimestamp") != planned.parameter("EndTimestamp"))
  }
}
