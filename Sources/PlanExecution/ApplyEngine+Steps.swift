public import ClosurePlanner
public import OrgGraph

extension ApplyEngine {
  /// Carries out one due API step: re-read, then send, then record the answer.
  func execute(_ step: ExecutablePlan.Step) throws {
    guard let planned = step.request else { return }
    let request = Self.request(planned, for: step, at: clock.now())
    let subject = request.parameter("AccountId").map(AccountID.init(unchecked:)) ?? step.account
    for attempt in 0... {
      if let subject {
        let previous = journal.state.observedStates[subject]
        guard
          let observation = try read(
            for: step.id, { try organization.observe(subject, withTags: closureNeedsTags(step)) })
        else { return }
        try note(observation.id, observation.state, step: step.id)
        switch PreCallCheck.verdict(
          step, observation: observation, plan: plan, protection: settings.protection)
        {
        case .drift(let why):
          try record(.skipped(step.id, reason: why))
          tried.insert(step.id)
          return
        case .unknown:
          // Rule X6: an answer without State says nothing; a later read may.
          lastPoll[step.id] = clock.now()
          tried.insert(step.id)
          return
        case .alreadyInEffect(let state):
          // Rule X6: a change the journal does not show as sent is taken as made only when
          // reads over the poll interval agree.
          guard let previous, previous.state == state,
            clock.now().seconds(since: previous.at) >= settings.pollSeconds
          else {
            lastPoll[step.id] = clock.now()
            return
          }
          try record(
            .succeeded(
              step.id,
              .init(
                "already-\(state.rawValue.lowercased())", request: request, seen: state.rawValue)
            ))
          if state == .pendingClosure { closureStarted(subject) }
          return
        case .proceed: break
        }
      }
      switch try effect(of: step) {
      case .unreadable: return
      case .seen:
        try record(.succeeded(step.id, .init("already-in-effect", request: request)))
        return
      case .notSeen, .notApplicable: break
      }
      if request.operation == .deleteOrganization {
        guard let exists = try read(for: step.id, { try organization.organizationExists() })
        else { return }
        if !exists {
          try record(.succeeded(step.id, .init("already-deleted", request: request)))
          return
        }
      }
      try record(.started(step.id, request))
      let answer = try organization.send(request)
      summary.calls += 1
      guard try settle(step, request: request, answer: answer, subject: subject) else { return }
      // Throttled: back off, then read again and retry (rule X2).
      guard attempt < settings.backoffSeconds.count else {
        summary.throttled[step.id] =
          "\(request.commandLine) was throttled \(attempt + 1) times; a later run tries again"
        tried.insert(step.id)
        return
      }
      var resume = clock.now().adding(seconds: settings.backoffSeconds[attempt])
      if step.isClosure, let last = journal.state.lastCloseCall {
        // The retry is a CloseAccount call too: 20 s after the last one (rule B13).
        resume = max(resume, last.adding(seconds: Schedule.closeSpacingSeconds))
      }
      guard resume < deadline else {
        tried.insert(step.id)
        return
      }
      clock.sleep(until: resume)
    }
  }

  /// The request as it is sent now.
  ///
  /// A transfer's end is computed when the call is sent (rule E38d): the plan's last day, or
  /// the last instant of the current month when that day has passed, since AWS refuses an end
  /// in the past (`END_DATE_TOO_EARLY`).
  public static func request(
    _ planned: APIRequest, for step: ExecutablePlan.Step, at now: Timestamp
  )
    -> APIRequest
  {
    guard case .endResponsibilityTransfer(_, .terminate(_, let lastDay)) = step.action else {
      return planned
    }
    let today = now.day
    let (year, month, _) = today.components
    let monthEnd =
      (month == 12
      ? CalendarDay(year: year + 1, month: 1, day: 1)
      : CalendarDay(year: year, month: month + 1, day: 1))?.adding(days: -1) ?? lastDay
    let end = lastDay >= today ? lastDay : monthEnd
    var request = planned
    request.parameters = planned.parameters.map { parameter in
      parameter.name == "EndTimestamp" ? .init("EndTimestamp", "\(end)T23:59:59Z") : parameter
    }
    return request
  }

  /// Records what `answer` means for `step`; `true` when the call is to be retried.
  private func settle(
    _ step: ExecutablePlan.Step, request: APIRequest, answer: AWSAnswer, subject: AccountID?
  ) throws -> Bool {
    var error: AWSError?
    if case .refused(let refusal) = answer { error = refusal }
    func failure(_ outcome: String, _ note: String? = nil) -> JournalEvent {
      .failed(step.id, .init(outcome, request: request, error: error, note: note))
    }
    switch answer.meaning(for: request) {
    case .succeeded(let outcome):
      try record(.succeeded(step.id, .init(outcome, request: request, requestID: answer.requestID)))
      if step.isClosure, let subject { closureStarted(subject) }
    case .waitForClosures:
      try record(failure("waits-for-closures"))
      closuresFull = true
    case .quotaExceeded:
      let moves = schedule.quotaFrees(at: clock.now()).map { "\($0)" } ?? "unknown"
      try record(
        failure(
          "quota-exceeded",
          "no more closures in this run (rule X2); the 30-day window moves at \(moves) by the "
            + "journal's count"))
      quotaStopped = true
    case .retryAfterReread:
      try record(failure("will-retry"))
      return true
    case .waitPeriodActive:
      try record(failure("wait-period-active"))
      tried.insert(step.id)
    case .accessDenied(let permission):
      try record(
        failure("access-denied", "the caller lacks \(permission): \(error?.message ?? "")"))
      tried.insert(step.id)
    case .unknown:
      // Rule X5: settled only by reading the state after the grace. A 5xx is recorded (the
      // state keeps the step unsettled); a lost answer leaves the `started` record alone.
      if error != nil { try record(failure("unsettled")) }
      if step.isClosure, let subject { closureStarted(subject) }
      lastPoll[step.id] = clock.now()
    case .failed:
      try record(failure("failed"))
      tried.insert(step.id)
    }
    return false
  }

  /// Whether the check before `step` needs the account's tags (a closure, and the policy
  /// protects by tag).
  private func closureNeedsTags(_ step: ExecutablePlan.Step) -> Bool {
    step.isClosure && !settings.protection.tags.isEmpty
  }

  /// Records what was read, when it differs from what the journal last saw.
  func note(_ account: AccountID, _ state: AccountState?, step: StepID) throws {
    if let last = journal.state.observedStates[account], last.state == state { return }
    try record(.observed(.init(account: account, state: state, step: step)))
  }

  /// Settles a call the journal has no outcome for by reading the state it would change;
  /// `true` when it is settled.
  func reconcile(_ step: ExecutablePlan.Step) throws -> Bool {
    let now = clock.now()
    lastPoll[step.id] = now
    guard case .inFlight(let since, let request) = journal.state.status(step.id) else {
      return false
    }
    var tookEffect: String?
    if let account = step.account, step.isClosure || step.isRemoval {
      guard
        let state = try read(for: step.id, { try organization.accountState(account) })
      else { return false }
      try note(account, state, step: step.id)
      if case .tookEffect(let seen) = PreCallCheck.reconcile(
        step, observation: AccountObservation(id: account, state: state))
      {
        tookEffect = seen
      } else if step.isClosure {
        closureStarted(account)
      }
    } else if request.operation == .deleteOrganization {
      guard let exists = try read(for: step.id, { try organization.organizationExists() })
      else { return false }
      if !exists { tookEffect = "GONE" }
    } else {
      switch try effect(of: step) {
      case .seen: tookEffect = ""
      case .notSeen: break
      // Nothing shows whether it reached AWS: it stays unsettled, for a person to look at,
      // rather than being sent again unread.
      case .unreadable, .notApplicable: return false
      }
    }
    if let tookEffect {
      try record(
        .succeeded(
          step.id,
          .init("reconciled", request: request, seen: tookEffect.isEmpty ? nil : tookEffect)))
      if tookEffect == "PENDING_CLOSURE", let account = step.account {
        closureStarted(account)
      }
      return true
    }
    // Rules X3, X5: reads lag; before the grace has passed, no sign is no proof.
    if now.seconds(since: since) < PreCallCheck.unsettledGraceSeconds { return false }
    if let account = step.account { closureEnded(account) }
    try record(
      .failed(
        step.id,
        .init(
          "unconfirmed", request: request,
          note: "the state shows no sign of the call \(PreCallCheck.unsettledGraceSeconds / 60) "
            + "minutes after it was sent; it may be sent again after a re-read")))
    return true
  }

  /// Polls a wait whose date has come; `true` when it is over.
  func poll(_ step: ExecutablePlan.Step) throws -> Bool {
    let now = clock.now()
    lastPoll[step.id] = now
    switch step.work {
    case .awaitClosed:
      guard let account = step.account,
        let state = try read(for: step.id, { try organization.accountState(account) })
      else { return false }
      try note(account, state, step: step.id)
      if state == .pendingClosure { closureStarted(account) }
      guard state == .closed || state == nil else { return false }
      closureEnded(account)
      try record(.succeeded(step.id, .init("closed", seen: state?.rawValue ?? "GONE")))
      return true
    case .awaitMembersGone:
      guard
        let count = try read(
          for: step.id, { try organization.membersLeft(besides: plan.managementAccountID) })
      else { return false }
      guard (count ?? 0) == 0 else { return false }
      try record(.succeeded(step.id, .init("members-gone")))
      return true
    case .awaitDate:
      // Its date has come; the live transfer must agree before the step is done.
      guard case .awaitResponsibilityTransferEnd(let transfer) = step.action else {
        try record(.succeeded(step.id, .init("date-reached")))
        return true
      }
      guard let reading = try read(for: step.id, { try organization.transfer(transfer) })
      else { return false }
      if let reading, !reading.hasEnded(at: now) { return false }
      try record(
        .succeeded(step.id, .init("transfer-ended", seen: reading?.status ?? "GONE")))
      return true
    default:
      return false
    }
  }
}
