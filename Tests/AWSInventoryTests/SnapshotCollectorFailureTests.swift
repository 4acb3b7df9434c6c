import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

@testable import AWSInventory

/// The collector when `aws` fails: retries, throttling, denials, timeouts, gaps and
/// malformed output.
extension SnapshotCollectorTests {
  @Test("throttling is retried with backoff, then succeeds")
  func retriesThrottling() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    runner.on(
      "organizations list-accounts-for-parent --parent-id ou-ab12-sand0001",
      .throttled("ListAccountsForParent"), .throttled("ListAccountsForParent"),
      .init(stdout: CannedOrganization.accountsJSON(under: CannedOrganization.sandbox)))
    let sleeps = SleepLog()
    let result = try Self.collector(runner, sleeps: sleeps).collect()
    #expect(result.document.accounts.count == 31)
    #expect(result.statistics.retries == 2)
    #expect(result.statistics.throttled == 2)
    #expect(sleeps.durations.count == 2)
    #expect(sleeps.durations.allSatisfy { $0 >= .milliseconds(500) && $0 <= .seconds(2) })
  }

  @Test("a tree call still throttled after every retry fails the snapshot")
  func failsWhenThrottlingPersists() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    runner.on(
      "organizations list-organizational-units-for-parent --parent-id ou-ab12-prod0001",
      .throttled("ListOrganizationalUnitsForParent"))
    #expect(
      throws: InventoryError.awsFailed(
        call: "aws organizations list-organizational-units-for-parent --parent-id ou-ab12-prod0001",
        termination: .exited(254),
        message: "TooManyRequestsException: Rate exceeded", attempts: 3)
    ) {
      try Self.collector(runner).collect()
    }
  }

  @Test("access denied on the tree names the missing permission")
  func accessDeniedOnTheTree() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    runner.on(
      "organizations list-accounts-for-parent --parent-id ou-ab12-card0001",
      .error(
        "AccessDeniedException", "ListAccountsForParent",
        "You don't have permissions to access this resource."))
    let error = #expect(throws: InventoryError.self) { try Self.collector(runner).collect() }
    #expect(
      error?.description
        == "aws organizations list-accounts-for-parent --parent-id ou-ab12-card0001: access "
        + "denied: the caller lacks organizations:ListAccountsForParent (AccessDeniedException: "
        + "You don't have permissions to access this resource.); grant it, for example with the "
        + "AWSOrganizationsReadOnlyAccess policy, or use the management account's --profile")
    #expect(
      runner.count("organizations list-accounts-for-parent --parent-id ou-ab12-card0001") == 1)
  }

  @Test("an account outside any organization gets a clear message")
  func notInAnOrganization() throws {
    let runner = FakeCommandRunner()
    runner.on("--version", json: "aws-cli/1.45.11 Python/3.11.7")
    runner.on(
      "organizations describe-organization",
      .error(
        "AWSOrganizationsNotInUseException", "DescribeOrganization",
        "Your account is not a member of an organization.", status: 255))
    let error = #expect(throws: InventoryError.self) { try Self.collector(runner).collect() }
    #expect(
      error?.description.hasPrefix(
        "this account is not in an organization (or it was already deleted)") == true)
  }

  @Test("a next-page token seen before stops the paging loop with a gap, after two calls")
  func repeatingTokenStopsPaging() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    let first =
      "organizations list-inbound-responsibility-transfers --type BILLING --max-results 20"
    runner.on(first, json: #"{"ResponsibilityTransfers": [], "NextToken": "same"}"#)
    runner.on(
      first + " --next-token same", json: #"{"ResponsibilityTransfers": [], "NextToken": "same"}"#)
    let result = try Self.collector(runner).collect()
    #expect(runner.count(first) == 1)
    #expect(runner.count(first + " --next-token same") == 1)
    #expect(
      result.document.gaps == [
        .init(
          section: "responsibilityTransfers",
          reason: "aws \(first) --next-token same: unreadable output: the next-page token "
            + "repeats one already followed (1 pages read); stopped paging")
      ])
  }

  @Test("a killed or timed-out aws call is a gap naming how it ended, and is not re-run")
  func killedAndTimedOutCallsAreGaps() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    runner.on(
      "organizations list-handshakes-for-organization", .init(signal: SIGKILL))
    runner.on("iam list-organizations-features", .init(timeout: .seconds(300)))
    let result = try Self.collector(runner).collect()
    #expect(runner.count("organizations list-handshakes-for-organization") == 1)
    #expect(
      result.document.gaps == [
        .init(
          section: "handshakes",
          reason: "aws organizations list-handshakes-for-organization: killed by signal 9 "
            + "(SIGKILL)"),
        .init(
          section: "rootAccessFeatures",
          reason: "aws iam list-organizations-features: timed out after 300 s"),
      ])
  }

  @Test("a tree call that times out fails the snapshot with the limit and how to raise it")
  func treeTimeoutFails() {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    runner.on("organizations list-roots", .init(timeout: .seconds(5)))
    let error = #expect(throws: InventoryError.self) { try Self.collector(runner).collect() }
    #expect(
      error?.description
        == "aws organizations list-roots timed out after 5 s and was killed; raise the limit "
        + "with --aws-timeout SECONDS or ORGCLOSE_AWS_TIMEOUT")
  }

  @Test("optional sections that fail become gaps, and the snapshot is still taken")
  func optionalFailuresBecomeGaps() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    runner.on(
      "ce get-cost-and-usage \(CannedOrganization.costPeriod) --group-by "
        + "Type=DIMENSION,Key=LINKED_ACCOUNT Type=DIMENSION,Key=REGION",
      .error(
        "AccessDeniedException", "GetCostAndUsage",
        "User: arn:aws:iam::111111111111:user/x is not authorized to perform: ce:GetCostAndUsage"))
    runner.on(
      "organizations list-handshakes-for-organization",
      .error("ServiceException", "ListHandshakesForOrganization", "internal error"))
    runner.on(
      "organizations list-delegated-services-for-account --account-id 222222222222",
      .init(status: 0, stdout: "this is not JSON"))
    runner.on(
      "iam list-organizations-features",
      .init(
        status: 252,
        stderr: "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          + "To see help text, you can run:\n\n  aws help\n\naws: error: argument operation: "
          + "Invalid choice, valid choices are:\n"))
    let result = try Self.collector(runner).collect()
    #expect(
      result.document.gaps == [
        .init(
          section: "costs",
          reason: "AccessDeniedException: User: arn:aws:iam::111111111111:user/x is not "
            + "authorized to perform: ce:GetCostAndUsage (needs ce:GetCostAndUsage)"),
        .init(
          section: "delegatedAdministrators",
          reason: "services of 222222222222: aws organizations list-delegated-services-for-account "
            + "--account-id 222222222222: unreadable output: not JSON"),
        .init(
          section: "handshakes",
          reason: "aws organizations list-handshakes-for-organization: ServiceException: "
            + "internal error (after 3 attempts)"),
        .init(
          section: "rootAccessFeatures",
          reason: "this aws CLI does not have 'aws iam list-organizations-features'; upgrade the "
            + "AWS CLI"),
      ])
    #expect(result.document.costs == nil)
    #expect(result.document.handshakes == nil)
    #expect(result.document.delegatedAdministrators == [])
    #expect(result.document.accounts.count == 31)
  }

  @Test("output that is not the JSON expected fails a tree call as malformed")
  func malformedTreeOutput() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    runner.on("organizations list-roots", json: #"{"Roots": {"Id": "r-ab12"}}"#)
    #expect(
      throws: InventoryError.malformedOutput(
        call: "aws organizations list-roots", reason: "Roots: expected a list")
    ) { try Self.collector(runner).collect() }
  }

  @Test("a missing aws CLI is reported before anything else runs")
  func missingAWS() throws {
    let runner = FakeCommandRunner()
    runner.on(
      "--version", .init(status: 127, stderr: "/usr/bin/env: 'aws': No such file or directory\n"))
    #expect(throws: InventoryError.awsNotFound) { try Self.collector(runner).collect() }
    #expect(runner.commands.count == 1)
  }
}
