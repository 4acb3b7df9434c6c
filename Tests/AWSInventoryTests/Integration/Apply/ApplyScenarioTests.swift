import Foundation
import PlanExecution
import Testing

/// A whole shutdown of a small moto organization through the fault-injecting proxy, driven to the
/// end by repeated `apply` runs and `done`, with the test clock spanning the 90-day wait.
///
/// Every other scenario is proven in-process against FakeOrganization (ApplyEngineTests).
@Suite(.timeLimit(.minutes(10)))
struct ApplyScenarioTests {
  /// Checks what the proxy saw: no limit broken (rules B11, B12), every closed member closed
  /// by exactly one accepted CloseAccount, nothing protected or the management account touched.
  static func checkProxyLog(_ lab: ApplyLab, quota: Int, closed: [String], protected: [String])
    throws
  {
    let log = try lab.proxyLog()
    #expect(log.filter { $0.violation != nil }.isEmpty, "a limit was broken")
    let accepted = log.filter { $0.op == "CloseAccount" && $0.result == "ok" }
    for account in closed {
      #expect(accepted.filter { $0.account == account }.count == 1, "\(account) closures")
    }
    // Rule B12: never a 4th closure while 3 are in progress.
    #expect(accepted.allSatisfy { $0.pendingBefore < 3 })
    // Rule B13: 20 s between CloseAccount calls, by the clock apply runs on.
    // (A dropped answer is logged twice, as answered and as dropped: one call.)
    let sent = log.filter { $0.op == "CloseAccount" && $0.result != "dropped" }.map(\.t)
    for (earlier, later) in zip(sent, sent.dropFirst()) {
      #expect(later - earlier >= 19.999, "CloseAccount calls \(later - earlier) s apart")
    }
    // Rule B11: no rolling 30 days with more accepted closures than the quota.
    for first in accepted {
      let window = accepted.filter { $0.t >= first.t && $0.t < first.t + 30 * 86_400 }
      #expect(window.count <= quota, "\(window.count) closures in 30 days from \(first.t)")
    }
    #expect(log.filter { $0.op == "CloseAccount" && protected.contains($0.account ?? "") }.isEmpty)
    let management = lab.manifest.managementAccountId
    #expect(
      log.filter { ApplyResilienceTests.mutating.contains($0.op) && $0.account == management }
        .isEmpty)
  }

  /// Quota windows, faults and crashes are proven in-process (ApplyEngineTests); this is the
  /// same engine through the real `aws` CLI: a protected member removed, two closed, the
  /// 90 days waited out on the test clock, the organization deleted.
  @Test func wholeCloseThenDeleteShutdownOfASmallOrganization() async throws {
    let lab = try await ApplyLab.start(
      accounts: 4,
      policy: ["strategy": "close-then-delete", "defaults": ["dataBackedUp": true]],
      rules: ["pendingPolls": 0], protectFirstMember: true)
    defer { lab.stop() }
    let protected = try #require(lab.members.first)
    _ = try await lab.driveToTheEnd()
    try Self.checkProxyLog(
      lab, quota: 250, closed: lab.members.filter { $0 != protected }, protected: [protected])
    let log = try lab.proxyLog()
    #expect(log.contains { $0.op == "RemoveAccountFromOrganization" && $0.account == protected })
    #expect(log.contains { $0.op == "DeleteOrganization" && $0.result == "ok" })
    let records = try lab.journalRecords()
    #expect(records.filter { $0.event.kind == .header }.count == 1)
  }
}
