public import Foundation
import OrgCloseBasics
import PlanFiles

/// Takes a snapshot of a live organization through the user's `aws` CLI.
///
/// The tree is read by one walk from the root: for each parent, one
/// `list-organizational-units-for-parent` and one `list-accounts-for-parent`, so an
/// organization with *n* OUs takes 2(*n* + 1) tree calls, whatever its number of accounts (each
/// call pages at 20 inside the CLI). The optional sections (delegated administrators and their
/// services, invitations, responsibility transfers, trusted access, centralized root access,
/// costs, and tags with `--tags`) run alongside the walk on the same bounded set of workers.
/// A failure in the tree fails the snapshot; a failure in an optional section becomes a gap.
public struct SnapshotCollector: Sendable {
  var options: SnapshotOptions
  var runner: any CommandRunner
  var environment: [String: String]
  var retry: RetryPolicy

  /// Creates a collector.
  ///
  /// - Parameters:
  ///   - options: What to read and how.
  ///   - runner: Runs the `aws` processes; tests pass canned output.
  ///   - environment: orgclose's environment, consulted for `AWS_MAX_ATTEMPTS` and
  ///     `AWS_RETRY_MODE` (the user's values win over orgclose's).
  ///   - retry: How often a throttled or transiently failing call is re-run.
  public init(
    options: SnapshotOptions, runner: any CommandRunner = ProcessCommandRunner(),
    environment: [String: String] = ProcessInfo.processInfo.environment,
    retry: RetryPolicy = RetryPolicy()
  ) {
    self.options = options
    self.runner = runner
    self.environment = environment
    self.retry = retry
  }

  /// Reads the organization and returns the snapshot.
  ///
  /// - Parameter progress: Called from worker threads as the walk advances; it must be quick.
  /// - Returns: The sorted snapshot document and the request counts.
  /// - Throws: `InventoryError` when `aws` is missing or the organization, root, OUs or
  ///   accounts cannot be read.
  public func collect(progress: @escaping @Sendable (SnapshotProgress) -> Void = { _ in })
    throws(InventoryError) -> SnapshotResult
  {
    var aws = AWSCLI(
      runner: runner, connection: options.connection, environment: environment, retry: retry,
      timeout: options.awsTimeout)
    let version = try aws.version()
    aws.majorVersion = AWSCLI.majorVersion(of: version)
    let run = CollectionRun(aws: aws, options: options, progress: progress)
    let parts = try run.collect()
    let document = parts.document(
      capturedAt: options.capturedAt,
      collector: .init(tool: options.tool, awsCli: version))
    return SnapshotResult(document: document, statistics: aws.statistics.withLock { $0 })
  }
}
