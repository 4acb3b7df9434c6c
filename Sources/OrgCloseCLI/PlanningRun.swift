import ClosurePlanner
import OrgGraph
import PlanFiles

/// Reads a snapshot and a policy and plans: the part `plan`, `blockers` and `validate` share.
struct PlanningRun {
  /// The command that reads the files, named in errors.
  var command: String
  var snapshotFile: String
  var policyFile: String?
  /// `--start`, already checked to be a date.
  var start: CalendarDay?

  /// Parses `--start`.
  static func startDate(_ text: String?, command: String) throws(UsageError) -> CalendarDay? {
    guard let text else { return nil }
    guard let day = CalendarDay(iso8601: text) else {
      throw UsageError(
        "\(command): --start must be a date YYYY-MM-DD, not \"\(text)\"", command: command)
    }
    return day
  }

  /// The files this run reads, which no output may replace.
  var inputFiles: [String] { [snapshotFile] + (policyFile.map { [$0] } ?? []) }

  /// The organization and the policy, read and validated.
  func inputs() throws(PlanFileError) -> (
    organization: PlanFiles.Loaded<Organization>, policy: PlanFiles.Loaded<Policy>?
  ) {
    let organization = try PlanFiles.readSnapshot(snapshotFile)
    let policy = try policyFile.map { file throws(PlanFileError) in try PlanFiles.readPolicy(file)
    }
    return (organization, policy)
  }

  /// Refuses a start date before the snapshot was taken.
  ///
  /// Steps dated before what the snapshot saw cannot be right. `--start` is a usage error (64), the policy's
  /// `startDate` bad data (65), and a clock behind the snapshot's `capturedAt` bad data too.
  private func checkStart(_ start: CalendarDay, fromPolicy: Bool, capturedAt: Timestamp?)
    throws
  {
    guard let capturedAt, start < capturedAt.day else { return }
    let taken = "the snapshot \(snapshotFile) was taken on \(capturedAt.day) (capturedAt)"
    if self.start != nil {
      throw UsageError("--start \(start) is before \(taken); start on or after \(capturedAt.day)")
    }
    if fromPolicy {
      throw CommandFailure(
        status: .dataError,
        message:
          "\(policyFile ?? "policy"): startDate: \(start) is before \(taken); start on or after "
          + "\(capturedAt.day), or take a new snapshot")
    }
    throw CommandFailure(
      status: .dataError,
      message: "\(snapshotFile): capturedAt: \(capturedAt) is after today (\(start)); check the "
        + "clock, or pass --start")
  }

  /// Plans from the files; the start date is `--start`, else the policy's, else today (UTC).
  func plan(today: String) throws -> ClosurePlan {
    let (organization, policy) = try inputs()
    let policyValue = policy?.value ?? .empty
    let startDate =
      start ?? policyValue.startDate ?? CalendarDay(iso8601: today)
      ?? CalendarDay(daysSince1970: 0)
    try checkStart(
      startDate, fromPolicy: start == nil && policyValue.startDate != nil,
      capturedAt: organization.value.capturedAt)
    return try ClosurePlanner().plan(
      organization.value, policy: policyValue, startDate: startDate,
      inputs: .init(snapshot: organization.digest, policy: policy?.digest))
  }
}
