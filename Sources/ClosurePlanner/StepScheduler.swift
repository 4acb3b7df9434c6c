import OrgGraph

/// The scheduler: a pure function from a step graph, the closure quota and a start date to
/// the plan's steps with their waves, quota windows and dates.
struct StepScheduler {
  /// How many `close-account` steps each rolling window takes (rule B11).
  struct Quota: Equatable {
    /// Closures per window.
    var perWindow: Int
    /// Room left in the first window once recent closures are counted (rules B11, B12).
    var firstWindow: Int
  }

  /// The steps in plan order and the number of quota windows used.
  struct Schedule {
    var steps: [ClosurePlan.Step]
    var windows: Int
  }

  let graph: StepGraph
  /// The steps that use the closure quota, with the order in which they use it.
  let closeSteps: [(key: CloseOrderKey, step: Int)]
  let quota: Quota
  let startDate: CalendarDay

  /// Schedules `graph`: see the type.
  ///
  /// - Throws: `PlanningError.cyclicSteps` when the prerequisites form a cycle.
  static func schedule(
    _ graph: StepGraph, closeSteps: [(key: CloseOrderKey, step: Int)], quota: Quota,
    startDate: CalendarDay
  ) throws(PlanningError) -> Schedule {
    try StepScheduler(graph: graph, closeSteps: closeSteps, quota: quota, startDate: startDate)
      .run()
  }

  private func run() throws(PlanningError) -> Schedule {
    let drafts = graph.drafts
    let (window, used) = closeWindows()
    // Kept apart from the drafts, which the assembly shares: setting a draft's own date
    // would copy them all.
    var earliest = drafts.map(\.earliest)
    for (step, number) in window.enumerated() {
      guard let number else { continue }
      earliest[step] = startDate.adding(days: (number - 1) * CloseQuotaRule.windowDays)
    }
    let order: [Int]
    do {
      order = try topologicalOrder(nodeCount: drafts.count) { drafts[$0].after }
    } catch {
      switch error {
      case .cycle(let path): throw .cyclicSteps(path.map { drafts[$0].id.rawValue })
      case .unknownNode(_, let node): throw .cyclicSteps([drafts[node].id.rawValue])
      }
    }
    let wave = waves(order: order) { drafts[$0].after }
    let date = dates(drafts, earliest: earliest, order: order)
    let steps = planOrder(drafts, wave: wave).map { index in
      ClosurePlan.Step(
        drafts[index].action, after: prerequisiteIDs(drafts, drafts[index].after),
        wave: wave[index], window: window[index], notBefore: date[index],
        tasks: drafts[index].tasks)
    }
    return Schedule(steps: steps, windows: used)
  }

  /// Each step's rolling 30-day window (rule B11), by step index (`nil` for the steps that
  /// do not use the quota), and the number of windows used.
  ///
  /// Steps take places in `(priority, path, id)` order, the first window reduced by recent
  /// closures.
  func closeWindows() -> (window: [Int?], used: Int) {
    var window = [Int?](repeating: nil, count: graph.count)
    var number = 1
    var room = quota.firstWindow
    for (_, step) in closeSteps.sorted(by: { $0.key < $1.key }) {
      while room == 0 {
        number += 1
        room = quota.perWindow
      }
      room -= 1
      window[step] = number
    }
    return (window, closeSteps.isEmpty ? 0 : number)
  }

  /// Each step's date: its own `earliest`, and no earlier than each prerequisite's date plus
  /// its delay.
  private func dates(_ drafts: [StepDraft], earliest: [CalendarDay?], order: [Int])
    -> [CalendarDay]
  {
    var date = [CalendarDay](repeating: startDate, count: drafts.count)
    for node in order {
      var day = max(startDate, earliest[node] ?? startDate)
      let delay = drafts[node].delayAfterPrerequisites
      for prerequisite in drafts[node].after {
        day = max(day, date[prerequisite].adding(days: delay))
      }
      date[node] = day
    }
    return date
  }

  /// The positions of the steps in plan order: by wave, then by ID (positions break ties, so
  /// the order never rests on the sort being stable).
  private func planOrder(_ drafts: [StepDraft], wave: [Int]) -> [Int] {
    var order = Array(drafts.indices)
    order.sort { (wave[$0], drafts[$0].id, $0) < (wave[$1], drafts[$1].id, $1) }
    return order
  }

  /// The IDs of `prerequisites`, sorted, each once.
  private func prerequisiteIDs(_ drafts: [StepDraft], _ prerequisites: [Int]) -> [StepID] {
    var ids = prerequisites.map { drafts[$0].id }
    guard ids.count > 1 else { return ids }
    ids.sort()
    var kept = 1
    for index in 1..<ids.count where ids[index] != ids[kept - 1] {
      ids[kept] = ids[index]
      kept += 1
    }
    ids.removeLast(ids.count - kept)
    return ids
  }
}
