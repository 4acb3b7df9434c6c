/// Where the command line writes: standard output and standard error, injected so tests can
/// capture both without global state.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  /// Today's date in UTC, injected so tests can pin it.
  public var today: @Sendable () -> String

  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    today: @escaping @Sendable () -> String
  ) {
    self.out = out
    self.err = err
    self.today = today
  }
}
