/// Where the command line writes: standard output and standard error, injected so tests can
/// capture both without global state.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  /// Today's date in UTC, injected so tests can pin it.
  public var today: @Sendable () -> String
  /// Whether standard output is a terminal, injected so tests can check both.
  public var outputIsTerminal = false
  /// The process environment (`NO_COLOR`), injected so tests can set it.
  public var environment: [String: String] = [:]

  /// Whether text output is coloured: on a terminal, unless `NO_COLOR` is set (to any
  /// value, see no-color.org).
  public var usesColour: Bool { outputIsTerminal && environment["NO_COLOR"] == nil }

  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    today: @escaping @Sendable () -> String
  ) {
    self.out = out
    self.err = err
    self.today = today
  }
}
