import ClosurePlanner
import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

@Suite struct SnapshotErrorTests {
  static let cases: [InputFileCase] = [
    InputFileCase(
      name: "schemaVersion missing",
      content: InputFiles.snapshot { $0["schemaVersion"] = nil },
      message: "org.json: schemaVersion: is missing; this orgclose reads version 1"),
    InputFileCase(
      name: "schemaVersion from the future",
      content: InputFiles.snapshot { $0["schemaVersion"] = 2 },
      message: "org.json: schemaVersion: 2 is newer than this orgclose reads (1); upgrade orgclose"),
    InputFileCase(
      name: "schemaVersion as text",
      content: InputFiles.snapshot { $0["schemaVersion"] = "1" },
      message: "org.json: schemaVersion: expected an integer"),
    InputFileCase(
      name: "organization missing",
      content: InputFiles.snapshot { $0["organization"] = nil },
      message: "org.json: organization: is missing; it is required"),
    InputFileCase(
      name: "malformed organization ID",
      content: InputFiles.snapshot {
        $0["organization"] = [
          "id": "org-1", "featureSet": "ALL", "managementAccountId": "111111111111",
        ]
      },
      message:
        "org.json: organization.id: \"org-1\" is not a valid ID (expected \"o-\" and 10 to 32 "
        + "lowercase letters or digits)"),
    InputFileCase(
      name: "accounts not an array",
      content: InputFiles.snapshot { $0["accounts"] = ["id": "x"] },
      message: "org.json: accounts: expected an array"),
    InputFileCase(
      name: "malformed account ID",
      content: InputFiles.snapshot(InputFiles.setAccount(1, "id", "12345")),
      message: "org.json: accounts[1].id: \"12345\" is not a valid ID (expected 12 digits)"),
    InputFileCase(
      name: "account name null",
      content: InputFiles.snapshot(InputFiles.setAccount(1, "name", NSNull())),
      message: "org.json: accounts[1].name: is null; expected a string"),
    InputFileCase(
      name: "account email missing",
      content: InputFiles.snapshot(InputFiles.setAccount(2, "email", nil)),
      message: "org.json: accounts[2].email: is missing; it is required"),
    InputFileCase(
      name: "duplicate account",
      content: InputFiles.snapshot(InputFiles.setAccount(2, "id", "222222222222")),
      message: "org.json: accounts[2].id: \"222222222222\" is listed twice (first at accounts[1])"),
    InputFileCase(
      name: "parent that does not exist",
      content: InputFiles.snapshot(InputFiles.setAccount(1, "parentId", "ou-ab12-99999999")),
      message:
        "org.json: accounts[1].parentId: \"ou-ab12-99999999\" is not a root or OU in this snapshot"),
    InputFileCase(
      name: "parent that is not an ID",
      content: InputFiles.snapshot(InputFiles.setAccount(1, "parentId", "Prod")),
      message:
        "org.json: accounts[1].parentId: \"Prod\" is not a root ID (r-…) or an OU ID (ou-…-…)"),
    InputFileCase(
      name: "neither state nor status",
      content: InputFiles.snapshot(InputFiles.setAccount(1, "state", nil)),
      message: "org.json: accounts[1].state: is missing (and so is status)"),
    InputFileCase(
      name: "unparseable joined timestamp",
      content: InputFiles.snapshot(InputFiles.setAccount(1, "joinedTimestamp", "yesterday")),
      message: "org.json: accounts[1].joinedTimestamp: \"yesterday\" is not an ISO-8601 date-time"),
    InputFileCase(
      name: "two roots",
      content: InputFiles.snapshot {
        $0["roots"] = [["id": "r-ab12", "name": "Root"], ["id": "r-cd34", "name": "Other"]]
      },
      message: "org.json: roots: has 2 entries; an organization has exactly one root (rule A1)"),
    InputFileCase(
      name: "management account not listed",
      content: InputFiles.snapshot {
        $0["organization"] = [
          "id": "o-abcdefghij", "featureSet": "ALL", "managementAccountId": "999999999999",
        ]
      },
      message: "org.json: organization.managementAccountId: \"999999999999\" is not one of the "
        + "snapshot's accounts; the management account must be listed in accounts (rule A4)"),
    InputFileCase(
      name: "OU cycle",
      content: InputFiles.snapshot {
        $0["organizationalUnits"] = [
          ["id": "ou-ab12-prod0001", "name": "Prod", "parentId": "ou-ab12-team0001"],
          ["id": "ou-ab12-team0001", "name": "Team", "parentId": "ou-ab12-prod0001"],
        ]
      },
      message: "org.json: organizationalUnits[0].parentId: OU \"ou-ab12-prod0001\" is its own "
        + "ancestor: ou-ab12-prod0001 -> ou-ab12-team0001 -> ou-ab12-prod0001"),
    InputFileCase(
      name: "OUs six levels deep",
      content: InputFiles.snapshot { snapshot in
        snapshot["organizationalUnits"] = (1...6).map { level in
          [
            "id": "ou-ab12-level00\(level)", "name": "L\(level)",
            "parentId": level == 1 ? "r-ab12" : "ou-ab12-level00\(level - 1)",
          ]
        }
      },
      message: "org.json: organizationalUnits[5].parentId: OU \"ou-ab12-level006\" is nested 6 "
        + "levels below the root; AWS allows at most 5 (rule A1)"),
    InputFileCase(
      name: "duplicate OU",
      content: InputFiles.snapshot {
        $0["organizationalUnits"] = [
          ["id": "ou-ab12-prod0001", "name": "Prod", "parentId": "r-ab12"],
          ["id": "ou-ab12-prod0001", "name": "Team", "parentId": "r-ab12"],
        ]
      },
      message: "org.json: organizationalUnits[1].id: \"ou-ab12-prod0001\" is listed twice (first "
        + "at organizationalUnits[0])"),
    InputFileCase(
      name: "malformed handshake ID",
      content: InputFiles.snapshot {
        $0["handshakes"] = [["id": "invite-1", "action": "INVITE", "state": "OPEN"]]
      },
      message: "org.json: handshakes[0].id: \"invite-1\" is not a valid ID (expected \"h-\" and 8 "
        + "to 32 lowercase letters or digits)"),
    InputFileCase(
      name: "transfer direction",
      content: InputFiles.snapshot {
        $0["responsibilityTransfers"] = [
          ["id": "rt-abcd1234", "direction": "sideways", "status": "ACCEPTED"]
        ]
      },
      message:
        "org.json: responsibilityTransfers[0].direction: \"sideways\" is not inbound or outbound"),
    InputFileCase(
      name: "cost period not a date",
      content: InputFiles.snapshot {
        $0["costs"] = ["periodStart": "October", "periodEnd": "2026-11-01", "rows": []]
      },
      message: "org.json: costs.periodStart: \"October\" is not a date of the form YYYY-MM-DD"),
    InputFileCase(
      name: "cost row for a malformed account",
      content: InputFiles.snapshot {
        $0["costs"] = [
          "periodStart": "2026-10-01", "periodEnd": "2026-11-01",
          "rows": [
            [
              "accountId": "x", "service": "S3", "region": "us-east-1", "amount": "1",
              "unit": "USD",
            ]
          ],
        ]
      },
      message: "org.json: costs.rows[0].accountId: \"x\" is not a valid ID (expected 12 digits)"),
    InputFileCase(
      name: "top level not an object",
      content: "[1, 2, 3]",
      message: "org.json: expected an object"),
  ]

  @Test(arguments: cases)
  func malformedSnapshotsAreRejectedWithTheirPath(_ c: InputFileCase) throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("org.json")
    try c.content.write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: PlanFileError.self) {
      try PlanFiles.readSnapshot(file.path)
    }
    let message = error?.description.replacingOccurrences(of: folder.path + "/", with: "")
    #expect(message == c.message)
  }

  @Test("the valid base snapshot reads, and unknown snapshot keys are ignored")
  func baseSnapshotIsValid() throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("org.json")
    try InputFiles.snapshot { $0["addedByANewerCollector"] = ["x": 1] }
      .write(to: file, atomically: true, encoding: .utf8)
    let loaded = try PlanFiles.readSnapshot(file.path)
    #expect(loaded.value.accounts.count == 3)
    #expect(loaded.digest.hasPrefix("sha256:") && loaded.digest.count == 71)
  }

  @Test("missing and unreadable files")
  func missingFiles() throws {
    #expect(throws: PlanFileError.missing(file: "no/such/org.json")) {
      try PlanFiles.readSnapshot("no/such/org.json")
    }
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    #expect(throws: PlanFileError.unreadable(file: folder.path, reason: "it is a directory")) {
      try PlanFiles.readSnapshot(folder.path)
    }
  }

  @Test("text that is not JSON gets one line")
  func notJSON() throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("org.json")
    try "{\"schemaVersion\": 1,".write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readSnapshot(file.path) }
    let text = try #require(error?.description)
    #expect(text.hasPrefix("\(file.path): is not valid JSON ("))
    #expect(!text.contains("\n"))
  }
}
