/// The exit statuses of DESIGN.md, "Command line".
public struct ExitStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let success = ExitStatus(rawValue: 0)
  public static let failure = ExitStatus(rawValue: 1)
  /// `blockers` (or `plan --fail-on-blocking`) found a blocking finding.
  public static let blocked = ExitStatus(rawValue: 2)
  /// `check` found the plan stale.
  public static let stale = ExitStatus(rawValue: 3)
  /// EX_USAGE.
  public static let usage = ExitStatus(rawValue: 64)
  /// EX_DATAERR: bad input data.
  public static let dataError = ExitStatus(rawValue: 65)
  /// EX_NOINPUT: an input file is missing or unreadable.
  public static let noInput = ExitStatus(rawValue: 66)
  /// EX_UNAVAILABLE: the `aws` CLI is missing, or the one on `PATH` cannot be run.
  public static let unavailable = ExitStatus(rawValue: 69)
  /// EX_IOERR: an output file, or standard output, could not be written.
  public static let ioError = ExitStatus(rawValue: 74)
  /// EX_TEMPFAIL: AWS still throttling or failing after retries, or an `aws` call that
  /// timed out or was killed.
  public static let temporaryFailure = ExitStatus(rawValue: 75)

  public var description: String { "\(rawValue)" }
}
