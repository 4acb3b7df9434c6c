import ClosurePlanner
import OrgGraph

extension TextPlanRenderer {
  /// The steps, wave by wave: every step for a small plan; for a large one, organization-level
  /// steps in full and per-account steps counted by action.
  func stepSection(_ plan: ClosurePlan, digests: [WaveDigest], index: PlanIndex) -> [String] {
    let folded = plan.steps.count > Self.foldingThreshold
    let total = TextFormatting.grouped(plan.steps.count)
    let waves = TextFormatting.counted(digests.count, "wave", "waves")
    var lines = [
      folded
        ? "STEPS (\(total) in \(waves); per-account steps are counted by action, "
          + "plan.json lists each one)"
        : "STEPS (\(total) in \(waves))"
    ]
    for digest in digests {
      var heading =
        "Wave \(digest.wave) (\(TextFormatting.counted(digest.stepPositions.count, "step", "steps"))"
      if let dates = digest.dates { heading += ", " + TextFormatting.dates(dates) }
      lines += ["", heading + ")"]
      if folded {
        lines += digest.organizationSteps.flatMap { stepLines($0, index: index) }
        lines += digest.tallies.flatMap { tallyLines($0, index: index) }
      } else {
        lines += digest.stepPositions.flatMap { stepLines(plan.steps[$0], index: index) }
      }
    }
    return lines
  }

  /// The line of a step: `  [api]    2026-12-01  close-account:222222222222  Close … (window 1)`.
  private func stepLines(_ step: ClosurePlan.Step, index: PlanIndex) -> [String] {
    var text = TextEscaping.terminal(step.id) + "  " + TextEscaping.terminal(index.title(step))
    if let window = step.window { text += "  (window \(TextFormatting.grouped(window)))" }
    return TextFormatting.wrapped(
      text, width: Self.width,
      firstIndent: "  " + kindTag(step.kind) + " " + date(step.notBefore) + "  ",
      indent: String(repeating: " ", count: 23))
  }

  /// The line of a tally: `  [api]    close-account × 4,812, windows 1–6, 2026-12-01 … …`.
  ///
  /// A tally of one step is shown as that step.
  private func tallyLines(_ tally: WaveDigest.Tally, index: PlanIndex) -> [String] {
    guard tally.count > 1 else { return stepLines(tally.firstStep, index: index) }
    var text =
      TextEscaping.terminal(tally.action.rawValue) + " × " + TextFormatting.grouped(tally.count)
    if let windows = tally.windows {
      text +=
        (windows.lowerBound == windows.upperBound ? ", window " : ", windows ")
        + TextFormatting.numbers(windows)
    }
    if let dates = tally.dates { text += ", " + TextFormatting.dates(dates) }
    return TextFormatting.wrapped(
      text, width: Self.width, firstIndent: "  " + kindTag(tally.kind) + " ",
      indent: String(repeating: " ", count: 11))
  }

  /// The kind in brackets, padded to the widest kind (`[api]   `).
  private func kindTag(_ kind: ClosurePlan.StepKind) -> String {
    let tag = "[\(kind.rawValue)]"
    return tag + String(repeating: " ", count: max(0, 8 - tag.count))
  }

  /// The date, or a dash as wide as one.
  private func date(_ day: CalendarDay?) -> String {
    day?.description ?? "—         "
  }
}
