public import ClosurePlanner
import OrgCloseBasics
import OrgGraph

/// Renders a plan as Markdown ready to post as pull-request comments.
///
/// At every size the comments show what a reviewer approves: the summary table, every
/// protected account with its notes and what happens to it, every account whose disposition
/// is not the strategy's default, every blocking finding and the warnings grouped by code, the
/// closures per window with dates, the timeline as a Mermaid gantt chart, the steps (in full
/// for small plans, counted per wave and action for large ones), the step graph, and a table
/// of every account (OU path, disposition, window, date, findings, notes) in folds of 500.
///
/// Each comment stays under ``characterLimit``. A plan that does not fit in one is split into
/// numbered comments, as Atlantis does, each opening with a hidden marker
/// (`<!-- orgclose-plan part 2 of 3 -->`) that a workflow uses to update its comments in
/// place; tables continue across comments with their headings repeated. At most
/// ``maximumComments`` are written; the accounts table ends there with a pointer to
/// `orgclose render plan.json --account ID`. Every name from AWS is escaped.
public struct MarkdownPlanRenderer: PlanRenderer {
  /// The largest comment GitHub accepts; comments stay below it, measured in UTF-8 bytes
  /// (never fewer than characters).
  public static let characterLimit = 65_536
  /// The most comments a plan is split into.
  public static let maximumComments = 12
  /// Plans with more steps than this have their steps counted per wave instead of listed.
  static let detailedStepLimit = 200

  /// Creates a Markdown renderer.
  public init() {}

  /// The marker line that opens part `part` of `count`.
  public static func marker(part: Int, of count: Int) -> String {
    "<!-- orgclose-plan part \(part) of \(count) -->"
  }

  /// Renders `plan` as its comments, in order, each under ``characterLimit``.
  public func comments(_ plan: ClosurePlan) -> [String] {
    let context = MarkdownContext(plan)
    let parts = MarkdownPaginator(limit: Self.characterLimit, maximumParts: Self.maximumComments)
      .paginate(context.blocks())
    return parts.enumerated().map { position, part in
      var header = [Self.marker(part: position + 1, of: parts.count)]
      if parts.count > 1 {
        header.append(
          "_orgclose plan for organization \(MarkdownContext.name(plan.organization.id)), "
            + "comment \(position + 1) of \(parts.count): the plan is too large for one "
            + "comment, so it is split, and tables continue in the next comment._")
      }
      var text = header.joined(separator: "\n") + "\n"
      // Each part's text starts with the blank line its first block opened with.
      text += part.text.drop { $0 == "\n" }.description
      return text
    }
  }

  /// Renders `plan` as its comments one after another; each starts with its marker line.
  public func render(_ plan: ClosurePlan) -> String {
    comments(plan).joined(separator: "\n")
  }
}

extension MarkdownContext {
  /// Every block of the document, in reading order.
  ///
  /// The step graph, which reads every step, is drawn on the second core while the other
  /// sections are written.
  func blocks() -> [MarkdownPaginator.Block] {
    let context = self
    let (graph, others) = concurrently(
      { () -> [String] in
        var graph = MarkdownDocument()
        context.graphSection(into: &graph)
        return Self.lines(graph)
      },
      { context.blocksBeforeGraph() })
    return others.blocks + [.text(graph), accountBlock(notes: others.notes, planFile: "plan.json")]
  }

  /// The blocks before the step graph, and the notes by account the account table shows.
  private func blocksBeforeGraph() -> (
    blocks: [MarkdownPaginator.Block], notes: [AccountID: String]
  ) {
    let notes = plan.notesByAccount
    var overview = MarkdownDocument()
    self.overview(into: &overview)
    var blocks: [MarkdownPaginator.Block] = [.text(Self.lines(overview))]
    blocks += decisionBlocks(notes: notes)
    blocks.append(findingBlock("Blocking findings", blocking, folded: false))
    blocks.append(findingBlock("Warnings", warnings, folded: warnings.count > 10))
    blocks.append(findingBlock("Info: what the plan already handles", info, folded: true))
    blocks.append(calendarBlock())
    var timeline = MarkdownDocument()
    timelineSection(into: &timeline)
    blocks.append(.text(Self.lines(timeline)))
    if plan.steps.count <= MarkdownPlanRenderer.detailedStepLimit {
      blocks.append(
        .text([
          "### Steps (\(TextFormatting.grouped(plan.steps.count)) in "
            + "\(TextFormatting.counted(digests.count, "wave", "waves")))"
        ]))
      for digest in digests {
        var wave = MarkdownDocument()
        waveTable(digest, into: &wave)
        blocks.append(.text(Self.lines(wave)))
      }
    } else {
      var waves = MarkdownDocument()
      waveSection(into: &waves)
      blocks.append(.text(Self.lines(waves)))
    }
    return (blocks, notes)
  }

  /// The lines of `document`, without the blank lines around them.
  static func lines(_ document: MarkdownDocument) -> [String] {
    var lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    while lines.first == "" { lines.removeFirst() }
    while lines.last == "" { lines.removeLast() }
    return lines
  }
}
