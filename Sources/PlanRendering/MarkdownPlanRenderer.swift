public import ClosurePlanner

/// Renders a plan as a Markdown document ready to post as a pull-request comment.
///
/// The document opens with a summary table, then the blocking findings per account with
/// their remediation, the warnings, the closure calendar (one row per 30-day window), the
/// steps wave by wave (kind, AWS call, account and OU path, earliest date) and a Mermaid
/// flowchart of the step graph.
///
/// The document always stays under ``characterLimit``, the size of the largest GitHub
/// comment. A plan of more than 200 steps, or one whose full document would not fit, gets a
/// summary instead: counts per window, per OU path and per wave, the blocking findings in full
/// as far as they fit, the first warnings folded in a `<details>` block, a grouped flowchart,
/// and a closing list of what was left out. Every name from AWS is escaped.
public struct MarkdownPlanRenderer: PlanRenderer {
  /// The largest document GitHub accepts as a comment; documents stay below it, measured in
  /// UTF-8 bytes (never fewer than characters).
  public static let characterLimit = 65_536
  /// Plans with more steps than this are summarised.
  static let detailedStepLimit = 200

  /// Creates a Markdown renderer.
  public init() {}

  /// Renders `plan` as a pull-request comment.
  public func render(_ plan: ClosurePlan) -> String {
    let context = MarkdownContext(plan)
    if plan.steps.count <= Self.detailedStepLimit {
      let detailed = context.detailedDocument()
      if detailed.size < Self.characterLimit { return detailed.text }
    }
    let summary = context.summaryDocument()
    if summary.size < Self.characterLimit { return summary.text }
    return context.minimalDocument().text
  }
}
