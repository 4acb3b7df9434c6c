import OrgGraph

/// A step while the plan is being assembled: prerequisites are indices, dates not yet known.
struct StepDraft {
  var action: StepAction
  let id: StepID
  var after: [Int]
  var tasks: [StepTask]
  /// Its own earliest date, before prerequisites are considered.
  var earliest: CalendarDay?
  /// Days that must pass after the latest prerequisite's date (the 90-day rule C18).
  var delayAfterPrerequisites = 0
  var window: Int?
}
