public import ClosurePlanner
import OrgGraph

/// Renders the per-account findings report of `orgclose blockers`, as text, Markdown or CSV.
///
/// Organization-wide findings come first, under "Organization"; then each account with
/// findings (ID, name and OU path), in the order of `plan.findings`, so accounts with blocking
/// findings lead. Each finding shows its severity, code, message and remediation. The report
/// ends with a line like `2 blocking, 1 warning, 3 info across 2 accounts`.
public struct BlockersRenderer: PlanRenderer {
  /// The output format.
  public enum Style: String, Sendable, CaseIterable {
    /// Plain text for a terminal, wrapped at 100 columns.
    case text
    /// GitHub-flavoured Markdown, one table per account.
    case markdown
    /// CSV (RFC 4180), one row per finding, for spreadsheets.
    case csv
  }

  /// The output format this renderer writes.
  public var style: Style
  /// Whether the text form colours the severities (`SeverityColour`); for a terminal.
  public var colours: Bool

  /// Creates a blockers renderer writing `style`, with severities in colour if `colours` and
  /// the style is `text`.
  public init(style: Style = .text, colours: Bool = false) {
    self.style = style
    self.colours = colours
  }

  /// Renders the findings report of `plan`.
  public func render(_ plan: ClosurePlan) -> String {
    let report = BlockersReport(plan)
    switch style {
    case .text: return Self.text(report, colours: colours)
    case .markdown: return Self.markdown(report, organizationID: plan.organization.id.rawValue)
    case .csv: return Self.csv(report)
    }
  }
}
