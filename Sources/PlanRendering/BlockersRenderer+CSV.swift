import ClosurePlanner
import OrgGraph

extension BlockersRenderer {
  /// The CSV form of the report, for the spreadsheets closures are tracked in (RFC 4180).
  ///
  /// A header row, then one row per finding in report order: `account`, `ou_path`, `code`,
  /// `severity`, `message`, `remediation`. Organization-wide findings leave `account` and
  /// `ou_path` empty. Rows end with CRLF; a cell holding a comma, a double quote, a CR or an
  /// LF is double-quoted, with its double quotes doubled. A cell a spreadsheet would read as a
  /// formula (starting with `=`, `+`, `-`, `@`, a tab or a CR) gets a leading `'`, so that
  /// opening the file never runs what an account name or a note says.
  static func csv(_ report: BlockersReport) -> String {
    var rows = [["account", "ou_path", "code", "severity", "message", "remediation"]]
    func row(_ finding: ClosurePlan.Finding, account: String, path: String) -> [String] {
      [
        account, path, finding.code.rawValue, finding.severity.rawValue, finding.message,
        finding.remediation,
      ]
    }
    rows += report.organization.map { row($0, account: "", path: "") }
    for account in report.accounts {
      rows += account.findings.map {
        row($0, account: account.accountID?.rawValue ?? "", path: account.entry?.path ?? "")
      }
    }
    return rows.map { $0.map(csvCell).joined(separator: ",") + "\r\n" }.joined()
  }

  /// One cell: defused if a spreadsheet would take it for a formula, then quoted if needed.
  public static func csvCell(_ value: String) -> String {
    var cell = value
    if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      cell = "'" + cell
    }
    guard
      cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
    else { return cell }
    return "\"" + cell.replacing("\"", with: "\"\"") + "\""
  }
}
