import ClosurePlanner

extension BlockersRenderer {
  /// The terminal form of the report.
  static func text(_ report: BlockersReport) -> String {
    let width = TextPlanRenderer.width
    var lines: [String] = []
    if !report.organization.isEmpty {
      lines.append("Organization")
      lines += report.organization.flatMap { findingLines($0, width: width) }
      lines.append("")
    }
    for account in report.accounts {
      var heading = TextEscaping.terminal(account.accountID)
      if let entry = account.entry { heading += "  " + TextEscaping.terminal(entry.name) }
      lines += TextFormatting.wrapped(heading, width: width, indent: "  ")
      if let entry = account.entry {
        lines += TextFormatting.wrapped(
          TextEscaping.terminal(entry.path), width: width, firstIndent: "  path: ",
          indent: "        ")
      }
      lines += account.findings.flatMap { findingLines($0, width: width) }
      lines.append("")
    }
    if lines.isEmpty { lines = ["No findings.", ""] }
    lines.append(report.summaryLine)
    return lines.joined(separator: "\n") + "\n"
  }

  /// `  BLOCKING CODE: message` and `    fix: remediation`, wrapped.
  private static func findingLines(_ finding: ClosurePlan.Finding, width: Int) -> [String] {
    let head = BlockersReport.label(finding.severity) + " " + finding.code + ": "
    return TextFormatting.wrapped(
      TextEscaping.terminal(head + finding.message), width: width, firstIndent: "  ",
      indent: "    ")
      + TextFormatting.wrapped(
        TextEscaping.terminal(finding.remediation), width: width, firstIndent: "    fix: ",
        indent: "         ")
  }
}
