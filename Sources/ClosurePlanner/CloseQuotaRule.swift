/// The `CloseAccount` limits AWS enforces (rules B11–B13).
public enum CloseQuotaRule: Sendable {
  /// Length of the rolling quota window, in days (rule B11).
  public static let windowDays = 30
  /// Closures that may be in progress at once (rule B12).
  public static let concurrentClosures = 3
  /// Seconds between `CloseAccount` calls the per-account throttle sustains (rule B13).
  public static let secondsBetweenCalls = 20

  /// Closures allowed per rolling 30 days: `min(1000, max(250, ⌊0.2 × members⌋))` (rule B11,
  /// the current botocore value; §4.1 of the reference lists the older ones).
  public static func closuresPerWindow(memberCount: Int) -> Int {
    min(1000, max(250, memberCount / 5))
  }
}
