import ClosurePlanner
import Foundation
import OrgCloseBasics
import OrgGraph
import PlanFiles
import TestSupport
import Testing

@testable import AWSInventory

/// The collector against canned CLI output: the walk, paging and sections (failures in
/// `SnapshotCollectorFailureTests.swift`).
@Suite struct SnapshotCollectorTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 26) ?? .init(daysSince1970: 0)

  static func collector(
    _ runner: FakeCommandRunner, parallel: Int = 4, costs: Bool = true, tags: Bool = false,
    environment: [String: String] = [:], sleeps: SleepLog = SleepLog()
  ) -> SnapshotCollector {
    SnapshotCollector(
      options: SnapshotOptions(
        connection: AWSConnection(profile: "mgmt"), parallel: parallel, includeCosts: costs,
        includeTags: tags, today: today, capturedAt: "2026-11-26T12:00:00Z", tool: "orgclose test"),
      runner: runner, environment: environment,
      retry: RetryPolicy(attempts: 3, sleep: sleeps.record))
  }

  @Test("one walk of the tree reads every parent once and places every account")
  func walksTheTreeOnce() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    let result = try Self.collector(runner).collect()
    let document = result.document

    #expect(document.roots == [.init(id: "r-ab12", name: "Root")])
    #expect(
      document.organizationalUnits?.map { "\($0.id)<\($0.parentId)" } == [
        "ou-ab12-card0001<ou-ab12-paym0001", "ou-ab12-paym0001<ou-ab12-prod0001",
        "ou-ab12-prod0001<r-ab12", "ou-ab12-sand0001<r-ab12",
      ])
    let parents = Dictionary(uniqueKeysWithValues: document.accounts.map { ($0.id, $0.parentId) })
    for account in CannedOrganization.accounts {
      #expect(parents[account.id] == account.parent, "\(account.id)")
    }
    #expect(document.accounts.count == 31)
    for parent in ["r-ab12"] + CannedOrganization.units.map(\.id) {
      #expect(runner.count("organizations list-accounts-for-parent --parent-id \(parent)") == 1)
      #expect(
        runner.count("organizations list-organizational-units-for-parent --parent-id \(parent)")
          == 1)
    }
    #expect(!runner.commands.contains { $0.arguments.contains("list-parents") })
    // version, organization, roots, 2 × 5 parents, 8 optional calls, 2 cost queries.
    #expect(result.statistics.invocations == 1 + 1 + 1 + 10 + 8 + 2)
    #expect(result.statistics.invocationsByCommand["organizations list-accounts-for-parent"] == 5)
    // Organization, roots, 5 OU lists, 6 account pages (Sandbox's 25 accounts take two pages
    // of 20), admins, services, handshakes, 2 inbound pages (paged by hand), outbound,
    // service access, root access features, 2 cost queries.
    #expect(result.statistics.pages == 1 + 1 + 5 + 6 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 2)
    #expect(document.gaps == [])
  }

  @Test("keeps State and the retired Status, and writes every timestamp as ISO-8601")
  func mapsAccountFields() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    let accounts = try Self.collector(runner).collect().document.accounts
    let management = try #require(accounts.first { $0.id == "111111111111" })
    #expect(management.state == "ACTIVE")
    #expect(management.status == "ACTIVE")
    #expect(management.joinedTimestamp == .text("2016-12-15T21:02:21.044Z"))
    let legacy = try #require(accounts.first { $0.id == "333333333333" })
    #expect(legacy.state == nil)
    #expect(legacy.status == "SUSPENDED")
    #expect(legacy.joinedTimestamp == .text("2016-12-15T21:02:21.044Z"))
    let member = try #require(accounts.first { $0.id == "500000000000" })
    #expect(member.joinedTimestamp == .text("2020-09-13T12:26:40.000Z"))
    #expect(member.tags == nil)
  }

  @Test("reads the optional sections: admins' services, open invitations, transfers, costs")
  func readsOptionalSections() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    let document = try Self.collector(runner).collect().document
    #expect(
      document.delegatedAdministrators == [
        .init(accountId: "222222222222", servicePrincipal: "guardduty.amazonaws.com"),
        .init(accountId: "222222222222", servicePrincipal: "securityhub.amazonaws.com"),
      ])
    #expect(document.handshakes == [.init(id: "h-open00001", action: "INVITE", state: "OPEN")])
    #expect(
      document.responsibilityTransfers == [
        .init(
          id: "rt-inbound001", direction: "inbound", status: "ACCEPTED",
          endTimestamp: .text("2027-01-01T00:00:00.000Z")),
        .init(id: "rt-inbound002", direction: "inbound", status: "WITHDRAWN", endTimestamp: nil),
      ])
    #expect(document.enabledServicePrincipals == ["guardduty.amazonaws.com", "sso.amazonaws.com"])
    #expect(document.rootAccessFeatures == ["RootCredentialsManagement", "RootSessions"])
    #expect(
      document.costs
        == .init(
          periodStart: "2026-10-01", periodEnd: "2026-11-01",
          rows: [
            .init(
              accountId: "222222222222", service: "Amazon GuardDuty", region: "us-east-1",
              amount: .init("12.3"), unit: "USD")
          ]))
    #expect(document.collector == .init(tool: "orgclose test", awsCli: "aws-cli/2.15.0"))
    #expect(document.capturedAt == "2026-11-26T12:00:00Z")
  }

  @Test("the snapshot validates and plans")
  func snapshotPlans() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    let document = try Self.collector(runner).collect().document
    let organization = try PlanFiles.organization(from: document, file: "canned")
    let plan = try Fixtures.plan(organization)
    #expect(plan.step("close-account:500000000000") != nil)
    #expect(plan.step("deregister-delegated-admin:222222222222:guardduty.amazonaws.com") != nil)
  }

  @Test("--tags reads each account's tags; without it, none are read")
  func readsTagsOnlyWhenAsked() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    for account in CannedOrganization.accounts {
      runner.on(
        "organizations list-tags-for-resource --resource-id \(account.id)",
        json: #"{"Tags": [{"Key": "team", "Value": "t-\#(account.id.prefix(1))"}]}"#)
    }
    let document = try Self.collector(runner, tags: true).collect().document
    #expect(document.accounts.allSatisfy { $0.tags == ["team": "t-\($0.id.prefix(1))"] })
    let tagCall = try #require(
      runner.commands.first { $0.arguments.contains("list-tags-for-resource") })
    #expect(!tagCall.arguments.contains("--page-size"))  // the API takes no page size
  }

  @Test("Cost Explorer pages are followed by NextPageToken, which the CLI does not do")
  func pagesCostExplorer() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    let byRegion =
      "ce get-cost-and-usage \(CannedOrganization.costPeriod) --group-by "
      + "Type=DIMENSION,Key=LINKED_ACCOUNT Type=DIMENSION,Key=REGION"
    runner.on(
      byRegion,
      json: #"{"ResultsByTime": [{"Groups": []}], "NextPageToken": "next"}"#)
    runner.on(byRegion + " --next-page-token next", json: CannedOrganization.costsByRegion)
    let result = try Self.collector(runner).collect()
    #expect(result.document.costs?.rows.map(\.service) == ["Amazon GuardDuty"])
    #expect(result.statistics.invocationsByCommand["ce get-cost-and-usage"] == 3)
  }

  @Test("a credit (a negative amount) is left out, so the snapshot reads back")
  func creditsAreLeftOut() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    runner.on(
      "ce get-cost-and-usage \(CannedOrganization.costPeriod) --group-by "
        + "Type=DIMENSION,Key=LINKED_ACCOUNT Type=DIMENSION,Key=SERVICE --filter "
        + #"{"Dimensions":{"Key":"REGION","Values":["us-east-1"]}}"#,
      json: #"""
        {"ResultsByTime": [{"Groups": [
          {"Keys": ["222222222222", "Amazon GuardDuty"], "Metrics": {"UnblendedCost": {"Amount": "12.3", "Unit": "USD"}}},
          {"Keys": ["222222222222", "Credits"], "Metrics": {"UnblendedCost": {"Amount": "-4.5", "Unit": "USD"}}}]}]}
        """#)
    let result = try Self.collector(runner).collect()
    #expect(result.document.costs?.rows.map(\.service) == ["Amazon GuardDuty"])
    _ = try PlanFiles.organization(from: result.document, file: "org.snapshot.json")
  }

  @Test("no more than --parallel aws processes run at once", arguments: [1, 3])
  func boundsParallelism(_ parallel: Int) throws {
    let runner = FakeCommandRunner(delay: 0.02)
    CannedOrganization.register(on: runner)
    _ = try Self.collector(runner, parallel: parallel, costs: false).collect()
    #expect(runner.peakConcurrency <= parallel)
    if parallel > 1 { #expect(runner.peakConcurrency > 1) }
  }

  @Test("reports progress through the callback")
  func reportsProgress() throws {
    let runner = FakeCommandRunner()
    CannedOrganization.register(on: runner)
    let reports = ProgressLog()
    _ = try Self.collector(runner, costs: false).collect(progress: reports.record)
    let last = try #require(reports.all.max { $0.accounts < $1.accounts })
    #expect(last.accounts == 31)
    #expect(reports.all.map(\.unitsWalked).max() == 4)
    #expect(reports.all.count == 10)
  }

  @Test("the same organization gives the same document at any parallelism")
  func deterministic() throws {
    var documents: [Data] = []
    for parallel in [1, 4, 8] {
      let runner = FakeCommandRunner()
      CannedOrganization.register(on: runner)
      documents.append(
        PlanFiles.encode(try Self.collector(runner, parallel: parallel).collect().document))
    }
    #expect(documents[0] == documents[1])
    #expect(documents[1] == documents[2])
  }
}

/// Records the waits a retry policy asked for, without waiting.
final class SleepLog: Sendable {
  private let log = Locked<[Duration]>([])
  var durations: [Duration] { log.withLock { $0 } }
  var record: @Sendable (Duration) -> Void {
    { [log] duration in log.withLock { $0.append(duration) } }
  }
}

/// Records progress reports.
final class ProgressLog: Sendable {
  private let log = Locked<[SnapshotProgress]>([])
  var all: [SnapshotProgress] { log.withLock { $0 } }
  var record: @Sendable (SnapshotProgress) -> Void {
    { [log] report in log.withLock { $0.append(report) } }
  }
}
