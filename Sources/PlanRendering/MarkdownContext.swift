import ClosurePlanner
import OrgGraph

/// What the Markdown renderer needs to know about one plan, computed once, and the sections
/// that the detailed and the summary documents share.
struct MarkdownContext {
  /// Unicode scalars kept of a name or other short value from the plan.
  static let nameLimit = 200
  /// Unicode scalars kept of a message or remediation.
  static let messageLimit = 1_000

  let plan: ClosurePlan
  let index: PlanIndex
  let digests: [WaveDigest]
  let blocking: [ClosurePlan.Finding]
  let warnings: [ClosurePlan.Finding]
  let info: [ClosurePlan.Finding]

  init(_ plan: ClosurePlan) {
    self.plan = plan
    index = PlanIndex(plan)
    digests = WaveDigest.digests(of: plan.steps)
    blocking = plan.findings.filter { $0.severity == .blocking }
    warnings = plan.findings.filter { $0.severity == .warning }
    info = plan.findings.filter { $0.severity == .info }
  }

  /// A short value from the plan, clipped and escaped.
  static func name(_ text: String) -> String {
    TextEscaping.markdown(TextFormatting.clipped(text, to: nameLimit))
  }

  /// A value of the plan (an ID, a code, a state), clipped and escaped.
  static func name(_ value: some CustomStringConvertible) -> String { name(value.description) }

  /// A message from the plan, clipped and escaped.
  static func message(_ text: String) -> String {
    TextEscaping.markdown(TextFormatting.clipped(text, to: messageLimit))
  }

  /// The title and the summary table.
  func overview(into document: inout MarkdownDocument) {
    let quota = plan.closeQuota
    var quotaText =
      "\(TextFormatting.grouped(quota.perWindow)) closures per \(quota.windowDays) days "
      + "(\(Self.name(quota.source))), \(quota.concurrent) in flight"
    if quota.firstWindow != quota.perWindow {
      quotaText +=
        "; \(TextFormatting.grouped(quota.firstWindow)) in the first window after "
        + TextFormatting.firstWindowUse(plan)
    }
    let summary = plan.summary
    let organization = plan.organization
    document.append("## orgclose plan for organization \(Self.name(organization.id))")
    document.blank()
    document.tableHeader(["", ""])
    let rows: [(String, String)] = [
      ("Organization", Self.name(organization.id)),
      ("Management account", Self.name(index.accountLabel(organization.managementAccountId))),
      ("Feature set", Self.name(organization.featureSet)),
      ("Strategy", Self.name(plan.strategy.rawValue)),
      ("Members", TextFormatting.grouped(organization.memberCount)),
      ("Start date", plan.startDate.description),
      ("Close quota", quotaText),
      ("Closure windows", TextFormatting.grouped(quota.windows)),
      ("Estimated completion", summary.estimatedCompletion.description),
      (
        "Steps",
        "\(TextFormatting.grouped(summary.steps)) in "
          + "\(TextFormatting.counted(digests.count, "wave", "waves")) "
          + "(\(TextFormatting.grouped(summary.apiSteps)) api, "
          + "\(TextFormatting.grouped(summary.manualSteps)) manual, "
          + "\(TextFormatting.grouped(summary.waitSteps)) wait)"
      ),
      ("Blocking findings", TextFormatting.grouped(summary.blocking)),
      ("Warnings", TextFormatting.grouped(summary.warnings)),
      ("Generator", Self.name(plan.generator)),
    ]
    for (key, value) in rows { document.tableRow(["**\(key)**", value]) }
    if summary.blocking > 0 {
      document.blank()
      document.append("> [!CAUTION]")
      document.append(
        "> **\(TextFormatting.counted(summary.blocking, "blocking finding", "blocking findings"))**"
          + ": the plan cannot be carried out until "
          + (summary.blocking == 1 ? "it is" : "they are") + " resolved.")
    }
  }

  /// The number of `close-account` steps in each window, and the last window.
  var closeStepsPerWindow: (counts: [Int: Int], lastWindow: Int) {
    var counts: [Int: Int] = [:]
    var last = plan.closeQuota.windows
    // By index, in place: a loop over the steps copied each one.
    for index in plan.steps.indices where plan.steps[index].action.name == .closeAccount {
      guard let window = plan.steps[index].window else { continue }
      counts[window, default: 0] += 1
      last = max(last, window)
    }
    return (counts, last)
  }

  /// The first day of `window`.
  func start(ofWindow window: Int) -> CalendarDay {
    plan.startDate.adding(days: (window - 1) * plan.closeQuota.windowDays)
  }

  /// The calendar row of `window`.
  func calendarRow(_ window: Int, count: Int) -> String {
    let quota = window == 1 ? plan.closeQuota.firstWindow : plan.closeQuota.perWindow
    return MarkdownDocument.row([
      TextFormatting.grouped(window), start(ofWindow: window).description,
      TextFormatting.grouped(quota), TextFormatting.grouped(count),
    ])
  }

  /// The sentence that replaces the calendar when nothing is closed by `CloseAccount`.
  static let noCalendar = "No `CloseAccount` steps: the plan does not use the closure quota."

  /// The timeline as a Mermaid gantt chart, which GitHub draws.
  func timelineSection(into document: inout MarkdownDocument) {
    document.blank()
    document.append("### Timeline")
    document.blank()
    document.append("```mermaid")
    document.appendVerbatim(GanttRenderer().render(plan))
    document.append("```")
  }
}
