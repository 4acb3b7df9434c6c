public import ClosurePlanner

/// Renders a `PlanDiff` as text for a terminal or as Markdown for a pull-request comment.
///
/// The document opens with one line counting what changed, then the organization (plan-level
/// values, steps and findings about no account), then each account with a change: its entry's
/// changes (state, OU path, disposition, finding codes), the steps it affects and its findings,
/// and last the provenance (generator, input digests). Identical plans say so. Every name from
/// a plan is escaped; the Markdown document stays under `MarkdownPlanRenderer.characterLimit`,
/// naming what it leaves out.
public struct DiffRenderer: Sendable {
  /// The output format.
  public enum Style: String, Sendable, CaseIterable {
    /// Plain text, wrapped at 100 columns, with `+`, `-` and `~` marking added, removed and
    /// changed items.
    case text
    /// GitHub-flavoured Markdown: a table per account.
    case markdown
  }

  /// The output format this renderer writes.
  public var style: Style

  /// Creates a diff renderer writing `style`.
  public init(style: Style = .text) {
    self.style = style
  }

  /// Renders `diff`, titled with the organization it is about.
  ///
  /// - Parameters:
  ///   - diff: The changes, from `PlanDiff(from:to:)`.
  ///   - organizationID: The organization of the newer plan.
  /// - Returns: The whole document, ending in a line break.
  public func render(_ diff: PlanDiff, organizationID: String) -> String {
    switch style {
    case .text: DiffTextRenderer(width: TextPlanRenderer.width).render(diff, organizationID)
    case .markdown:
      DiffMarkdownRenderer(limit: MarkdownPlanRenderer.characterLimit)
        .render(diff, organizationID)
    }
  }
}
