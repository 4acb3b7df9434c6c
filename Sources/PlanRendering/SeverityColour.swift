public import ClosurePlanner

/// The terminal colours of the severities: blocking red, warning yellow, info dim.
///
/// Renderers add them only when asked; the command line asks when standard output is a
/// terminal and `NO_COLOR` is not set.
public enum SeverityColour: Sendable {
  /// The SGR sequence that starts `severity`'s colour.
  public static func start(_ severity: ClosurePlan.Severity) -> String {
    switch severity {
    case .blocking: "\u{1B}[31m"
    case .warning: "\u{1B}[33m"
    case .info: "\u{1B}[2m"
    }
  }

  /// The SGR sequence that ends a colour.
  public static let reset = "\u{1B}[0m"

  /// `text` in `severity`'s colour.
  public static func painted(_ text: String, _ severity: ClosurePlan.Severity) -> String {
    start(severity) + text + reset
  }
}
