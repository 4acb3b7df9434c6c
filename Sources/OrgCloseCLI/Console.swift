/// Where the command line writes: standard output and standard error, injected so tests can
/// capture both without global state.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  /// Today's date in UTC, injected so tests can pin it.
  public var today: @Sendable () -> String
  /// Whether the large values a command is done with (plans, organizations) are left for the
  /// process exit to reclaim rather than freed (see `leaveToExit(_:)`).
  ///
  /// The `orgclose` executable turns it on; tests, which run many commands in one process,
  /// leave it off.
  public var leavesLargeValuesToExit = false
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

  /// Ends a command's use of `value`: when `leavesLargeValuesToExit`, it is kept until the
  /// process exits, which reclaims the whole heap at once; otherwise it is freed as usual.
  ///
  /// Freeing a 100,000-account plan object by object (millions of strings and arrays) took
  /// 0.35 s of `orgclose plan`'s 2.2 s. Compilers skip the same work the same way (clang's
  /// `-disable-free`).
  func leaveToExit(_ value: some Sendable) {
    guard leavesLargeValuesToExit else { return }
    _ = Unmanaged.passRetained(KeptUntilExit(value))
  }
}

/// A value no one frees: `Console.leaveToExit(_:)` retains it once more than it releases.
private final class KeptUntilExit<Value: Sendable>: Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
