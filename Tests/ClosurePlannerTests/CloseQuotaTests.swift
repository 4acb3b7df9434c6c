import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

@Suite struct CloseQuotaTests {
  struct QuotaCase: Sendable, CustomTestStringConvertible {
    var members: Int
    var perWindow: Int
    var testDescription: String { "\(members) members allow \(perWindow)" }
  }

  @Test(
    "rule B11: min(1000, max(250, floor(0.2 x members)))",
    arguments: [
      QuotaCase(members: 0, perWindow: 250), QuotaCase(members: 249, perWindow: 250),
      QuotaCase(members: 250, perWindow: 250), QuotaCase(members: 1_249, perWindow: 250),
      QuotaCase(members: 1_250, perWindow: 250), QuotaCase(members: 1_254, perWindow: 250),
      QuotaCase(members: 1_255, perWindow: 251), QuotaCase(members: 4_999, perWindow: 999),
      QuotaCase(members: 5_000, perWindow: 1_000), QuotaCase(members: 5_001, perWindow: 1_000),
      QuotaCase(members: 50_000, perWindow: 1_000),
    ])
  func ruleB11QuotaTiers(_ c: QuotaCase) {
    #expect(CloseQuotaRule.closuresPerWindow(memberCount: c.members) == c.perWindow)
  }

  struct WindowCase: Sendable, CustomTestStringConvertible {
    var members: Int
    var recent: Int
    var windows: Int
    var firstWindow: Int
    var testDescription: String { "\(members) members, \(recent) recent: \(windows) windows" }
  }

  @Test(
    "rule B11: close steps fill rolling 30-day windows in order",
    arguments: [
      WindowCase(members: 1, recent: 0, windows: 1, firstWindow: 250),
      WindowCase(members: 250, recent: 0, windows: 1, firstWindow: 250),
      WindowCase(members: 251, recent: 0, windows: 2, firstWindow: 250),
      WindowCase(members: 250, recent: 1, windows: 2, firstWindow: 249),
      WindowCase(members: 300, recent: 250, windows: 3, firstWindow: 0),
      WindowCase(members: 300, recent: 400, windows: 3, firstWindow: 0),
      WindowCase(members: 1_300, recent: 0, windows: 5, firstWindow: 260),
      WindowCase(members: 6_000, recent: 0, windows: 6, firstWindow: 1_000),
    ])
  func ruleB11Windows(_ c: WindowCase) throws {
    let members = (1...c.members).map { Fixtures.member($0) }
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: members), policy: Policy(closuresInLast30Days: c.recent))
    #expect(plan.closeQuota.windows == c.windows)
    #expect(plan.closeQuota.firstWindow == c.firstWindow)
    let closes = plan.steps.filter { $0.action.name.rawValue == "close-account" }
    #expect(closes.count == c.members)
    var perWindow: [Int: Int] = [:]
    for step in closes {
      let window = try #require(step.window)
      perWindow[window, default: 0] += 1
      #expect(step.notBefore == Fixtures.startDate.adding(days: 30 * (window - 1)))
    }
    for (window, count) in perWindow {
      #expect(count <= (window == 1 ? c.firstWindow : plan.closeQuota.perWindow))
    }
    #expect(perWindow.keys.max() == c.windows)
  }

  @Test("rule B11: windows are assigned in (priority, path, id) order")
  func windowOrderFollowsPriorityPathAndID() throws {
    let prod = OrganizationalUnit(
      id: Fixtures.unit("prod"), name: "Prod", parent: .root(Fixtures.rootID))
    let members = (1...260).map { n in
      Fixtures.member(n, parent: n <= 10 ? .organizationalUnit(prod.id) : nil)
    }
    var policy = Policy(closeQuota: 250)
    policy.accounts[Fixtures.account(260)] = AccountPolicy(priority: 1)
    let plan = try Fixtures.plan(
      try Fixtures.organization(members: members, units: [prod]), policy: policy)
    // Priority 1 goes first; then "Root" sorts before "Root/Prod"; the Prod accounts come last.
    #expect(plan.step("close-account:\(Fixtures.account(260))")?.window == 1)
    #expect(plan.step("close-account:\(Fixtures.account(11))")?.window == 1)
    #expect(plan.step("close-account:\(Fixtures.account(1))")?.window == 2)
    #expect(plan.closeQuota.source == "policy closeQuota")
  }

  @Test("rules B11, B12: members already PENDING_CLOSURE count against the first window")
  func pendingClosuresReduceTheFirstWindow() throws {
    let members =
      (1...3).map { Fixtures.member($0, state: .pendingClosure) }
      + (4...10).map { Fixtures.member($0) }
    let plan = try Fixtures.plan(try Fixtures.organization(members: members))
    // The policy's figure is recorded as given; the pending members come on top of it.
    #expect(plan.closeQuota.closuresInLast30Days == 0)
    #expect(plan.closeQuota.firstWindow == 247)
    #expect(plan.findings("CLOSE_QUOTA_FIRST_WINDOW").count == 1)
    #expect(plan.findings("CLOSE_CONCURRENCY_FULL").count == 1)
    #expect(plan.findings("CLOSE_CONCURRENCY_FULL").first?.severity == .warning)
  }
}
