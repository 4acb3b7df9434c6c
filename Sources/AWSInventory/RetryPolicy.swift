import Foundation

/// How often orgclose re-runs an `aws` call that failed with throttling or a transient error,
/// on top of the retries the CLI makes itself.
///
/// The CLI is told `AWS_RETRY_MODE=adaptive` and `AWS_MAX_ATTEMPTS=5` unless the user set
/// either, so each run of `aws` already retries with backoff; these re-runs cover a throttle
/// that outlasts those. The wait doubles from `baseDelay`, with jitter, up to `maximumDelay`.
public struct RetryPolicy: Sendable {
  /// How many times one call is run at most (1 means no re-runs).
  public var attempts: Int
  /// The wait before the first re-run.
  public var baseDelay: Duration
  /// The longest wait between runs.
  public var maximumDelay: Duration
  /// How to wait: tests pass a closure that only records.
  public var sleep: @Sendable (Duration) -> Void

  /// Creates a policy.
  public init(
    attempts: Int = 3, baseDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(20),
    sleep: @escaping @Sendable (Duration) -> Void = RetryPolicy.threadSleep
  ) {
    self.attempts = max(1, attempts)
    self.baseDelay = baseDelay
    self.maximumDelay = maximumDelay
    self.sleep = sleep
  }

  /// The wait before re-run number `retry` (1 for the first): the doubled base with equal
  /// jitter (half fixed, half random), so parallel workers do not retry in lockstep.
  func delay(beforeRetry retry: Int) -> Duration {
    let doubled = baseDelay * (1 << min(max(retry - 1, 0), 16))
    let capped = min(doubled, maximumDelay)
    return capped / 2 + capped / 2 * Double.random(in: 0...1)
  }

  /// Blocks the calling thread for `duration`.
  public static let threadSleep: @Sendable (Duration) -> Void = { duration in
    let (seconds, attoseconds) = duration.components
    Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
  }
}
