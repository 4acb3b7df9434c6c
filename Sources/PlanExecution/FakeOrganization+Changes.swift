public import ClosurePlanner
import OrgGraph

/// The process dying at a chosen point: thrown through the engine, as `kill -9` would stop it.
public struct SimulatedCrash: Error, Hashable, Sendable {
  public init() {}
}

extension FakeOrganization {
  /// Sends one change: the fault injected at this call, if any, else AWS's rules decide.
  public func send(_ request: APIRequest) throws -> AWSAnswer {
    let index = takeCallIndex()
    let fault = faults[index]
    try crashPoint?()
    if fault == .crashBeforeCall { throw SimulatedCrash() }
    clock.advance(seconds: behaviour.changeSeconds)
    advance()
    let subject =
      request.parameter("AccountId") ?? request.parameter("HandshakeId")
      ?? request.parameter("Id") ?? ""
    var call = Call(
      time: clock.now(), operation: request.operation, subject: subject,
      change: Self.change(request), tookEffect: false,
      result: "ok", closuresInProgressBefore: closuresInProgress)
    switch fault {
    case .timeout:
      clock.advance(seconds: behaviour.timeoutSeconds)
      call.result = "timeout"
      log(call)
      return .unanswered(note: "Read timeout on endpoint URL", requestID: nil)
    case .throttled:
      call.result = "TooManyRequestsException (injected)"
      noteCloseCall(request)
      log(call)
      return .refused(AWSError("TooManyRequestsException", message: "Rate exceeded"))
    case .serverErrorBeforeEffect:
      call.result = "ServiceException (injected, before the change)"
      noteCloseCall(request)
      log(call)
      return .refused(AWSError("ServiceException", message: "internal error"))
    default:
      break
    }
    let answer = apply(request)
    noteCloseCall(request)
    if case .refused(let error) = answer {
      call.result = [error.code, error.reason].compactMap { $0 }.joined(separator: " ")
    } else {
      call.tookEffect = true
    }
    switch fault {
    case .lostAfterEffect where call.tookEffect:
      call.result = "ok, answer lost (injected)"
      log(call)
      return .unanswered(
        note: "Connection was closed before we received a valid response", requestID: nil)
    case .serverErrorAfterEffect where call.tookEffect:
      call.result = "ServiceException (injected, after the change)"
      log(call)
      return .refused(AWSError("ServiceException", message: "internal error"))
    case .crashAfterEffect:
      call.result += ", caller crashed (injected)"
      log(call)
      throw SimulatedCrash()
    default:
      log(call)
    }
    try crashPoint?()
    return answer
  }

  private func noteCloseCall(_ request: APIRequest) {
    if request.operation == .closeAccount { lastCloseCallTime = clock.now() }
  }

  /// AWS's rules for each change (the refusals are its typed ones).
  private func apply(_ request: APIRequest) -> AWSAnswer {
    let now = clock.now()
    let accepted = AWSAnswer.accepted(requestID: "req-\(calls.count + 1)")
    func refuse(_ code: String, _ reason: String? = nil) -> AWSAnswer {
      .refused(AWSError(code, reason: reason, message: "\(code) from the fake organization"))
    }
    let account = request.parameter("AccountId").map(AccountID.init(unchecked:))
    if let account, behaviour.deniedAccounts.contains(account) {
      return refuse("AccessDeniedException")
    }
    if let allowed = behaviour.allowedActions, !allowed.contains(request.call) {
      deniedActions.insert(request.call)
      return refuse("AccessDeniedException")
    }
    switch request.operation {
    case .closeAccount:
      guard let account, var member = members[account], member.removedReadsCatchUp == nil else {
        return refuse("AccountNotFoundException")
      }
      if account == managementAccount {
        return refuse("ConstraintViolationException", "CANNOT_CLOSE_MANAGEMENT_ACCOUNT")
      }
      // Rule B13: one CloseAccount per 20 seconds.
      if let last = lastCloseCallTime, now.seconds(since: last) < 20 {
        return refuse("TooManyRequestsException")
      }
      if member.state == .closed || member.state == .pendingClosure {
        return refuse("AccountAlreadyClosedException")  // rule X1
      }
      // Rule B12: 3 closures at a time.
      if closuresInProgress >= 3 {
        return refuse("ConstraintViolationException", "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED")
      }
      // Rule B11: the rolling 30-day quota.
      if closuresInWindow >= behaviour.closeQuota {
        return refuse("ConstraintViolationException", "CLOSE_ACCOUNT_QUOTA_EXCEEDED")
      }
      member.state = .pendingClosure
      member.closeRequested = now
      member.closes = now.adding(seconds: Int64(closureSeconds()))
      member.readsCatchUp = now.adding(seconds: Int64(lagSeconds(upTo: 240)))
      members[account] = member
      closing.insert(account)
      acceptedClosureTimes.append(now)
      return accepted
    case .removeAccountFromOrganization:
      guard let account, var member = members[account], member.removedReadsCatchUp == nil else {
        return refuse("AccountNotFoundException")
      }
      if account == managementAccount {
        return refuse("ConstraintViolationException", "ACCOUNT_CANNOT_LEAVE_ORGANIZATION")
      }
      // Rule D31: a delegated administrator cannot be removed.
      if !member.delegatedServices.isEmpty {
        return refuse(
          "ConstraintViolationException", "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG")
      }
      // Rule D30: not within 4 days of joining.
      if now.seconds(since: member.joined) < 4 * 86_400 {
        return refuse("ConstraintViolationException", "WAIT_PERIOD_ACTIVE")
      }
      member.removedReadsCatchUp =
        behaviour.laggingReads ? now.adding(seconds: Int64(lagSeconds(upTo: 60))) : now
      members[account] = member
      return accepted
    case .deregisterDelegatedAdministrator:
      let service = request.parameter("ServicePrincipal") ?? ""
      guard let account, var member = members[account],
        let index = member.delegatedServices.firstIndex(of: service)
      else { return refuse("AccountNotRegisteredException") }
      member.delegatedServices.remove(at: index)
      members[account] = member
      return accepted
    case .deleteOrganization:
      guard exists else { return refuse("AWSOrganizationsNotInUseException") }
      // Rule E37: every member gone, closed ones included.
      if members.contains(where: {
        $0.key != managementAccount && $0.value.removedReadsCatchUp == nil
      }) {
        return refuse("OrganizationNotEmptyException")
      }
      if transfers.values.contains(where: {
        !TransferReading(status: $0.status, end: $0.end).hasEnded(at: now)
      })
        || handshakes.values.contains("OPEN")
      {
        return refuse("ConstraintViolationException", "ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS")
      }
      exists = false
      return accepted
    case .cancelHandshake, .declineHandshake:
      let handshake = HandshakeID(unchecked: request.parameter("HandshakeId") ?? "")
      guard let state = handshakes[handshake] else { return refuse("HandshakeNotFoundException") }
      let target = request.operation == .cancelHandshake ? "CANCELED" : "DECLINED"
      if state == target { return refuse("HandshakeAlreadyInStateException") }
      guard state == "OPEN" else { return refuse("InvalidHandshakeTransitionException") }
      handshakes[handshake] = target
      for (id, transfer) in transfers where transfer.handshake == handshake {
        transfers[id]?.status = target
      }
      return accepted
    case .terminateResponsibilityTransfer:
      let id = ResponsibilityTransferID(unchecked: request.parameter("Id") ?? "")
      guard var transfer = transfers[id] else {
        return refuse("ResponsibilityTransferNotFoundException")
      }
      guard let end = request.parameter("EndTimestamp").flatMap(Timestamp.init(iso8601:)) else {
        return refuse("InvalidInputException", "INVALID_END_DATE")
      }
      // Rule E38d: never in the past, never before the start.
      if end < now || end < transfer.start {
        return refuse("InvalidInputException", "END_DATE_TOO_EARLY")
      }
      if transfer.status == "WITHDRAWN" {
        return refuse("ResponsibilityTransferAlreadyInStatusException")
      }
      transfer.status = "WITHDRAWN"
      transfer.end = end
      transfers[id] = transfer
      return accepted
    case .describeAccount, .describeResponsibilityTransfer, .listAccounts:
      return refuse("InvalidInputException")
    }
  }

  /// What makes two calls the same change: the operation and every parameter but a
  /// transfer's end, which is computed when the call is sent (rule E38d).
  static func change(_ request: APIRequest) -> String {
    ([request.operation.rawValue]
      + request.parameters.filter { $0.name != "EndTimestamp" }.map { "\($0.name)=\($0.value)" })
      .joined(separator: " ")
  }

  /// How long reads lag behind a change.
  func lagSeconds(upTo limit: Double) -> Double {
    behaviour.laggingReads ? limit * random.unit() : 0
  }
}
