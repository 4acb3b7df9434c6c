import ClosurePlanner

/// The Markdown form of a plan diff: one table per section, under `limit` UTF-8 bytes.
///
/// Sections are added whole while they fit; the first that does not is cut after the rows
/// that fit, and a closing line counts the rows and accounts left out.
struct DiffMarkdownRenderer {
  var limit: Int

  /// Room kept for the closing line about what was left out.
  private static let reserve = 512

  /// A heading with its table rows.
  private struct Section {
    var heading: [String]
    var rows: [String]
  }

  func render(_ diff: PlanDiff, _ organizationID: String) -> String {
    var document = MarkdownDocument()
    document.append("## Plan changes for organization " + TextEscaping.markdown(organizationID))
    document.blank()
    document.append("**" + TextEscaping.markdown(DiffWording.summary(diff)) + "**")
    if let risk = DiffWording.riskSummary(diff) {
      document.blank()
      document.append(TextEscaping.markdown(risk))
    }
    // Most dangerous first, so that what does not fit in a comment is the least risky.
    let sections: [Section] =
      DiffWording.orderedSections(diff).map { section in
        guard let account = section else {
          return Section(
            heading: ["### Organization"],
            rows: diff.fields.map { fieldRow($0) } + diff.organizationSteps.map(stepRow)
              + diff.organizationFindings.map(findingRow))
        }
        return accountSection(account)
      }
      + (diff.provenance.isEmpty
        ? [] : [Section(heading: ["### Provenance"], rows: diff.provenance.map { fieldRow($0) })])
    append(sections, to: &document)
    return document.text
  }

  private func append(_ sections: [Section], to document: inout MarkdownDocument) {
    let budget = limit - Self.reserve
    for (position, section) in sections.enumerated() {
      var block = MarkdownDocument()
      block.blank()
      for line in section.heading { block.append(line) }
      block.blank()
      block.tableHeader(["Change", "Item", "Details"])
      let room = budget - document.size - block.size
      let rows = MarkdownDocument.fitting(section.rows, budget: room)
      guard rows.count < section.rows.count else {
        document.append(contentsOf: block)
        for row in rows { document.append(row) }
        continue
      }
      if !rows.isEmpty {
        document.append(contentsOf: block)
        for row in rows { document.append(row) }
      }
      let later = sections[(position + 1)...]
      let omittedRows = section.rows.count - rows.count + later.map(\.rows.count).reduce(0, +)
      document.blank()
      document.append(
        "_" + TextFormatting.counted(omittedRows, "more change", "more changes") + " in "
          + TextFormatting.counted(later.count + 1, "section", "sections")
          + (omittedRows == 1 ? " is" : " are")
          + " not shown: the comment would exceed GitHub's size limit. Run `orgclose diff` to "
          + "see them all._")
      return
    }
  }

  private func accountSection(_ account: PlanDiff.AccountChanges) -> Section {
    var title = "### " + TextEscaping.markdown(DiffWording.accountLabel(account))
    if account.change != .changed { title += " — " + account.change.rawValue }
    var heading = [title]
    if let entry = account.entry {
      var line = "OU path: " + TextEscaping.markdown(entry.path)
      if let status = DiffWording.accountStatus(account) {
        line += " · " + TextEscaping.markdown(status)
      }
      heading += ["", line]
    }
    var rows = account.fields.map { fieldRow($0) }
    rows += account.steps.map(stepRow) + account.findings.map(findingRow)
    if account.steps.isEmpty { rows.append(MarkdownDocument.row(["—", "steps", "none affected"])) }
    return Section(heading: heading, rows: rows)
  }

  private func fieldRow(_ change: PlanDiff.FieldChange) -> String {
    MarkdownDocument.row([
      "changed", TextEscaping.markdown(change.field),
      cell(change, named: false),
    ])
  }

  /// A field change for a table cell, escaped; long values and list entries that are
  /// sentences go one a line.
  private func cell(_ change: PlanDiff.FieldChange, named: Bool) -> String {
    if let long = DiffWording.longValue(change) {
      return (named ? TextEscaping.markdown(change.field) + ":<br>" : "") + "was: "
        + TextEscaping.markdown(long.old) + "<br>now: " + TextEscaping.markdown(long.new)
    }
    guard let sentences = DiffWording.sentences(change) else {
      return (named ? TextEscaping.markdown(change.field) + ": " : "")
        + TextEscaping.markdown(DiffWording.value(change))
    }
    return (named ? TextEscaping.markdown(change.field) + ":<br>" : "")
      + sentences.map { (($0.added ? "added: " : "removed: ") + TextEscaping.markdown($0.entry)) }
      .joined(separator: "<br>")
  }

  private func stepRow(_ change: PlanDiff.StepChange) -> String {
    let details: String =
      change.change == .changed
      ? change.fields.map { cell($0, named: true) }.joined(separator: "<br>")
      : TextEscaping.markdown(
        DiffWording.placement(change.step) + ": " + change.title)
    return MarkdownDocument.row([
      change.change.rawValue, "step " + TextEscaping.markdown(change.id), details,
    ])
  }

  private func findingRow(_ change: PlanDiff.FindingChange) -> String {
    let finding = change.finding
    let details: String =
      change.change == .changed
      ? change.fields.map { cell($0, named: true) }.joined(separator: "<br>")
      : TextEscaping.markdown(finding.severity.rawValue + ": " + finding.message)
    return MarkdownDocument.row([
      DiffWording.findingVerb(change.change), "finding " + TextEscaping.markdown(finding.code),
      details,
    ])
  }
}
