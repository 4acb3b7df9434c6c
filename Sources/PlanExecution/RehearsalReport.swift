import ClosurePlanner
public import OrgGraph

/// What a rehearsal achieved beside what the plan said: each phase's dates, the closures
/// made per 30 days against AWS's bound, and when the last member was closed.
public struct RehearsalReport: Sendable {
  /// One phase (a step action, a closure window on its own): planned and achieved dates.
  public struct Phase: Sendable {
    public var name: String
    public var steps: Int
    public var planned: ClosedRange<CalendarDay>?
    public var achieved: ClosedRange<CalendarDay>?
    /// Steps of the phase not done when the rehearsal ended.
    public var undone: Int
  }

  public var phases: [Phase] = []
  /// When each accepted `CloseAccount` was made, in order.
  public var closures: [Timestamp] = []
  /// Closures in each 30-day window from the first closure, for the windows that ended
  /// before the last closure (full windows, where the pace was not limited by members left).
  public var fullWindows: [Int] = []
  /// AWS's bound on closures per 30 days: the quota, or 3 in flight at the closure time.
  public var bound: Int
  public var estimatedCompletion: CalendarDay?

  public init(
    plan: ExecutablePlan, result: Rehearsal.Result, calls: [FakeOrganization.Call],
    closureMinutes: Double
  ) {
    estimatedCompletion = plan.estimatedCompletion
    let window: Int64 = 30 * 86_400
    let inFlightBound = Int(Double(plan.quota.concurrent) * Double(window) / (closureMinutes * 60))
    bound = min(plan.quota.perWindow, inFlightBound)
    closures = calls.filter { $0.operation == .closeAccount && $0.tookEffect }.map(\.time)
    if let first = closures.first, let last = closures.last {
      var start = first
      while start.adding(seconds: window) <= last {
        let end = start.adding(seconds: window)
        fullWindows.append(closures.filter { $0 >= start && $0 < end }.count)
        start = end
      }
    }
    var order: [String] = []
    var groups: [String: [ExecutablePlan.Step]] = [:]
    for step in plan.steps {
      var name = step.action.name.rawValue
      if let window = step.window, step.isClosure { name += " (window \(window))" }
      if groups[name] == nil { order.append(name) }
      groups[name, default: []].append(step)
    }
    phases = order.map { name in
      let steps = groups[name] ?? []
      let planned = steps.compactMap(\.notBefore)
      let achieved = steps.compactMap { result.completions[$0.id]?.day }
      return Phase(
        name: name, steps: steps.count,
        planned: planned.min().flatMap { low in planned.max().map { low...$0 } },
        achieved: achieved.min().flatMap { low in achieved.max().map { low...$0 } },
        undone: steps.count - achieved.count)
    }
  }

  /// The full windows' mean against the bound, when there was a full window.
  public var shareOfBound: Double? {
    guard !fullWindows.isEmpty, bound > 0 else { return nil }
    return Double(fullWindows.reduce(0, +)) / Double(fullWindows.count) / Double(bound)
  }

  public var lastClosure: Timestamp? { closures.last }
}
