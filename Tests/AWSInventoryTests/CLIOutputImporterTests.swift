import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

@testable import AWSInventory

/// `--from-cli-output`: saved aws CLI output in a folder, read back as a snapshot.
@Suite struct CLIOutputImporterTests {
  typealias Canned = CannedOrganization

  /// A fresh temporary folder with `files` in it, removed by the caller's `defer`.
  static func folder(_ files: [String: String]) throws -> String {
    let folder = try TemporaryFolder()
    for (name, text) in files { try Data(text.utf8).write(to: folder.url(name)) }
    return folder.path
  }

  /// Every file a user following the README would save for the canned organization.
  static var fullFolder: [String: String] {
    var files = [
      "organization.json": Canned.describeOrganization,
      "roots.json": Canned.listRoots,
      "delegated-administrators.json": Canned.delegatedAdministrators,
      "222222222222.delegated-services.json": Canned.delegatedServices,
      "handshakes.json": Canned.handshakes,
      "inbound-transfers-1.json": Canned.inboundPage1,
      "inbound-transfers-2.json": Canned.inboundPage2,
      "outbound-transfers.json": #"{"ResponsibilityTransfers": []}"#,
      "service-access.json": Canned.serviceAccess,
      "root-access.json": Canned.rootFeatures,
      "us-east-1.costs.json": Canned.costsUSEast1,
    ]
    for parent in [Canned.root] + Canned.units.map(\.id) {
      files["\(parent).ous.json"] = Canned.unitsJSON(under: parent)
      files["\(parent).accounts.json"] = Canned.accountsJSON(under: parent, withPaths: false)
    }
    return files
  }

  @Test("saved output gives the same snapshot as the live collector")
  func matchesTheLiveSnapshot() throws {
    let folder = try Self.folder(Self.fullFolder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var imported = try CLIOutputImporter(folder: folder).importSnapshot(tool: "orgclose test")

    let runner = FakeCommandRunner()
    Canned.register(on: runner)
    var live = try SnapshotCollectorTests.collector(runner).collect().document
    live.collector = nil
    live.capturedAt = nil
    imported.collector = nil
    #expect(imported == live)
  }

  @Test("describe-organization and list-accounts with Paths: OUs come from the paths")
  func treeFromPaths() throws {
    let folder = try Self.folder([
      "org.json": Canned.describeOrganization,
      "accounts.json": Canned.accountsJSON(under: nil, withPaths: true),
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let document = try CLIOutputImporter(folder: folder).importSnapshot(tool: nil)
    for account in Canned.accounts {
      #expect(document.accounts.first { $0.id == account.id }?.parentId == account.parent)
    }
    #expect(
      document.organizationalUnits?.map { "\($0.id)<\($0.parentId) \($0.name)" } == [
        "ou-ab12-card0001<ou-ab12-paym0001 ou-ab12-card0001",
        "ou-ab12-paym0001<ou-ab12-prod0001 ou-ab12-paym0001",
        "ou-ab12-prod0001<r-ab12 ou-ab12-prod0001",
        "ou-ab12-sand0001<r-ab12 ou-ab12-sand0001",
      ])
    #expect(document.roots == [.init(id: "r-ab12", name: "Root")])
    #expect(
      document.gaps?.map(\.section) == [
        "delegatedAdministrators", "enabledServicePrincipals", "handshakes",
        "organizationalUnits", "responsibilityTransfers", "rootAccessFeatures",
      ])
    _ = try PlanFiles.organization(from: document, file: "imported")
  }

  @Test("without Paths or a parent in the file name, accounts go under the root, with a gap")
  func unknownParents() throws {
    let folder = try Self.folder([
      "org.json": Canned.describeOrganization,
      "roots.json": Canned.listRoots,
      "accounts.json": Canned.accountsJSON(under: nil, withPaths: false),
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let document = try CLIOutputImporter(folder: folder).importSnapshot(tool: nil)
    #expect(document.accounts.allSatisfy { $0.parentId == "r-ab12" })
    let gap = try #require(document.gaps?.first { $0.section == "parents" })
    #expect(
      gap.reason.hasPrefix(
        "the parent of 31 account(s) or OU(s) is unknown (no Paths in the output and no parent "
          + "ID in the file name), so they are placed under the root r-ab12: 111111111111, "
          + "222222222222, 333333333333, 444444444444, 500000000000, and 26 more;"))
    _ = try PlanFiles.organization(from: document, file: "imported")
  }

  @Test("a parent file and list-accounts together: the parent file wins, no gap")
  func parentFilesWin() throws {
    var files = Self.fullFolder
    files["all-accounts.json"] = Canned.accountsJSON(under: nil, withPaths: false)
    let folder = try Self.folder(files)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let document = try CLIOutputImporter(folder: folder).importSnapshot(tool: nil)
    #expect(document.gaps == [])
    #expect(document.accounts.first { $0.id == "333333333333" }?.parentId == Canned.cards)
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: String]
    var message: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    ErrorCase(
      name: "not JSON", files: ["org.json": Canned.describeOrganization, "bad.json": "{oops"],
      message: "bad.json: is not aws CLI JSON output: not JSON"),
    ErrorCase(
      name: "unrecognised", files: ["org.json": Canned.describeOrganization, "x.json": "{}"],
      message: "x.json: is not the output of an aws command orgclose reads (expected a key such "
        + "as Organization, Roots, OrganizationalUnits, Accounts, DelegatedAdministrators, "
        + "DelegatedServices, Handshakes, EnabledServicePrincipals, ResponsibilityTransfers, "
        + "EnabledFeatures, ResultsByTime or Tags)"),
    ErrorCase(
      name: "no organization", files: ["roots.json": Canned.listRoots],
      message: "FOLDER: has no describe-organization output (a file with \"Organization\"); save "
        + "it with 'aws organizations describe-organization > organization.json'"),
    ErrorCase(
      name: "truncated",
      files: [
        "org.json": Canned.describeOrganization,
        "accounts.json": #"{"Accounts": [], "NextToken": "eyJ9"}"#,
      ],
      message: "accounts.json: is one page of a longer list (it has a NextToken); save the whole "
        + "list without --max-items or --no-paginate"),
    ErrorCase(
      name: "services without an account",
      files: [
        "org.json": Canned.describeOrganization, "roots.json": Canned.listRoots,
        "services.json": Canned.delegatedServices,
      ],
      message: "services.json: is list-delegated-services-for-account output, but its name does "
        + "not start with the account ID (save it as <account-id>.delegated-services.json)"),
    ErrorCase(
      name: "a bad path",
      files: [
        "org.json": Canned.describeOrganization,
        "accounts.json":
          #"{"Accounts": [{"Id": "111111111111", "Paths": ["r-ab12/111111111111/"]}]}"#,
      ],
      message: "accounts.json: Accounts[0].Paths[0]: \"r-ab12/111111111111/\" is not an "
        + "organization path (o-…/r-…(/ou-…)*/…/)"),
    ErrorCase(
      name: "two months of costs",
      files: [
        "org.json": Canned.describeOrganization, "roots.json": Canned.listRoots,
        "costs.json": #"{"ResultsByTime": [{}, {}], "GroupDefinitions": []}"#,
      ],
      message: "costs.json: holds 2 periods; save one month (--granularity MONTHLY and a "
        + "one-month --time-period)"),
  ])
  func errorsNameTheFile(_ c: ErrorCase) throws {
    let folder = try Self.folder(c.files)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let error = #expect(throws: InventoryError.self) {
      try CLIOutputImporter(folder: folder).importSnapshot(tool: nil)
    }
    let message = error?.description.replacingOccurrences(of: folder + "/", with: "")
      .replacingOccurrences(of: folder, with: "FOLDER")
    #expect(message == c.message)
  }

  @Test("a missing folder is named")
  func missingFolder() {
    #expect(throws: InventoryError.folderMissing(folder: "/nonexistent/saved")) {
      try CLIOutputImporter(folder: "/nonexistent/saved").importSnapshot(tool: nil)
    }
  }

  @Test("Cost Explorer output: the Region comes from the file name, else all Regions")
  func costRegions() throws {
    var files = Self.fullFolder
    files["us-east-1.costs.json"] = nil
    files["costs.json"] = Canned.costsUSEast1
    let folder = try Self.folder(files)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let document = try CLIOutputImporter(folder: folder).importSnapshot(tool: nil)
    #expect(document.costs?.rows.map(\.region) == ["all Regions"])
    #expect(ImportedCosts.isRegion("us-gov-west-1"))
    #expect(ImportedCosts.isRegion("global"))
    #expect(!ImportedCosts.isRegion("costs"))
    #expect(!ImportedCosts.isRegion("r-ab12"))
  }
}

/// Rule A3 paths.
@Suite struct OrganizationPathTests {
  @Test func readsParents() throws {
    let path = try #require(
      OrganizationPath("o-abcdef1234/r-ab12/ou-ab12-aaaaaaaa/ou-ab12-bbbbbbbb/111111111111/"))
    #expect(path.ancestors == ["r-ab12", "ou-ab12-aaaaaaaa", "ou-ab12-bbbbbbbb"])
    #expect(path.parent(of: "111111111111") == "ou-ab12-bbbbbbbb")
    #expect(path.parent(of: "ou-ab12-bbbbbbbb") == "ou-ab12-aaaaaaaa")
    #expect(
      path.unitParents.map { "\($0.unit)<\($0.parent)" } == [
        "ou-ab12-aaaaaaaa<r-ab12", "ou-ab12-bbbbbbbb<ou-ab12-aaaaaaaa",
      ])
    #expect(OrganizationPath("r-ab12/111111111111/") == nil)
    #expect(OrganizationPath("o-abcdef1234/r-ab12/bogus/") == nil)
  }

  @Test("the last full month, across a year's end")
  func costPeriod() throws {
    let january = try #require(CalendarDay(year: 2027, month: 1, day: 15))
    let query = CostQuery(lastFullMonthBefore: january)
    #expect("\(query.start)..\(query.end)" == "2026-12-01..2027-01-01")
  }
}
