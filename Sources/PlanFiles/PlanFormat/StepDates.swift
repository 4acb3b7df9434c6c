import ClosurePlanner
import OrgGraph

/// The date a step inherits.
///
/// The latest of the plan's start date, its prerequisites' dates and, for a closure, the
/// first day of its window. Format 2 stores a step's `notBefore` only
/// where it differs from that (a waiting period), so the dates of a plan are read as they
/// were written.
///
/// Steps are seen in plan order, where every prerequisite comes first.
struct StepDates {
  private let startDate: CalendarDay
  private let windowDays: Int
  private var dates: [StepID: CalendarDay] = [:]

  init(startDate: CalendarDay, windowDays: Int, capacity: Int) {
    self.startDate = startDate
    self.windowDays = windowDays
    dates.reserveCapacity(capacity)
  }

  /// The date `step` inherits from the steps recorded so far; a prerequisite not yet seen
  /// adds nothing (the reader reports it).
  func inherited(by step: ClosurePlan.Step) -> CalendarDay {
    var day = startDate
    if let window = step.window, window > 1 {
      day = startDate.adding(days: windowDays * (window - 1))
    }
    for id in step.after {
      if let date = dates[id], date > day { day = date }
    }
    return day
  }

  /// Records the date of `step`: its own, or the one it inherits.
  mutating func record(_ step: ClosurePlan.Step, inherited: CalendarDay) {
    dates[step.id] = step.notBefore ?? inherited
  }
}
