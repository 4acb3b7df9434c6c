import ClosurePlanner
import OrgGraph

extension MarkdownContext {
  /// Warnings listed openly; more are folded in a `<details>` block.
  static let openWarningLimit = 10

  /// The full document: every finding, every window, every step and the step graph.
  func detailedDocument() -> MarkdownDocument {
    var document = MarkdownDocument()
    overview(into: &document)

    document.blank()
    document.append("### Blocking findings (\(TextFormatting.grouped(blocking.count)))")
    document.blank()
    if blocking.isEmpty {
      document.append("No blocking findings.")
    } else {
      findingTableHeader(into: &document)
      for row in findingRows(blocking) { document.append(row) }
    }

    document.blank()
    document.append("### Warnings (\(TextFormatting.grouped(warnings.count)))")
    document.blank()
    if warnings.isEmpty {
      document.append("No warnings.")
    } else {
      var table = MarkdownDocument()
      findingTableHeader(into: &table)
      for row in findingRows(warnings) { table.append(row) }
      if warnings.count > Self.openWarningLimit {
        document.folded(
          "Show \(TextFormatting.counted(warnings.count, "warning", "warnings"))", table)
      } else {
        document.append(contentsOf: table)
      }
    }

    if !info.isEmpty {
      document.blank()
      var table = MarkdownDocument()
      findingTableHeader(into: &table)
      for row in findingRows(info) { table.append(row) }
      document.folded(
        "\(TextFormatting.counted(info.count, "info finding", "info findings")): "
          + "what the plan already handles", table)
    }

    document.blank()
    document.append("### Closure calendar")
    document.blank()
    let (counts, lastWindow) = closeStepsPerWindow
    if lastWindow == 0 {
      document.append(Self.noCalendar)
    } else {
      calendarHeader(into: &document)
      for window in 1...lastWindow {
        document.append(calendarRow(window, count: counts[window] ?? 0))
      }
    }

    timelineSection(into: &document)

    document.blank()
    document.append(
      "### Steps (\(TextFormatting.grouped(plan.steps.count)) in "
        + "\(TextFormatting.counted(digests.count, "wave", "waves")))")
    for digest in digests { waveTable(digest, into: &document) }

    document.blank()
    document.append("### Step graph")
    document.blank()
    document.append("```mermaid")
    document.appendVerbatim(MermaidRenderer().render(plan))
    document.append("```")
    return document
  }

  /// One wave's heading and the table of its steps.
  private func waveTable(_ digest: WaveDigest, into document: inout MarkdownDocument) {
    var heading =
      "#### Wave \(digest.wave) (\(TextFormatting.counted(digest.stepPositions.count, "step", "steps"))"
    if let dates = digest.dates { heading += ", " + TextFormatting.dates(dates) }
    document.blank()
    document.append(heading + ")")
    document.blank()
    document.tableHeader(["Step", "Kind", "AWS call", "Account", "OU path", "Not before"])
    for position in digest.stepPositions {
      let step = plan.steps[position]
      let entry = index.account(step.account)
      var date = step.notBefore?.description ?? "—"
      if let window = step.window { date += " (window \(TextFormatting.grouped(window)))" }
      document.tableRow([
        Self.name(step.title), step.kind.rawValue, step.call.map(Self.name) ?? "—",
        step.account.map { Self.name(index.accountLabel($0)) } ?? "—",
        entry.map { Self.name($0.path) } ?? "—", date,
      ])
    }
  }
}
