import ClosurePlanner
import OrgGraph

extension MarkdownContext {
  /// The most UTF-8 bytes each part of a summary may take.
  ///
  /// With the overview and the notes, they add up to well under
  /// `MarkdownPlanRenderer.characterLimit`.
  enum Budget {
    static let findingCodes = 3_000
    static let blocking = 20_000
    static let warnings = 10_000
    static let calendar = 3_500
    static let paths = 5_000
    static let waves = 5_000
    static let graph = 7_000
    /// Kept free in a table's budget for the row that stands for the rows left out.
    static let tailRow = 400
  }

  /// Warnings a summary shows at most.
  static let summaryWarningLimit = 50

  /// The summary of a plan too large to show in full.
  ///
  /// Each part stays within its `Budget`, and the document ends by saying what it left out.
  func summaryDocument() -> MarkdownDocument {
    var document = MarkdownDocument()
    var leftOut = [
      "The list of all \(TextFormatting.counted(plan.steps.count, "step", "steps")): they are "
        + "counted per wave and action; `plan.json` lists each one."
    ]
    overview(into: &document)
    document.blank()
    document.append("> [!NOTE]")
    document.append(
      "> This plan is too large to show in full in a comment, so this is a summary: findings "
        + "per code, the blocking findings, the first warnings, and counts per closure window, "
        + "per OU path and per wave. The last section lists what was left out.")
    findingCodeSection(into: &document)
    blockingSection(into: &document, leftOut: &leftOut)
    warningSection(into: &document, leftOut: &leftOut)
    calendarSection(into: &document, leftOut: &leftOut)
    timelineSection(into: &document)
    pathSection(into: &document, leftOut: &leftOut)
    waveSection(into: &document, leftOut: &leftOut)
    graphSection(into: &document, leftOut: &leftOut)
    document.blank()
    document.append("### Left out of this summary")
    document.blank()
    for item in leftOut { document.append("- " + item) }
    return document
  }

  /// The overview alone, for a plan whose summary would still not fit.
  func minimalDocument() -> MarkdownDocument {
    var document = MarkdownDocument()
    overview(into: &document)
    document.blank()
    document.append("> [!NOTE]")
    document.append(
      "> This plan is too large to summarise in a comment. Everything but the table above was "
        + "left out: run `orgclose blockers` for the findings and read `plan.json` for the steps.")
    return document
  }

  private func findingCodeSection(into document: inout MarkdownDocument) {
    guard !plan.findings.isEmpty else { return }
    struct Key: Hashable {
      var severity: ClosurePlan.Severity
      var code: String
    }
    var findings: [Key: Int] = [:]
    var accounts: [Key: Set<String>] = [:]
    for finding in plan.findings {
      let key = Key(severity: finding.severity, code: finding.code)
      findings[key, default: 0] += 1
      if let account = finding.account { accounts[key, default: []].insert(account) }
    }
    let keys = findings.keys.sorted { ($0.severity, $0.code) < ($1.severity, $1.code) }
    let rows = keys.lazy.map { key in
      MarkdownDocument.row([
        BlockersReport.label(key.severity), Self.name(key.code),
        TextFormatting.grouped(findings[key] ?? 0),
        TextFormatting.grouped(accounts[key]?.count ?? 0),
      ])
    }
    let shown = MarkdownDocument.fitting(rows, budget: Budget.findingCodes)
    document.blank()
    document.append("### Findings per code")
    document.blank()
    document.tableHeader(["Severity", "Code", "Findings", "Accounts"], numeric: [2, 3])
    for row in shown { document.append(row) }
    if shown.count < keys.count {
      document.blank()
      document.append(
        "\(TextFormatting.counted(keys.count - shown.count, "more code", "more codes")) "
          + "did not fit; `orgclose blockers` lists every finding.")
    }
  }

  private func blockingSection(into document: inout MarkdownDocument, leftOut: inout [String]) {
    document.blank()
    document.append("### Blocking findings (\(TextFormatting.grouped(blocking.count)))")
    document.blank()
    guard !blocking.isEmpty else {
      document.append("No blocking findings.")
      return
    }
    let shown = MarkdownDocument.fitting(findingRows(blocking), budget: Budget.blocking)
    findingTableHeader(into: &document)
    for row in shown { document.append(row) }
    let omitted = blocking.count - shown.count
    guard omitted > 0 else { return }
    document.blank()
    document.append(
      "**\(TextFormatting.counted(omitted, "more blocking finding", "more blocking findings")) "
        + "did not fit in this comment.** Run `orgclose blockers` to list them all.")
    leftOut.append(
      "\(TextFormatting.grouped(omitted)) of \(TextFormatting.grouped(blocking.count)) "
        + "blocking findings (`orgclose blockers` lists them all).")
  }

  private func warningSection(into document: inout MarkdownDocument, leftOut: inout [String]) {
    document.blank()
    document.append("### Warnings (\(TextFormatting.grouped(warnings.count)))")
    document.blank()
    if warnings.isEmpty {
      document.append("No warnings.")
    } else {
      let shown = MarkdownDocument.fitting(
        findingRows(Array(warnings.prefix(Self.summaryWarningLimit))), budget: Budget.warnings)
      var table = MarkdownDocument()
      findingTableHeader(into: &table)
      for row in shown { table.append(row) }
      document.folded(
        shown.count == warnings.count
          ? "Show \(TextFormatting.counted(warnings.count, "warning", "warnings"))"
          : "Show the first \(TextFormatting.counted(shown.count, "warning", "warnings"))",
        table)
      let omitted = warnings.count - shown.count
      if omitted > 0 {
        leftOut.append(
          "\(TextFormatting.counted(omitted, "warning", "warnings")) after the first "
            + "\(TextFormatting.grouped(shown.count)) (`orgclose blockers` lists them all).")
      }
    }
    if !info.isEmpty {
      leftOut.append(
        "\(TextFormatting.counted(info.count, "info finding", "info findings")), what the plan "
          + "already handles: counted per code above (`orgclose blockers` lists them).")
    }
  }

  private func calendarSection(into document: inout MarkdownDocument, leftOut: inout [String]) {
    document.blank()
    document.append("### Closure calendar")
    document.blank()
    let (counts, lastWindow) = closeStepsPerWindow
    guard lastWindow > 0 else {
      document.append(Self.noCalendar)
      return
    }
    let rows = (1...lastWindow).lazy.map { calendarRow($0, count: counts[$0] ?? 0) }
    let shown = MarkdownDocument.fitting(rows, budget: Budget.calendar - Budget.tailRow)
    calendarHeader(into: &document)
    for row in shown { document.append(row) }
    guard shown.count < lastWindow else { return }
    let first = shown.count + 1
    let shownSteps = (1..<first).reduce(0) { $0 + (counts[$1] ?? 0) }
    let allSteps = plan.steps.lazy.filter { $0.action == "close-account" && $0.window != nil }.count
    document.tableRow([
      TextFormatting.numbers(first...lastWindow),
      TextFormatting.dates(start(ofWindow: first)...start(ofWindow: lastWindow)), "—",
      TextFormatting.grouped(allSteps - shownSteps),
    ])
    leftOut.append(
      "One row per window for windows \(TextFormatting.numbers(first...lastWindow)): "
        + "they share the calendar's last row.")
  }
}
