import OrgGraph
import PlanExecution
import Testing

@testable import AWSInventory

/// The reads `apply` makes besides the snapshot, against canned CLI output.
@Suite struct OrganizationsActionsTests {
  static func actions(_ runner: FakeCommandRunner) -> OrganizationsActions {
    runner.on("--version", Reply(stdout: "aws-cli/2.31.0 Python/3.13.7 Linux/6.1 exe/x86_64\n"))
    return OrganizationsActions(
      connection: AWSConnection(), environment: [:], timeout: .seconds(5), runner: runner)
  }

  typealias Reply = FakeCommandRunner.Reply
  static let key = "organizations describe-responsibility-transfer --id rt-abcd1234efgh"
  static let transfer = ResponsibilityTransferID(unchecked: "rt-abcd1234efgh")

  @Test("a transfer's Status and EndTimestamp are read, in either form the CLI prints")
  func transferIsRead() throws {
    let runner = FakeCommandRunner()
    runner.on(
      Self.key,
      Reply(stdout: #"{"ResponsibilityTransfer":{"Status":"ACCEPTED","EndTimestamp":1798761599}}"#),
      Reply(
        stdout:
          #"{"ResponsibilityTransfer":{"Status":"ACCEPTED","EndTimestamp":"2026-12-31T23:59:59Z"}}"#
      ))
    let actions = Self.actions(runner)
    let end = try #require(Timestamp(iso8601: "2026-12-31T23:59:59Z"))
    #expect(
      try actions.transfer(Self.transfer) == TransferReading(status: "ACCEPTED", end: end))
    #expect(
      try actions.transfer(Self.transfer) == TransferReading(status: "ACCEPTED", end: end))
  }

  @Test("a transfer AWS no longer knows reads as nil, and other errors are thrown")
  func transferNotFound() {
    let runner = FakeCommandRunner()
    runner.on(
      Self.key,
      Reply(
        status: 254,
        stderr: "\nAn error occurred (ResponsibilityTransferNotFoundException) when calling the "
          + "DescribeResponsibilityTransfer operation: not found\n"),
      Reply(
        status: 254,
        stderr: "\nAn error occurred (AccessDeniedException) when calling the "
          + "DescribeResponsibilityTransfer operation: denied\n"))
    let actions = Self.actions(runner)
    #expect((try? actions.transfer(Self.transfer)) == .some(nil))
    #expect(throws: InventoryError.self) { try actions.transfer(Self.transfer) }
  }

  @Test(
    "rule E38a: a transfer has ended once refused or expired, or accepted or withdrawn and past its end"
  )
  func transferEnd() throws {
    let now = try #require(Timestamp(iso8601: "2027-01-01T00:00:00Z"))
    let before = try #require(Timestamp(iso8601: "2026-12-31T23:59:59Z"))
    let after = try #require(Timestamp(iso8601: "2027-01-31T23:59:59Z"))
    for status in ["DECLINED", "CANCELED", "EXPIRED"] {
      #expect(TransferReading(status: status, end: nil).hasEnded(at: now), "\(status)")
    }
    #expect(TransferReading(status: "ACCEPTED", end: before).hasEnded(at: now))
    #expect(!TransferReading(status: "ACCEPTED", end: after).hasEnded(at: now))
    #expect(!TransferReading(status: "ACCEPTED", end: nil).hasEnded(at: now))
    #expect(!TransferReading(status: "REQUESTED", end: before).hasEnded(at: now))
    // Rule E38a: a withdrawn transfer runs to its end date.
    #expect(!TransferReading(status: "WITHDRAWN", end: after).hasEnded(at: now))
    #expect(TransferReading(status: "WITHDRAWN", end: before).hasEnded(at: now))
    #expect(TransferReading(status: "WITHDRAWN", end: nil).hasEnded(at: now))
  }
}
