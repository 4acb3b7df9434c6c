import ClosurePlanner
import OrgGraph

extension BlockersRenderer {
  /// The Markdown form of the report: a section and a table per account.
  static func markdown(_ report: BlockersReport, organizationID: String) -> String {
    var document = MarkdownDocument()
    document.append("## Findings for organization \(TextEscaping.markdown(organizationID))")
    if !report.organization.isEmpty {
      document.blank()
      document.append("### Organization")
      document.blank()
      table(report.organization, into: &document)
    }
    for account in report.accounts {
      document.blank()
      var heading = TextEscaping.markdown(account.accountID?.rawValue ?? "")
      if let entry = account.entry { heading += " " + TextEscaping.markdown(entry.name) }
      document.append("### " + heading)
      if let entry = account.entry {
        document.blank()
        document.append("OU path: " + TextEscaping.markdown(entry.path))
      }
      document.blank()
      table(account.findings, into: &document)
    }
    if report.organization.isEmpty && report.accounts.isEmpty {
      document.blank()
      document.append("No findings.")
    }
    document.blank()
    document.append("**" + report.summaryLine + "**")
    return document.text
  }

  private static func table(
    _ findings: [ClosurePlan.Finding], into document: inout MarkdownDocument
  ) {
    document.tableHeader(["Severity", "Code", "Finding", "Fix"])
    for finding in findings {
      let severity = BlockersReport.label(finding.severity)
      document.tableRow([
        finding.severity == .blocking ? "**\(severity)**" : severity,
        TextEscaping.markdown(finding.code), TextEscaping.markdown(finding.message),
        TextEscaping.markdown(finding.remediation),
      ])
    }
  }
}
