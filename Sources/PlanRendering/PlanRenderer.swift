public import ClosurePlanner

/// Turns a plan into a document.
///
/// Renderers are pure: the same plan always yields the same string, with `\n` line endings
/// and a trailing newline. None of them prints or touches the file system; the CLI decides
/// where the text goes.
public protocol PlanRenderer: Sendable {
  /// Renders `plan` as one complete document.
  func render(_ plan: ClosurePlan) -> String
}
