import AWSInventory
import ClosurePlanner
import OrgGraph
import PlanExecution

extension ApplyRun {
  /// Backoff before re-sending a throttled change, after its state was read again (rule X2).
  static let backoffSeconds: [Double] = [2, 8, 30]

  /// Reads what the plan's checks need about `account`: state, where it is, tags.
  func observe(_ account: String) throws -> AccountObservation? {
    guard let state = try read({ () throws(InventoryError) in try actions.accountState(account) })
    else { return nil }
    guard let state else { return AccountObservation(id: account, state: nil) }
    guard let parent = try read({ () throws(InventoryError) in try actions.parent(of: account) })
    else { return nil }
    var tags: [String: String]?
    if !protection.tags.isEmpty {
      guard let read = try read({ () throws(InventoryError) in try actions.tags(of: account) })
      else { return nil }
      tags = read
    }
    return AccountObservation(
      id: account, state: state, path: parent.map { live.pathOfParent[$0] ?? $0 }, tags: tags)
  }

  /// Records what was read, when it differs from what the journal last saw.
  func noteObservation(_ observation: AccountObservation, step: String) throws {
    let state = observation.state ?? "GONE"
    if state.isEmpty || self.state.observedStates[observation.id]?.state == state { return }
    try record(
      JournalRecord(
        .observed, time: clock.now(), step: step, organization: observation.id, state: state))
  }

  /// Carries out one due API step: re-read, then send, then record the answer.
  func execute(_ step: ExecutablePlan.Step) throws {
    guard case .call(let request) = step.work else { return }
    let subject = request.parameters.first { $0.name == "AccountId" }?.value ?? step.account
    for attempt in 0... {
      if let subject {
        guard let observation = try observe(subject) else { return }
        try noteObservation(observation, step: step.id)
        switch PreCallCheck.verdict(
          step, observation: observation, plan: view, protection: protection)
        {
        case .drift(let why):
          try record(JournalRecord(.skipped, time: clock.now(), step: step.id, message: why))
          tried.insert(step.id)
          return
        case .alreadyDone(let state):
          try record(
            JournalRecord(
              .succeeded, time: clock.now(), step: step.id, request: request,
              state: state, outcome: "already-\(state.lowercased())"))
          if state == "PENDING_CLOSURE" { live.pendingClosures.insert(subject) }
          return
        case .proceed: break
        }
      }
      switch try effect(of: step) {
      case .unreadable: return
      case .seen:
        try record(
          JournalRecord(
            .succeeded, time: clock.now(), step: step.id, request: request,
            outcome: "already-in-effect"))
        return
      case .notSeen, .notApplicable: break
      }
      if subject == nil, request.operation == "DeleteOrganization" {
        guard
          let exists = try read({ () throws(InventoryError) in try actions.organizationExists() })
        else { return }
        if !exists {
          try record(
            JournalRecord(
              .succeeded, time: clock.now(), step: step.id, request: request,
              outcome: "already-deleted"))
          return
        }
      }
      try record(JournalRecord(.started, time: clock.now(), step: step.id, request: request))
      let answer = try actions.change(request.arguments)
      calls += 1
      let typed = AWSAnswer(
        errorCode: answer.errorCode, reason: answer.reason, message: answer.message,
        requestID: answer.requestID, unanswered: answer.unanswered)
      func failed(_ outcome: String, _ message: String? = nil) -> JournalRecord {
        JournalRecord(
          .failed, time: clock.now(), step: step.id, request: request, outcome: outcome,
          requestID: answer.requestID, errorCode: answer.errorCode, reason: answer.reason,
          message: message ?? answer.message)
      }
      switch typed.meaning(for: request) {
      case .succeeded(let outcome):
        try record(
          JournalRecord(
            .succeeded, time: clock.now(), step: step.id, request: request, outcome: outcome,
            requestID: answer.requestID, errorCode: answer.errorCode))
        if step.isClosure, let subject { live.pendingClosures.insert(subject) }
        return
      case .waitForClosures:
        try record(failed("waits-for-closures"))
        closuresFull = true
        return
      case .quotaExceeded:
        let moves = schedule.quotaFrees(at: clock.now()).map { "\($0)" } ?? "unknown"
        try record(
          failed(
            "quota-exceeded",
            "no more closures in this run (rule X2); the 30-day window moves at \(moves) by "
              + "the journal's count"))
        quotaStopped = true
        return
      case .retryAfterReread:
        try record(failed("will-retry"))
        guard attempt < Self.backoffSeconds.count else {
          awsFailing =
            "\(request.commandLine) was refused \(attempt + 1) times (\(answer.errorCode ?? ""))"
          return
        }
        var pause = Self.backoffSeconds[attempt]
        if step.isClosure, let last = state.lastCloseCall {
          // The retry is a CloseAccount call too: 20 s after the last one (rule B13).
          let spacing = last.adding(seconds: Schedule.closeSpacingSeconds)
          pause = max(
            pause,
            Double(spacing.millisecondsSince1970 - clock.now().millisecondsSince1970) / 1000)
        }
        clock.sleep(seconds: pause)
      case .accessDenied(let permission):
        try record(
          failed("access-denied", "the caller lacks \(permission): \(answer.message ?? "")"))
        tried.insert(step.id)
        return
      case .unknown:
        // No outcome is recorded: the next pass reads the state before anything is re-sent.
        lastPoll[step.id] = clock.now()
        return
      case .failed:
        try record(failed("failed"))
        tried.insert(step.id)
        return
      }
    }
  }

  /// Settles a call the journal has no outcome for by reading the state it would change.
  func reconcile(_ step: ExecutablePlan.Step) throws -> Bool {
    let now = clock.now()
    lastPoll[step.id] = now
    guard case .call(let request) = step.work else { return false }
    let since: Timestamp
    if case .inFlight(let started) = state.status(step.id) { since = started } else { return false }
    var tookEffect: String?
    if let account = step.account, step.isClosure || step.isRemoval {
      guard let observation = try observe(account) else { return false }
      try noteObservation(observation, step: step.id)
      if case .tookEffect(let state) = PreCallCheck.reconcile(step, observation: observation) {
        tookEffect = state
      } else if step.isClosure {
        live.pendingClosures.insert(account)
        if now.seconds(since: since) < PreCallCheck.unansweredCloseGraceSeconds { return false }
        live.pendingClosures.remove(account)
      }
    } else if request.operation == "DeleteOrganization" {
      guard let exists = try read({ () throws(InventoryError) in try actions.organizationExists() })
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
        JournalRecord(
          .succeeded, time: now, step: step.id, request: request,
          state: tookEffect.isEmpty ? nil : tookEffect,
          outcome: "reconciled"))
      if tookEffect == "PENDING_CLOSURE", let account = step.account {
        live.pendingClosures.insert(account)
      }
    } else {
      try record(
        JournalRecord(
          .failed, time: now, step: step.id, request: request, outcome: "unconfirmed",
          message: "the state shows no sign of the call; it may be sent again after a re-read"))
    }
    return true
  }

  /// Polls a wait whose date has come; `true` when it is over.
  func poll(_ step: ExecutablePlan.Step) throws -> Bool {
    let now = clock.now()
    lastPoll[step.id] = now
    if pollingSince[step.id] == nil { pollingSince[step.id] = now }
    switch step.work {
    case .awaitClosed:
      guard let account = step.account,
        let state = try read({ () throws(InventoryError) in try actions.accountState(account) })
      else { return false }
      try noteObservation(AccountObservation(id: account, state: state ?? "GONE"), step: step.id)
      if state == "PENDING_CLOSURE" { live.pendingClosures.insert(account) }
      guard state == "CLOSED" || state == nil else { return false }
      live.pendingClosures.remove(account)
      try record(
        JournalRecord(
          .succeeded, time: now, step: step.id, state: state ?? "GONE", outcome: "closed"))
      return true
    case .awaitMembersGone:
      guard
        let count = try read({ () throws(InventoryError) in
          try actions.memberCount(besides: view.managementAccountID)
        })
      else { return false }
      guard (count ?? 0) == 0 else { return false }
      try record(JournalRecord(.succeeded, time: now, step: step.id, outcome: "members-gone"))
      return true
    case .awaitDate:
      // Its date has come; the live transfer must agree before the step is done.
      guard case .awaitResponsibilityTransferEnd(let transfer) = step.action else {
        try record(JournalRecord(.succeeded, time: now, step: step.id, outcome: "date-reached"))
        return true
      }
      guard
        let reading = try read({ () throws(InventoryError) in
          try actions.transfer(transfer.rawValue)
        })
      else { return false }
      if let reading, !reading.hasEnded(at: now) { return false }
      try record(
        JournalRecord(
          .succeeded, time: now, step: step.id, state: reading?.status ?? "GONE",
          outcome: "transfer-ended"))
      return true
    default:
      return false
    }
  }
}
