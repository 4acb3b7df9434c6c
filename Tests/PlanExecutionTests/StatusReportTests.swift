import ClosurePlanner
import OrgGraph
import PlanExecution
import Testing

/// What `orgclose status` reports, from the plan and the journal alone.
@Suite struct StatusReportTests {
  static let header = JournalRecord(
    .header(.init(organization: OrganizationID(unchecked: "o-abcdefghij"), planDigest: "d")),
    at: start)

  static func failed(_ account: String, code: String, reason: String?) -> [JournalRecord] {
    let request = closeRequest(account)
    return [
      JournalRecord(.started(closeStep(account), request), at: start),
      JournalRecord(
        .failed(
          closeStep(account),
          .init("failed", request: request, error: AWSError(code, reason: reason))),
        at: start),
    ]
  }

  @Test("rule X2: only the closure limits among ConstraintViolationException reasons are pacing")
  func onlyClosureLimitsArePacing() throws {
    let plan = closurePlan(closures: 5)
    let journal = JournalState(
      [Self.header] + [done(billing)]
        + Self.failed(
          "222222222200", code: "ConstraintViolationException",
          reason: "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED")
        + Self.failed(
          "222222222201", code: "ConstraintViolationException",
          reason: "MASTER_ACCOUNT_MISSING_CONTACT_INFO")
        + Self.failed("222222222202", code: "TooManyRequestsException", reason: nil)
        + Self.failed("222222222203", code: "AccessDeniedException", reason: nil)
        + Self.failed("222222222204", code: "ServiceException", reason: nil))
    let report = StatusReport(plan: plan, journal: journal, now: start.adding(seconds: 3600))
    let category = Dictionary(
      uniqueKeysWithValues: report.entries.map { ($0.step.id, $0.category) })
    #expect(category[closeStep("222222222200")] == .due)
    #expect(category[closeStep("222222222201")] == .failed)
    #expect(category[closeStep("222222222202")] == .due)
    // A person must grant the permission: apply does not retry it by itself.
    #expect(category[closeStep("222222222203")] == .failed)
    // Rule X5: a 5xx is an unknown outcome, not a failure: the call is still in flight, and
    // the next apply reads the state to settle it.
    #expect(category[closeStep("222222222204")] == .running)
  }

  @Test("steps waiting for a date are listed soonest first, with the date")
  func datedWaitsSoonestFirst() throws {
    // Quota 1: the second and third closures wait for the window to move (rule B11).
    let plan = closurePlan(closures: 3, quota: 1)
    let journal = JournalState(
      [Self.header] + [done(billing)] + closed("222222222200", at: start))
    let report = StatusReport(plan: plan, journal: journal, now: start.adding(seconds: 60))
    let waits = report.datedWaits
    #expect(waits.map(\.step.id) == [closeStep("222222222201"), closeStep("222222222202")])
    #expect(waits.allSatisfy { $0.until == start.adding(seconds: 30 * 86_400) })
    #expect(report.next == start.adding(seconds: 30 * 86_400))
  }
}
