import ClosurePlanner
import OrgGraph
import PlanExecution
import Testing

/// What `orgclose status` reports, from the plan and the journal alone.
@Suite struct StatusReportTests {
  static func failed(_ account: String, code: String, reason: String?) -> [JournalRecord] {
    let request = APIRequest(.organizations, "CloseAccount", [.init("AccountId", account)])
    return [
      JournalRecord(.started, time: start, step: "close-account:\(account)", request: request),
      JournalRecord(
        .failed, time: start, step: "close-account:\(account)", request: request,
        outcome: "failed", errorCode: code, reason: reason),
    ]
  }

  @Test("rule X2: only the closure limits among ConstraintViolationException reasons are pacing")
  func onlyClosureLimitsArePacing() throws {
    let plan = closurePlan(closures: 3)
    let journal = JournalState(
      [JournalRecord(.header, time: start, organization: "o-abcdefghij", planDigest: "d")]
        + [done("export-billing-history")]
        + Self.failed(
          "222222222200", code: "ConstraintViolationException",
          reason: "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED")
        + Self.failed(
          "222222222201", code: "ConstraintViolationException",
          reason: "MASTER_ACCOUNT_MISSING_CONTACT_INFO")
        + Self.failed("222222222202", code: "TooManyRequestsException", reason: nil))
    let report = StatusReport(plan: plan, journal: journal, now: start.adding(seconds: 3600))
    let category = Dictionary(
      uniqueKeysWithValues: report.entries.map { ($0.step.id, $0.category) })
    #expect(category["close-account:222222222200"] == .due)
    #expect(category["close-account:222222222201"] == .failed)
    #expect(category["close-account:222222222202"] == .due)
  }

  @Test("steps waiting for a date are listed soonest first, with the date")
  func datedWaitsSoonestFirst() throws {
    // Quota 1: the second and third closures wait for the window to move (rule B11).
    let plan = closurePlan(closures: 3, quota: 1)
    let journal = JournalState(
      [JournalRecord(.header, time: start, organization: "o-abcdefghij", planDigest: "d")]
        + [done("export-billing-history")] + closed("222222222200", at: start))
    let report = StatusReport(plan: plan, journal: journal, now: start.adding(seconds: 60))
    let waits = report.datedWaits
    #expect(waits.map(\.step.id) == ["close-account:222222222201", "close-account:222222222202"])
    #expect(waits.allSatisfy { $0.until == start.adding(seconds: 30 * 86_400) })
    #expect(report.next == start.adding(seconds: 30 * 86_400))
  }
}
