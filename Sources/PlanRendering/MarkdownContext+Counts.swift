import ClosurePlanner
import OrgGraph

extension MarkdownContext {
  /// The most UTF-8 bytes the steps-per-wave table and the step graph may take.
  enum Budget {
    static let waves = 12_000
    static let graph = 12_000
  }

  /// The steps counted per wave and action, for plans too large to list step by step.
  func waveSection(into document: inout MarkdownDocument) {
    let rows = digests.lazy.flatMap { digest in
      digest.organizationSteps.map { waveRow(digest.wave, $0) }
        + digest.tallies.map { waveRow(digest.wave, $0) }
    }
    let total = digests.reduce(0) { $0 + $1.organizationSteps.count + $1.tallies.count }
    let shown = MarkdownDocument.fitting(rows, budget: Budget.waves)
    document.blank()
    document.append(
      "### Steps per wave (\(TextFormatting.grouped(plan.steps.count)) in "
        + "\(TextFormatting.counted(digests.count, "wave", "waves")))")
    document.blank()
    document.tableHeader(
      ["Wave", "Kind", "Step", "Count", "Windows", "Not before"], numeric: [0, 3])
    for row in shown { document.append(row) }
    guard shown.count < total else { return }
    let omitted = total - shown.count
    document.blank()
    document.append(
      "\(TextFormatting.counted(omitted, "more row", "more rows")) did not fit; `plan.json` lists "
        + "every step.")
  }

  /// The steps-per-wave row of an organization-level step.
  private func waveRow(_ wave: Int, _ step: ClosurePlan.Step) -> String {
    let window = step.window.map { TextFormatting.grouped($0) } ?? "—"
    let date = step.notBefore?.description ?? "—"
    return MarkdownDocument.row(
      ["\(wave)", step.kind.rawValue, Self.name(index.title(step)), "1", window, date])
  }

  /// The steps-per-wave row of the per-account steps of one action; the step's own row when
  /// there is one.
  private func waveRow(_ wave: Int, _ tally: WaveDigest.Tally) -> String {
    guard tally.count > 1 else { return waveRow(wave, tally.firstStep) }
    let windows = tally.windows.map { TextFormatting.numbers($0) } ?? "—"
    let dates = tally.dates.map { TextFormatting.dates($0) } ?? "—"
    let step = Self.name(tally.action.rawValue) + " (per account)"
    return MarkdownDocument.row(
      ["\(wave)", tally.kind.rawValue, step, TextFormatting.grouped(tally.count), windows, dates])
  }

  /// The step graph, grouped by action and window, or by action and wave when that is too
  /// large, or left out.
  func graphSection(into document: inout MarkdownDocument) {
    document.blank()
    document.append("### Step graph")
    document.blank()
    let byWindow = StepGraph(plan, grouping: .byWindow, index: index)
    for graph in [byWindow, byWindow.mergedByWave()] {
      let grouping = graph.grouping
      let text = MermaidRenderer.render(graph, stepCount: plan.steps.count)
      guard text.utf8.count <= Budget.graph else { continue }
      document.append(
        grouping == .byWindow
          ? "Steps of the same wave, action and window are drawn as one node."
          : "Steps of the same wave and action are drawn as one node.")
      document.blank()
      document.append("```mermaid")
      document.appendVerbatim(text)
      document.append("```")
      return
    }
    document.append(
      "The step graph is too large to draw here, even grouped; "
        + "`orgclose render plan.json --format dot` draws it.")
  }
}
