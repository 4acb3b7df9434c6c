public import ClosurePlanner
import OrgGraph

/// Renders the terminal summary that `orgclose plan` prints.
///
/// The summary has a header (organization, strategy, dates, quota, counts), the blocking
/// findings in full, the warnings (the first 50 when there are more), and the steps wave by
/// wave. A plan of more than 200 steps lists its organization-level steps and counts the
/// per-account ones by action. Lines fit a 100-column terminal, breaking at spaces.
public struct TextPlanRenderer: PlanRenderer {
  /// The widest line, in characters, except for words longer than a line.
  static let width = 100
  /// Plans with more steps than this count per-account steps instead of listing them.
  static let foldingThreshold = 200
  /// Warnings listed before the rest are counted.
  static let warningLimit = 50

  /// Creates a text renderer.
  public init() {}

  /// Renders `plan` as a terminal summary.
  public func render(_ plan: ClosurePlan) -> String {
    let index = PlanIndex(plan)
    let digests = WaveDigest.digests(of: plan.steps)
    var lines = header(plan, index: index, waveCount: digests.count)
    lines.append("")
    lines += findingSection(
      "BLOCKING", plan.findings.filter { $0.severity == .blocking }, index: index, limit: nil)
    lines.append("")
    lines += findingSection(
      "WARNINGS", plan.findings.filter { $0.severity == .warning }, index: index,
      limit: Self.warningLimit)
    lines.append("")
    lines += timelineSection(Timeline(plan))
    lines.append("")
    lines += stepSection(plan, digests: digests, index: index)
    return lines.joined(separator: "\n") + "\n"
  }

  private func header(_ plan: ClosurePlan, index: PlanIndex, waveCount: Int) -> [String] {
    let quota = plan.closeQuota
    var quotaText =
      "\(TextFormatting.grouped(quota.perWindow)) closures per \(quota.windowDays) days "
      + "(\(quota.source)), \(quota.concurrent) in flight"
    if quota.firstWindow != quota.perWindow {
      quotaText +=
        "; \(TextFormatting.grouped(quota.firstWindow)) in the first window after "
        + TextFormatting.firstWindowUse(plan)
    }
    let summary = plan.summary
    let info = plan.findings.filter { $0.severity == .info }.count
    let rows: [(String, String)] = [
      ("Management account", index.accountLabel(plan.organization.managementAccountId)),
      ("Feature set", plan.organization.featureSet.rawValue),
      ("Members", TextFormatting.grouped(plan.organization.memberCount)),
      ("Strategy", plan.strategy.rawValue),
      ("Start date", plan.startDate.description),
      ("Close quota", quotaText),
      ("Closure windows", TextFormatting.grouped(quota.windows)),
      ("Estimated completion", summary.estimatedCompletion.description),
      (
        "Steps",
        "\(TextFormatting.grouped(summary.steps)) in "
          + "\(TextFormatting.counted(waveCount, "wave", "waves")): "
          + "\(TextFormatting.grouped(summary.apiSteps)) api, "
          + "\(TextFormatting.grouped(summary.manualSteps)) manual, "
          + "\(TextFormatting.grouped(summary.waitSteps)) wait"
      ),
      (
        "Findings",
        "\(TextFormatting.grouped(summary.blocking)) blocking, "
          + "\(TextFormatting.counted(summary.warnings, "warning", "warnings")), "
          + "\(TextFormatting.grouped(info)) info"
      ),
    ]
    var lines = TextFormatting.wrapped(
      "Shutdown plan for organization " + TextEscaping.terminal(plan.organization.id),
      width: Self.width, indent: "  ")
    let keyWidth = 22
    for (key, value) in rows {
      let padding = String(repeating: " ", count: keyWidth - key.count)
      lines += TextFormatting.wrapped(
        TextEscaping.terminal(value), width: Self.width, firstIndent: "  " + key + padding,
        indent: String(repeating: " ", count: keyWidth + 2))
    }
    return lines
  }

  /// The timeline as a short dated list.
  private func timelineSection(_ timeline: Timeline) -> [String] {
    var lines = ["TIMELINE"]
    for entry in timeline.entries {
      let dates =
        entry.days <= 1
        ? entry.start.description
        : "\(entry.start) to \(entry.start.adding(days: entry.days - 1))"
      let padding = String(repeating: " ", count: max(1, 26 - dates.count))
      lines += TextFormatting.wrapped(
        TextEscaping.terminal(entry.title), width: Self.width,
        firstIndent: "  " + dates + padding, indent: String(repeating: " ", count: 28))
    }
    return lines
  }

  /// The findings of one severity, grouped by code: one explanation, then the accounts.
  private func findingSection(
    _ title: String, _ findings: [ClosurePlan.Finding], index: PlanIndex, limit: Int?
  ) -> [String] {
    guard !findings.isEmpty else { return ["\(title): none"] }
    let groups = FindingGroups(findings, index: index).groups
    var lines = [
      "\(title) (\(TextFormatting.grouped(findings.count)) in "
        + "\(TextFormatting.counted(groups.count, "code", "codes")))"
    ]
    let shown = limit.map { Array(groups.prefix($0)) } ?? groups
    for group in shown {
      let (message, remediation) = FindingGroups.explanation(group)
      lines += TextFormatting.wrapped(
        TextEscaping.terminal("\(group.code)  \(FindingGroups.whom(group, index: index))"),
        width: Self.width, firstIndent: "  ", indent: "    ")
      lines += TextFormatting.wrapped(
        TextEscaping.terminal(group.uniform ? message : "For example: " + group.first.message),
        width: Self.width, firstIndent: "    ", indent: "    ")
      lines += TextFormatting.wrapped(
        TextEscaping.terminal(remediation), width: Self.width, firstIndent: "    fix: ",
        indent: "         ")
      if !group.uniform {
        lines.append("    (details differ per account: `orgclose blockers` lists each one)")
      }
    }
    let more = groups.count - shown.count
    if more > 0 {
      lines.append(
        "  … \(TextFormatting.counted(more, "more code", "more codes")); see `orgclose "
          + "blockers`, which lists every finding per account")
    }
    return lines
  }
}
