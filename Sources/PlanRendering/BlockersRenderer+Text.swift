import ClosurePlanner
import OrgGraph

extension BlockersRenderer {
  /// The terminal form of the report.
  static func text(_ report: BlockersReport, colours: Bool = false) -> String {
    let width = TextPlanRenderer.width
    var lines: [String] = []
    if !report.organization.isEmpty {
      lines.append("Organization")
      lines += report.organization.flatMap { findingLines($0, width: width, colours: colours) }
      lines.append("")
    }
    for account in report.accounts {
      var heading = TextEscaping.terminal(account.accountID?.rawValue ?? "")
      if let entry = account.entry { heading += "  " + TextEscaping.terminal(entry.name) }
      lines += TextFormatting.wrapped(heading, width: width, indent: "  ")
      if let entry = account.entry {
        lines += TextFormatting.wrapped(
          TextEscaping.terminal(entry.path), width: width, firstIndent: "  path: ",
          indent: "        ")
      }
      lines += account.findings.flatMap { findingLines($0, width: width, colours: colours) }
      lines.append("")
    }
    if lines.isEmpty { lines = ["No findings.", ""] }
    lines.append(report.summaryLine)
    return lines.joined(separator: "\n") + "\n"
  }

  /// `  BLOCKING CODE: message` and `    fix: remediation`, wrapped; with `colours`, the
  /// severity label in its colour (added after wrapping, so widths are unchanged).
  private static func findingLines(_ finding: ClosurePlan.Finding, width: Int, colours: Bool)
    -> [String]
  {
    let label = BlockersReport.label(finding.severity)
    let head = label + " " + finding.code.rawValue + ": "
    var lines = TextFormatting.wrapped(
      TextEscaping.terminal(head + finding.message), width: width, firstIndent: "  ",
      indent: "    ")
    if colours, let first = lines.first, first.hasPrefix("  " + label) {
      lines[0] =
        "  " + SeverityColour.painted(label, finding.severity)
        + first.dropFirst(2 + label.count)
    }
    return lines
      + TextFormatting.wrapped(
        TextEscaping.terminal(finding.remediation), width: width, firstIndent: "    fix: ",
        indent: "         ")
  }
}
