import ClosurePlanner
import OrgGraph

/// The date a step inherits.
///
/// The latest of the plan's start date, its prerequisites' dates and, for a closure, the
/// first day of its window. Format 2 stores a step's `notBefore` only where it differs from
/// that (a waiting period), so the writer and the reader apply this one rule.
enum StepDates {
  static func inherited(
    startDate: CalendarDay, windowDays: Int, window: Int?,
    prerequisites: some Sequence<CalendarDay?>
  ) -> CalendarDay {
    var day = startDate
    if let window, window > 1 { day = startDate.adding(days: windowDays * (window - 1)) }
    for date in prerequisites {
      if let date, date > day { day = date }
    }
    return day
  }
}
