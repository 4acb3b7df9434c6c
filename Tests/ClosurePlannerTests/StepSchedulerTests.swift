import OrgGraph
import TestSupport
import Testing

@testable import ClosurePlanner

/// The scheduler on its own: a hand-built step graph, a quota and a start date in, waves,
/// windows and dates out.
@Suite struct StepSchedulerTests {
  let start = Fixtures.startDate

  /// `export-billing-history`, then five members' `close-account` steps after it.
  func graph() -> (StepGraph, [(key: CloseOrderKey, step: Int)]) {
    var graph = StepGraph()
    let export = graph.add(.exportBillingHistory)
    var closes: [(key: CloseOrderKey, step: Int)] = []
    for n in 1...5 {
      let close = graph.add(
        .closeAccount(AccountID(unchecked: String(repeating: "\(n)", count: 12))), after: [export])
      // Priorities in reverse: the last member uses the quota first.
      closes.append((CloseOrderKey(priority: 10 - n, pathRank: 0, position: n), close))
    }
    return (graph, closes)
  }

  @Test("rule B11: close steps fill the windows in (priority, path, id) order")
  func windowsFollowTheOrderKey() throws {
    let (graph, closes) = graph()
    let schedule = try StepScheduler.schedule(
      graph, closeSteps: closes, quota: .init(perWindow: 2, firstWindow: 1), startDate: start)
    #expect(schedule.windows == 3)
    let window = Dictionary(
      uniqueKeysWithValues: schedule.steps.compactMap { step in
        step.action.account.map { ($0.rawValue.prefix(1), step.window) }
      })
    #expect(window == ["5": 1, "4": 2, "3": 2, "2": 3, "1": 3])
    let dates = Set(schedule.steps.compactMap(\.notBefore))
    #expect(dates == [start, start.adding(days: 30), start.adding(days: 60)])
  }

  @Test("rules B11, B12: recent closures that use up the first window leave it empty")
  func exhaustedFirstWindow() throws {
    let (graph, closes) = graph()
    let schedule = try StepScheduler.schedule(
      graph, closeSteps: closes, quota: .init(perWindow: 5, firstWindow: 0), startDate: start)
    #expect(schedule.windows == 2)
    #expect(schedule.steps.allSatisfy { $0.window == nil || $0.window == 2 })
  }

  @Test("waves follow prerequisites, a delay follows the latest one, and order is (wave, id)")
  func wavesDelaysAndOrder() throws {
    var graph = StepGraph()
    let export = graph.add(.exportBillingHistory)
    let late = graph.add(.deleteOrganization, after: [export], earliest: start.adding(days: 5))
    let wait = graph.add(.awaitPermanentClosure, after: [late, export, late])
    graph[wait].delayAfterPrerequisites = 97  // rule C18, with the buffer
    let schedule = try StepScheduler.schedule(
      graph, closeSteps: [], quota: .init(perWindow: 250, firstWindow: 250), startDate: start)
    #expect(schedule.windows == 0)
    #expect(
      schedule.steps.map(\.id.rawValue) == [
        "export-billing-history", "delete-organization", "await-permanent-closure",
      ])
    #expect(schedule.steps.map(\.wave) == [0, 1, 2].map { schedule.steps[0].wave + $0 })
    #expect(schedule.steps[1].notBefore == start.adding(days: 5))
    #expect(schedule.steps[2].notBefore == start.adding(days: 5 + 97))
    #expect(
      schedule.steps[2].after.map(\.rawValue) == ["delete-organization", "export-billing-history"])
  }

  @Test("a cycle in the graph is refused")
  func cyclesAreRefused() {
    var graph = StepGraph()
    let first = graph.add(.exportBillingHistory)
    let second = graph.add(.deleteOrganization, after: [first])
    graph[first].after = [second]
    #expect(throws: PlanningError.self) {
      try StepScheduler.schedule(
        graph, closeSteps: [], quota: .init(perWindow: 1, firstWindow: 1), startDate: start)
    }
  }
}
