import ClosurePlanner
import OrgGraph
import PlanExecution
import Testing

@Suite struct AWSAnswerTests {
  let close = closeRequest("222222222200")

  struct Case: Sendable, CustomTestStringConvertible {
    var code: String?
    var reason: String?
    var meaning: AWSAnswer.Meaning
    var testDescription: String { [code, reason].compactMap { $0 }.joined(separator: " ") }

    /// The answer: accepted without a code, else refused with it, its message naming the
    /// quota so that a meaning read from the text would show.
    var answer: AWSAnswer {
      guard let code else { return .accepted(requestID: "r-1") }
      return .refused(
        AWSError(code, reason: reason, message: "CLOSE_ACCOUNT_QUOTA_EXCEEDED in the text"))
    }
  }

  @Test(arguments: [
    Case(code: nil, meaning: .succeeded(outcome: "close-requested")),
    // rule X1
    Case(code: "AccountAlreadyClosedException", meaning: .succeeded(outcome: "already-closed")),
    // rule X2: the typed Reason decides, not the message.
    Case(
      code: "ConstraintViolationException", reason: "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED",
      meaning: .waitForClosures),
    Case(
      code: "ConstraintViolationException", reason: "CLOSE_ACCOUNT_QUOTA_EXCEEDED",
      meaning: .quotaExceeded),
    Case(
      code: "ConstraintViolationException", reason: "CANNOT_CLOSE_MANAGEMENT_ACCOUNT",
      meaning: .failed),
    Case(code: "ConstraintViolationException", meaning: .failed),
    // rule X8: WAIT_PERIOD_ACTIVE is a removal's reason; it means nothing special to a close.
    Case(code: "ConstraintViolationException", reason: "WAIT_PERIOD_ACTIVE", meaning: .failed),
    Case(code: "TooManyRequestsException", meaning: .retryAfterReread),
    Case(code: "ConcurrentModificationException", meaning: .retryAfterReread),
    // rule X5: a 5xx may have taken effect. (It used to be retried like throttling; it is now
    // an unknown outcome, settled by reading the state.)
    Case(code: "ServiceException", meaning: .unknown),
    Case(
      code: "AccessDeniedException",
      meaning: .accessDenied(permission: "organizations:CloseAccount")),
    Case(code: "AccountNotFoundException", meaning: .failed),
  ])
  func closeAccountAnswers(_ c: Case) {
    #expect(c.answer.meaning(for: close) == c.meaning)
    // `status` reads the refusal alone, through the same table `apply` reads.
    if case .refused(let error) = c.answer {
      #expect(AWSAnswer.meaning(of: error, for: close) == c.meaning)
    }
  }

  @Test func noAnswerMeansReadTheState() {
    #expect(AWSAnswer.unanswered(note: "timed out", requestID: nil).meaning(for: close) == .unknown)
  }

  // Rules X1, X1a: for other calls too, "already in that state" is success, and each call
  // reads only its own such exception.
  @Test(arguments: [
    (APIRequest.Operation.deregisterDelegatedAdministrator, "AccountNotRegisteredException"),
    (.deleteOrganization, "AWSOrganizationsNotInUseException"),
    (.cancelHandshake, "HandshakeAlreadyInStateException"),
    (.declineHandshake, "HandshakeAlreadyInStateException"),
    (.terminateResponsibilityTransfer, "ResponsibilityTransferAlreadyInStatusException"),
  ])
  func alreadyInThatStateIsSuccess(_ operation: APIRequest.Operation, _ code: String) {
    let meaning = AWSAnswer.meaning(of: AWSError(code), for: APIRequest(.organizations, operation))
    guard case .succeeded = meaning else {
      Issue.record("\(meaning)")
      return
    }
    #expect(AWSAnswer.meaning(of: AWSError(code), for: close) == .failed)
  }

  // rule X8: a removal refused while the account is new waits, and apply retries it later.
  @Test func aRemovalInItsWaitPeriodWaits() {
    let remove = APIRequest(
      .organizations, .removeAccountFromOrganization, [.init("AccountId", "222222222200")])
    let meaning = AWSAnswer.refused(
      AWSError("ConstraintViolationException", reason: "WAIT_PERIOD_ACTIVE")
    ).meaning(for: remove)
    #expect(meaning == .waitPeriodActive)
    #expect(meaning.isRetriedByApply)
    #expect(
      AWSAnswer.accepted(requestID: nil).meaning(for: remove) == .succeeded(outcome: "removed"))
  }
}

@Suite struct PreCallCheckTests {
  let plan = closurePlan(closures: 2)
  var step: ExecutablePlan.Step { plan.steps[1] }
  static let account = AccountID(unchecked: "222222222200")

  @Test func anAccountAsPlannedProceeds() {
    let observation = AccountObservation(
      id: Self.account, state: .active, path: "Root/Prod", tags: [:])
    #expect(
      PreCallCheck.verdict(step, observation: observation, plan: plan, protection: .init())
        == .proceed)
  }

  @Test(arguments: [
    AccountObservation(id: AccountID(unchecked: "222222222200"), state: .active, path: "Root/Dev"),
    AccountObservation(
      id: AccountID(unchecked: "222222222200"), state: .suspended, path: "Root/Prod"),
    AccountObservation(id: AccountID(unchecked: "222222222200"), state: nil),
    AccountObservation(
      id: AccountID(unchecked: "222222222200"), state: .active, path: "Root/Prod",
      tags: ["keep": "yes"]),
    AccountObservation(id: AccountID(unchecked: "333333333333"), state: .active, path: "Root/Prod"),
    AccountObservation(id: AccountID(unchecked: "111111111111"), state: .active, path: "Root"),
  ])
  func driftIsSkipped(_ observation: AccountObservation) {
    let verdict = PreCallCheck.verdict(
      step, observation: observation, plan: plan, protection: .init(tags: ["keep": ""]))
    guard case .drift = verdict else {
      Issue.record("\(verdict)")
      return
    }
  }

  // rule X6: an answer without State is neither drift nor a go-ahead: the step waits for a
  // read that can tell.
  @Test func aReadWithoutStateCannotTell() {
    let observation = AccountObservation(id: Self.account, state: .unknown(""), path: "Root/Prod")
    let verdict = PreCallCheck.verdict(
      step, observation: observation, plan: plan, protection: .init())
    guard case .unknown = verdict else {
      Issue.record("\(verdict)")
      return
    }
  }

  @Test func aProtectedAccountIsNeverClosed() {
    let observation = AccountObservation(id: Self.account, state: .active, path: "Root/Prod")
    let verdict = PreCallCheck.verdict(
      step, observation: observation, plan: plan, protection: .init(accounts: [Self.account]))
    #expect(verdict != .proceed)
    guard case .drift = verdict else {
      Issue.record("\(verdict)")
      return
    }
  }

  // rule X3: PENDING_CLOSURE means the close took effect. The verdict is now
  // `alreadyInEffect`, not `alreadyDone`: apply takes it as done only once reads over the
  // poll interval agree (rule X6), so the check no longer says "done" by itself.
  @Test func aClosureInProgressIsAlreadyInEffect() {
    let observation = AccountObservation(
      id: Self.account, state: .pendingClosure, path: "Root/Prod")
    #expect(
      PreCallCheck.verdict(step, observation: observation, plan: plan, protection: .init())
        == .alreadyInEffect(.pendingClosure))
    #expect(
      PreCallCheck.reconcile(step, observation: observation) == .tookEffect("PENDING_CLOSURE"))
    #expect(
      PreCallCheck.reconcile(step, observation: .init(id: Self.account, state: .active))
        == .notYet)
  }
}
