import ClosurePlanner
import PlanExecution
import Testing

@Suite struct AWSAnswerTests {
  let close = APIRequest(.organizations, "CloseAccount", [.init("AccountId", "222222222200")])

  struct Case: Sendable, CustomTestStringConvertible {
    var code: String?
    var reason: String?
    var meaning: AWSAnswer.Meaning
    var testDescription: String { [code, reason].compactMap { $0 }.joined(separator: " ") }
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
    Case(code: "TooManyRequestsException", meaning: .retryAfterReread),
    Case(code: "ConcurrentModificationException", meaning: .retryAfterReread),
    Case(
      code: "AccessDeniedException",
      meaning: .accessDenied(permission: "organizations:CloseAccount")),
    Case(code: "AccountNotFoundException", meaning: .failed),
  ])
  func closeAccountAnswers(_ c: Case) {
    let answer = AWSAnswer(
      errorCode: c.code, reason: c.reason, message: "CLOSE_ACCOUNT_QUOTA_EXCEEDED in the text")
    #expect(answer.meaning(for: close) == c.meaning)
  }

  @Test func noAnswerMeansReadTheState() {
    #expect(AWSAnswer(unanswered: true).meaning(for: close) == .unknown)
  }
}

@Suite struct PreCallCheckTests {
  let plan = closurePlan(closures: 2)
  var step: ExecutablePlan.Step { plan.steps[1] }

  @Test func anAccountAsPlannedProceeds() {
    let observation = AccountObservation(
      id: "222222222200", state: "ACTIVE", path: "Root/Prod", tags: [:])
    #expect(
      PreCallCheck.verdict(step, observation: observation, plan: plan, protection: .init())
        == .proceed)
  }

  @Test(arguments: [
    AccountObservation(id: "222222222200", state: "ACTIVE", path: "Root/Dev"),
    AccountObservation(id: "222222222200", state: "SUSPENDED", path: "Root/Prod"),
    AccountObservation(id: "222222222200", state: nil),
    AccountObservation(
      id: "222222222200", state: "ACTIVE", path: "Root/Prod", tags: ["keep": "yes"]),
    AccountObservation(id: "333333333333", state: "ACTIVE", path: "Root/Prod"),
    AccountObservation(id: "111111111111", state: "ACTIVE", path: "Root"),
  ])
  func driftIsSkipped(_ observation: AccountObservation) {
    let verdict = PreCallCheck.verdict(
      step, observation: observation, plan: plan, protection: .init(tags: ["keep": ""]))
    guard case .drift = verdict else {
      Issue.record("\(verdict)")
      return
    }
  }

  @Test func aProtectedAccountIsNeverClosed() {
    let observation = AccountObservation(id: "222222222200", state: "ACTIVE", path: "Root/Prod")
    let verdict = PreCallCheck.verdict(
      step, observation: observation, plan: plan, protection: .init(accounts: ["222222222200"]))
    #expect(verdict != .proceed)
  }

  // rule X3: PENDING_CLOSURE means the close took effect.
  @Test func aClosureInProgressIsAlreadyDone() {
    let observation = AccountObservation(
      id: "222222222200", state: "PENDING_CLOSURE", path: "Root/Prod")
    #expect(
      PreCallCheck.verdict(step, observation: observation, plan: plan, protection: .init())
        == .alreadyDone("PENDING_CLOSURE"))
    #expect(
      PreCallCheck.reconcile(step, observation: observation) == .tookEffect("PENDING_CLOSURE"))
    #expect(
      PreCallCheck.reconcile(step, observation: .init(id: "222222222200", state: "ACTIVE"))
        == .notYet)
  }
}
