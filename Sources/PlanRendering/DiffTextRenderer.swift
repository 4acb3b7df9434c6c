import ClosurePlanner

/// The terminal form of a plan diff: sections of `+`/`-`/`~` lines wrapped at `width`.
struct DiffTextRenderer {
  var width: Int

  func render(_ diff: PlanDiff, _ organizationID: String) -> String {
    var lines = wrapped("Plan changes for organization " + organizationID, indent: "  ")
    lines += wrapped(DiffWording.summary(diff), first: "  ", indent: "  ")
    if let risk = DiffWording.riskSummary(diff) {
      lines += wrapped(risk, first: "  ", indent: "  ")
    }
    if diff.changesPlan { lines.append("  (+ added, - removed or resolved, ~ changed)") }
    for section in DiffWording.orderedSections(diff) {
      lines.append("")
      guard let account = section else {
        lines.append("Organization")
        lines += diff.fields.flatMap { fieldLines($0, marker: "~", indent: "  ") }
        lines += diff.organizationSteps.flatMap(stepLines)
        lines += diff.organizationFindings.flatMap(findingLines)
        continue
      }
      lines += accountLines(account)
    }
    if !diff.provenance.isEmpty {
      lines += ["", "Provenance"]
      lines += diff.provenance.flatMap { fieldLines($0, marker: "~", indent: "  ") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func accountLines(_ account: PlanDiff.AccountChanges) -> [String] {
    var heading = DiffWording.accountLabel(account)
    if let path = account.entry?.path { heading += "  " + path }
    if let status = DiffWording.accountStatus(account) { heading += "  (\(status))" }
    var lines = wrapped(marker(account.change) + " " + heading, indent: "    ")
    lines += account.fields.flatMap { fieldLines($0, marker: "~", indent: "  ") }
    if account.steps.isEmpty {
      lines.append("  (no steps affected)")
    } else {
      lines += account.steps.flatMap(stepLines)
    }
    lines += account.findings.flatMap(findingLines)
    return lines
  }

  /// `  + step close-account:…  (api, wave 1, window 1, 2026-12-01)` and the title, or for a
  /// changed step the fields that changed.
  private func stepLines(_ change: PlanDiff.StepChange) -> [String] {
    let head = "\(marker(change.change)) step \(change.id)"
    guard change.change == .changed else {
      return wrapped(
        head + "  (" + DiffWording.placement(change.step) + ")", first: "  ", indent: "      ")
        + wrapped(change.title, first: "      ", indent: "      ")
    }
    return wrapped(head, first: "  ", indent: "      ")
      + change.fields.flatMap { fieldLines($0, marker: nil, indent: "      ") }
  }

  /// `  + finding CODE (warning)` and the message, or for a changed finding what changed.
  private func findingLines(_ change: PlanDiff.FindingChange) -> [String] {
    let head =
      "\(marker(change.change)) finding \(change.finding.code) (\(change.finding.severity.rawValue))"
      + (change.change == .removed ? ", resolved" : "")
    guard change.change == .changed else {
      return wrapped(head, first: "  ", indent: "      ")
        + wrapped(change.finding.message, first: "      ", indent: "      ")
    }
    return wrapped(head, first: "  ", indent: "      ")
      + change.fields.flatMap { fieldLines($0, marker: nil, indent: "      ") }
  }

  private func fieldLines(_ change: PlanDiff.FieldChange, marker: String?, indent: String)
    -> [String]
  {
    let first = indent + (marker.map { $0 + " " } ?? "")
    // Lines under the field's name line up after the marker, without repeating it.
    let under = String(repeating: " ", count: first.count)
    if let long = DiffWording.longValue(change) {
      return [first + change.field + ":"]
        + wrapped("- " + long.old, first: under + "  ", indent: under + "    ")
        + wrapped("+ " + long.new, first: under + "  ", indent: under + "    ")
    }
    guard let sentences = DiffWording.sentences(change) else {
      return wrapped(DiffWording.field(change), first: first, indent: under + "    ")
    }
    return [first + change.field + ":"]
      + sentences.flatMap { sentence in
        wrapped(
          (sentence.added ? "+ " : "- ") + sentence.entry, first: under + "  ",
          indent: under + "    ")
      }
  }

  private func marker(_ change: PlanDiff.Change) -> String {
    switch change {
    case .added: "+"
    case .removed: "-"
    case .changed: "~"
    }
  }

  /// `text`, escaped for a terminal, wrapped at `width`.
  private func wrapped(_ text: String, first: String = "", indent: String) -> [String] {
    TextFormatting.wrapped(
      TextEscaping.terminal(text), width: width, firstIndent: first, indent: indent)
  }
}
