import ClosurePlanner
import OrgGraph

/// The plan as dated phases: preparation, the closure windows, the waits, the organization's
/// end and the day it is finally gone.
///
/// Built from the steps' earliest dates, so it shows when each phase can start and the
/// shortest it can take, not a forecast of how long people will need.
struct Timeline {
  /// One bar or milestone.
  struct Entry: Equatable {
    enum Section: String, CaseIterable {
      case preparation = "Export and preparation"
      case closures = "Closures"
      case waits = "Waits"
      case end = "The end of the organization"
    }

    var section: Section
    /// A short identifier, unique in the timeline (`w1`, `wait-transfer-1`).
    var id: String
    var title: String
    var start: CalendarDay
    /// Whole days; 0 for a milestone.
    var days: Int

    var isMilestone: Bool { days == 0 }
    var end: CalendarDay { start.adding(days: days) }
  }

  /// Closure windows drawn as bars of their own; the rest share one bar.
  static let windowBars = 24

  /// The post-closure period after which a closed account is permanently closed (rule C18).
  static let postClosureDays = 90

  private(set) var entries: [Entry] = []

  init(_ plan: ClosurePlan) {
    let start = plan.startDate
    var preparation: [CalendarDay] = []
    var closesPerWindow: [Int: Int] = [:]
    var rootCloses: [CalendarDay] = []
    var removalWaits: [CalendarDay] = []
    var transferEnds: [(String, CalendarDay)] = []
    // Only the organization's last steps are looked up by ID; indexing every step of a large
    // plan would cost more than the rest of the timeline.
    var byID: [StepID: ClosurePlan.Step] = [:]
    // Each step is borrowed, not copied: a copy retains the step's arrays.
    func visit(_ step: borrowing ClosurePlan.Step) {
      if step.account == nil { byID[step.id] = copy step }
      let day = step.notBefore ?? start
      switch step.action.name {
      case .exportBillingHistory:
        add(.preparation, "export", "Export billing history", day, 1)
      case .prepareAccount, .unmanageControlTowerAccount, .deregisterDelegatedAdmin,
        .resetRootPassword, .enableRootPasswordRecovery, .completeStandaloneSignup,
        .cancelInvitation, .endResponsibilityTransfer:
        preparation.append(day)
      case .closeAccount:
        closesPerWindow[step.window ?? 1, default: 0] += 1
      case .closeAccountAsRoot, .closeStandaloneAccount:
        rootCloses.append(day)
      case .removeAccount where day > start:
        removalWaits.append(day)
      case .awaitResponsibilityTransferEnd:
        if case .awaitResponsibilityTransferEnd(let transfer) = step.action {
          transferEnds.append((transfer.rawValue, day))
        }
      default:
        break
      }
    }
    plan.steps.withUnsafeBufferPointer { steps in
      for index in steps.indices { visit(steps[index]) }
    }
    if let first = preparation.min(), let last = preparation.max() {
      add(
        .preparation,
        "prepare", "Preparation (\(TextFormatting.counted(preparation.count, "step", "steps")))",
        first, last.daysSince1970 - first.daysSince1970 + 1)
    }
    let windows = closesPerWindow.keys.sorted()
    let windowDays = plan.closeQuota.windowDays
    for window in windows.prefix(Self.windowBars - 1) {
      let count = closesPerWindow[window] ?? 0
      add(
        .closures, "w\(window)",
        "Window \(window) (\(TextFormatting.counted(count, "closure", "closures")))",
        start.adding(days: (window - 1) * windowDays), windowDays)
    }
    // A calendar of hundreds of windows is drawn as its first windows and one bar for the rest.
    if windows.count >= Self.windowBars, let first = windows.dropFirst(Self.windowBars - 1).first,
      let last = windows.last
    {
      let count = windows.dropFirst(Self.windowBars - 1).reduce(0) {
        $0 + (closesPerWindow[$1] ?? 0)
      }
      add(
        .closures, "w\(first)",
        (first == last ? "Window \(first)" : "Windows \(first) to \(last)")
          + " (\(TextFormatting.counted(count, "closure", "closures")))",
        start.adding(days: (first - 1) * windowDays), (last - first + 1) * windowDays)
    }
    if let first = rootCloses.min(), let last = rootCloses.max() {
      add(
        .closures, "root-closes",
        "Closures as root (\(TextFormatting.counted(rootCloses.count, "account", "accounts")))",
        first, last.daysSince1970 - first.daysSince1970 + 1)
    }
    if let last = removalWaits.max() {
      add(
        .waits, "removal-wait",
        "4-day removal wait (\(TextFormatting.counted(removalWaits.count, "account", "accounts")))",
        start, last.daysSince1970 - start.daysSince1970)
    }
    for (number, (transfer, end)) in transferEnds.enumerated() where end > start {
      add(
        .waits, "transfer-\(number + 1)", "Transfer \(transfer) ends", start,
        end.daysSince1970 - start.daysSince1970)
    }
    if let wait = byID[StepAction.awaitPermanentClosure.id], let end = wait.notBefore {
      let prerequisites = Set(wait.after)
      let from =
        plan.steps.lazy.filter { prerequisites.contains($0.id) }.compactMap(\.notBefore).max()
        ?? start
      add(
        .waits, "post-closure", "90-day post-closure period of closed members", from,
        max(1, end.daysSince1970 - from.daysSince1970))
    }
    if let step = byID[StepAction.decommissionLandingZone.id] {
      add(.end, "landing-zone", "Decommission the landing zone", step.notBefore ?? start, 0)
    }
    let deletion = byID[StepAction.deleteOrganization.id]
    if let deletion {
      add(.end, "delete", "DeleteOrganization", deletion.notBefore ?? start, 0)
    }
    let management = plan.steps.last { $0.action.name == .closeManagementAccount }
    if let management {
      add(.end, "management", "Close the management account", management.notBefore ?? start, 0)
    }
    // Without DeleteOrganization, AWS deletes the organization when the management account's
    // post-closure period ends (rule F45).
    if let day = deletion?.notBefore {
      add(.end, "gone", "Organization gone", day, 0)
    } else if let day = management?.notBefore {
      add(.end, "gone", "Organization gone", day.adding(days: Self.postClosureDays), 0)
    }
  }

  private mutating func add(
    _ section: Entry.Section, _ id: String, _ title: String, _ start: CalendarDay, _ days: Int
  ) {
    entries.append(Entry(section: section, id: id, title: title, start: start, days: days))
  }

  /// The entries of `section`, in the order they were added.
  func entries(in section: Entry.Section) -> [Entry] {
    entries.filter { $0.section == section }
  }
}
