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
}

/// The step graph being built: steps, each naming its prerequisites by index.
///
/// It only collects steps and edges; `StepScheduler` orders and dates them.
struct StepGraph {
  private(set) var drafts: [StepDraft] = []

  var count: Int { drafts.count }
  var indices: Range<Int> { drafts.indices }

  subscript(index: Int) -> StepDraft {
    get { drafts[index] }
    set { drafts[index] = newValue }
  }

  /// Appends steps added to another graph, their prerequisites' indices mapped by `moved`,
  /// which keeps the indices below `base` (the steps both graphs share).
  mutating func append(
    _ added: ArraySlice<StepDraft>, base: Int, moving moved: (Int) -> Int
  ) {
    drafts.reserveCapacity(drafts.count + added.count)
    for var draft in added {
      if draft.after.contains(where: { $0 >= base }) { draft.after = draft.after.map(moved) }
      drafts.append(draft)
    }
  }

  /// Appends a step and returns its index.
  @discardableResult
  mutating func add(
    _ action: StepAction, after: [Int] = [], tasks: [StepTask] = [], earliest: CalendarDay? = nil
  ) -> Int {
    drafts.append(
      StepDraft(action: action, id: action.id, after: after, tasks: tasks, earliest: earliest))
    return drafts.count - 1
  }
}
