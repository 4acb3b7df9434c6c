public import OrgGraph
public import PlanFiles

/// What `orgclose snapshot` reads and how.
public struct SnapshotOptions: Sendable {
  /// `--profile`, `--region`, `--endpoint-url`.
  public var connection: AWSConnection
  /// How many `aws` processes may run at once (`--parallel`, default 4).
  public var parallel: Int
  /// Whether to read last month's costs from Cost Explorer (off with `--no-costs`).
  public var includeCosts: Bool
  /// Whether to read every account's tags, one request per account (`--tags`).
  public var includeTags: Bool
  /// Today (UTC): the costs are those of the last full month before it.
  public var today: CalendarDay
  /// The `capturedAt` to record, ISO-8601.
  public var capturedAt: String?
  /// The tool and version to record, for example `orgclose 0.4.0`.
  public var tool: String?
  /// Whether to read the sections beside the tree (delegated administrators, handshakes,
  /// transfers, service access, root access features); `apply`'s later runs compare only
  /// accounts' states and places (rule K1).
  public var includeOrganizationSections: Bool

  /// How long one `aws` process may run before it is killed and the call counts as failed
  /// (`--aws-timeout`, `ORGCLOSE_AWS_TIMEOUT`).
  public var awsTimeout: Duration

  /// The `aws` timeout when neither `--aws-timeout` nor `ORGCLOSE_AWS_TIMEOUT` sets one.
  public static let defaultAWSTimeout: Duration = .seconds(300)

  /// Creates options; only `today` has no default.
  public init(
    connection: AWSConnection = AWSConnection(), parallel: Int = 4, includeCosts: Bool = true,
    includeTags: Bool = false, includeOrganizationSections: Bool = true, today: CalendarDay,
    capturedAt: String? = nil, tool: String? = nil,
    awsTimeout: Duration = SnapshotOptions.defaultAWSTimeout
  ) {
    self.includeOrganizationSections = includeOrganizationSections
    self.awsTimeout = awsTimeout
    self.connection = connection
    self.parallel = max(1, parallel)
    self.includeCosts = includeCosts
    self.includeTags = includeTags
    self.today = today
    self.capturedAt = capturedAt
    self.tool = tool
  }
}

/// How far the walk of the tree has come, reported while it runs.
public struct SnapshotProgress: Equatable, Sendable {
  /// OUs whose child OUs and accounts have both been listed.
  public var unitsWalked = 0
  /// OUs found so far.
  public var unitsFound = 0
  /// Accounts found so far.
  public var accounts = 0
  /// `aws` processes started so far.
  public var invocations = 0

  /// Creates a progress report.
  public init(unitsWalked: Int = 0, unitsFound: Int = 0, accounts: Int = 0, invocations: Int = 0) {
    self.unitsWalked = unitsWalked
    self.unitsFound = unitsFound
    self.accounts = accounts
    self.invocations = invocations
  }
}

/// A finished snapshot and what it cost in requests.
public struct SnapshotResult: Sendable {
  /// The snapshot, sorted, ready to encode.
  public var document: SnapshotDocument
  /// Invocations and pages.
  public var statistics: RequestStatistics
}
