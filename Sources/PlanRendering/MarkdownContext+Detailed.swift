import ClosurePlanner
import OrgGraph

extension MarkdownContext {
  /// One wave's heading and the table of its steps.
  func waveTable(_ digest: WaveDigest, into document: inout MarkdownDocument) {
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
        Self.name(index.title(step)), step.kind.rawValue, step.call.map(Self.name) ?? "—",
        step.account.map { Self.name(index.accountLabel($0)) } ?? "—",
        entry.map { Self.name($0.path) } ?? "—", date,
      ])
    }
  }
}
