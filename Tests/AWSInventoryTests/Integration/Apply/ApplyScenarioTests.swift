import Foundation
import PlanExecution
import Testing

/// Whole shutdowns of a moto organization through the fault-injecting proxy, driven to the
/// end by repeated `apply` runs and `done`, with the test clock spanning quota windows and
/// the 90-day wait.
@Suite(.timeLimit(.minutes(30)))
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
    // Rule B13: 20 s between CloseAccount calls, refused ones and retries included, by the
    // clock apply runs on (the test clock moves only when apply waits).
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
    // Protected accounts are removed, never closed; the management account is never a subject.
    #expect(log.filter { $0.op == "CloseAccount" && protected.contains($0.account ?? "") }.isEmpty)
    let management = lab.manifest.managementAccountId
    #expect(
      log.filter { ApplyResilienceTests.mutating.contains($0.op) && $0.account == management }
        .isEmpty)
  }

  @Test(arguments: ["close-in-place", "close-then-delete"])
  func wholeShutdownOf60Accounts(strategy: String) async throws {
    // A quota of 25 with 5 closures before the start: three 30-day windows (rule B11).
    let lab = try await ApplyLab.start(
      accounts: 60,
      policy: [
        "strategy": strategy, "closeQuota": 25, "closuresInLast30Days": 5,
        "defaults": ["dataBackedUp": true],
      ],
      rules: ["quota": 25, "pendingPolls": 0], protectFirstMember: true)
    defer { lab.stop() }
    let protected = try #require(lab.members.first)
    _ = try await lab.driveToTheEnd()
    let closed = lab.members.filter { $0 != protected }
    try Self.checkProxyLog(lab, quota: 25, closed: closed, protected: [protected])
    let log = try lab.proxyLog()
    let deleted = log.contains { $0.op == "DeleteOrganization" && $0.result == "ok" }
    #expect(deleted == (strategy == "close-then-delete"))
    #expect(try lab.journalRecords().first?.event == .header)
  }

  @Test func wholeShutdownOf60AccountsRemoveThenDelete() async throws {
    let lab = try await ApplyLab.start(
      accounts: 60, policy: ["strategy": "remove-then-delete", "defaults": ["dataBackedUp": true]],
      rules: ["pendingPolls": 0])
    defer { lab.stop() }
    _ = try await lab.driveToTheEnd()
    let log = try lab.proxyLog()
    let removed = log.filter { $0.op == "RemoveAccountFromOrganization" && $0.result == "ok" }
    for account in lab.members {
      #expect(removed.filter { $0.account == account }.count == 1, "\(account) removals")
    }
    #expect(log.filter { $0.op == "CloseAccount" }.isEmpty)
    #expect(log.contains { $0.op == "DeleteOrganization" && $0.result == "ok" })
  }
}
