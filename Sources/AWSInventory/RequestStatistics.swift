/// How many requests a snapshot took.
///
/// Every `aws` process is one invocation. The CLI fetches the pages of a list call by itself
/// and prints them merged, so their number is not visible; `pages` counts them exactly where
/// orgclose pages itself (responsibility transfers, Cost Explorer) and elsewhere as the
/// fewest the results need at 20 items a page, which is exact unless AWS returned a short or
/// empty page mid-list.
public struct RequestStatistics: Equatable, Sendable {
  /// `aws` processes started, `aws --version` and re-runs included.
  public var invocations = 0
  /// Invocations that were re-runs after throttling or a transient error.
  public var retries = 0
  /// Failed invocations whose error was throttling.
  public var throttled = 0
  /// API pages (see the type's discussion).
  public var pages = 0
  /// Invocations per CLI command (`organizations list-accounts-for-parent`: 121).
  public var invocationsByCommand: [String: Int] = [:]

  /// Creates empty statistics.
  public init() {}

  /// The pages a list of `items` items takes at `pageSize` a page: at least one.
  static func pages(items: Int, pageSize: Int) -> Int {
    max(1, (items + pageSize - 1) / pageSize)
  }
}
