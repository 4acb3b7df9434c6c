import ClosurePlanner
import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

/// Values are bounded as AWS bounds them, numbers are what they stand for, and files and
/// strings far larger than anything AWS returns are refused at once.
@Suite struct InputBoundsTests {
  static let set = InputFiles.setAccount

  static func costRow(amount: Any) -> (inout [String: Any]) -> Void {
    { snapshot in
      snapshot["costs"] = [
        "periodStart": "2026-10-01", "periodEnd": "2026-11-01",
        "rows": [
          [
            "accountId": "222222222222", "service": "Amazon S3", "region": "us-east-1",
            "amount": amount, "unit": "USD",
          ]
        ],
      ]
    }
  }

  static func policy(_ text: String) -> String { "{\"schemaVersion\": 1, \(text)}" }

  static let snapshotCases: [InputFileCase] = [
    InputFileCase(
      name: "an account name of 51 characters",
      content: InputFiles.snapshot(set(1, "name", String(repeating: "n", count: 51))),
      message: "org.json: accounts[1].name: is 51 characters; AWS allows at most 50"),
    InputFileCase(
      name: "an e-mail address of 65 characters",
      content: InputFiles.snapshot(
        set(2, "email", String(repeating: "a", count: 53) + "@example.com")),
      message: "org.json: accounts[2].email: is 65 characters; AWS allows at most 64"),
    InputFileCase(
      name: "an empty e-mail address",
      content: InputFiles.snapshot(set(1, "email", "")),
      message: "org.json: accounts[1].email: is empty; every account has a root address"),
    InputFileCase(
      name: "an empty management address",
      content: InputFiles.snapshot {
        $0["organization"] = [
          "id": "o-abcdefghij", "featureSet": "ALL", "managementAccountId": "111111111111",
          "managementAccountEmail": "",
        ]
      },
      message: "org.json: organization.managementAccountEmail: is empty; every account has a "
        + "root address"),
    InputFileCase(
      name: "a service principal with a space",
      content: InputFiles.snapshot {
        $0["delegatedAdministrators"] = [
          ["accountId": "222222222222", "servicePrincipal": "guard duty.amazonaws.com"]
        ]
      },
      message:
        "org.json: delegatedAdministrators[0].servicePrincipal: \"guard duty.amazonaws.com\" "
        + "is not a service principal (expected 1 to 128 letters, digits and + = , . @ _ -)"),
    InputFileCase(
      name: "an empty enabled service principal",
      content: InputFiles.snapshot { $0["enabledServicePrincipals"] = ["iam.amazonaws.com", ""] },
      message: "org.json: enabledServicePrincipals[1]: \"\" is not a service principal "
        + "(expected 1 to 128 letters, digits and + = , . @ _ -)"),
    InputFileCase(
      name: "a transfer ID that is too short",
      content: InputFiles.snapshot {
        $0["responsibilityTransfers"] = [
          ["id": "rt-abc", "direction": "inbound", "status": "ACCEPTED"]
        ]
      },
      message: "org.json: responsibilityTransfers[0].id: \"rt-abc\" is not a valid ID (expected "
        + "\"rt-\" and 8 to 32 lowercase letters or digits)"),
    InputFileCase(
      name: "a handshake ID in capitals",
      content: InputFiles.snapshot {
        $0["handshakes"] = [["id": "h-ABCDEFGH", "action": "INVITE", "state": "OPEN"]]
      },
      message: "org.json: handshakes[0].id: \"h-ABCDEFGH\" is not a valid ID (expected \"h-\" "
        + "and 8 to 32 lowercase letters or digits)"),
    InputFileCase(
      name: "capturedAt not a timestamp",
      content: InputFiles.snapshot { $0["capturedAt"] = "last Tuesday" },
      message: "org.json: capturedAt: \"last Tuesday\" is not an ISO-8601 date-time"),
    InputFileCase(
      name: "schemaVersion with a fraction",
      content: "{\"schemaVersion\": 1.5}",
      message: "org.json: schemaVersion: expected an integer"),
    InputFileCase(
      name: "schemaVersion beyond any number",
      content: "{\"schemaVersion\": 1e400}",
      message: "org.json: schemaVersion: 1e400 is out of range"),
    InputFileCase(
      name: "epoch seconds beyond any number",
      content: InputFiles.snapshot(set(1, "joinedTimestamp", 1))
        .replacingOccurrences(of: "\"joinedTimestamp\":1,", with: "\"joinedTimestamp\":1e400,"),
      message: "org.json: accounts[1].joinedTimestamp: 1e400 is out of range"),
    InputFileCase(
      name: "a cost of NaN",
      content: InputFiles.snapshot(costRow(amount: "NaN")),
      message: "org.json: costs.rows[0].amount: \"NaN\" is not a finite decimal amount"),
    InputFileCase(
      name: "a cost of Infinity",
      content: InputFiles.snapshot(costRow(amount: "Infinity")),
      message: "org.json: costs.rows[0].amount: \"Infinity\" is not a finite decimal amount"),
    InputFileCase(
      name: "a negative cost",
      content: InputFiles.snapshot(costRow(amount: "-5")),
      message: "org.json: costs.rows[0].amount: \"-5\" is negative; a cost is at least 0"),
    InputFileCase(
      name: "a hexadecimal cost",
      content: InputFiles.snapshot(costRow(amount: "0x10")),
      message: "org.json: costs.rows[0].amount: \"0x10\" is not a finite decimal amount"),
    InputFileCase(
      name: "a name far longer than any AWS value",
      content: InputFiles.snapshot(set(1, "name", String(repeating: "n", count: 5000))),
      message: "org.json: accounts[1].name: is a string of more than 4096 bytes; no value in "
        + "this file may be that long"),
  ]

  @Test(arguments: snapshotCases)
  func snapshotValuesAreBounded(_ c: InputFileCase) throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("org.json")
    try c.content.write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readSnapshot(file.path) }
    #expect(error?.description.replacingOccurrences(of: folder.path + "/", with: "") == c.message)
  }

  static let policyCases: [InputFileCase] = [
    InputFileCase(
      name: "a quota with a fraction",
      content: policy("\"closeQuota\": 1.5"),
      message: "policy.json: closeQuota: expected an integer"),
    InputFileCase(
      name: "a quota beyond an integer",
      content: policy("\"closeQuota\": 1e20"),
      message: "policy.json: closeQuota: 1e20 is out of range"),
    InputFileCase(
      name: "a priority beyond any number",
      content: policy("\"defaults\": {\"priority\": -1e400}"),
      message: "policy.json: defaults.priority: -1e400 is out of range"),
    InputFileCase(
      name: "notes far longer than a note",
      content: policy("\"defaults\": {\"notes\": \"\(String(repeating: "x", count: 20000))\"}"),
      message: "policy.json: defaults.notes: is a string of more than 16384 bytes; no value in "
        + "this file may be that long"),
  ]

  @Test(arguments: policyCases)
  func policyNumbersAreWhatTheyStandFor(_ c: InputFileCase) throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("policy.json")
    try c.content.write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readPolicy(file.path) }
    #expect(error?.description.replacingOccurrences(of: folder.path + "/", with: "") == c.message)
  }

  @Test("a plan's closure window with a fraction is not an integer")
  func planIntegers() throws {
    let url = Fixtures.samplesDirectory.appendingPathComponent("acme/expected/plan.json")
    let text = try String(contentsOf: url, encoding: .utf8)
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("plan.json")
    try text.replacingOccurrences(of: "\"window\":1}", with: "\"window\":1.5}")
      .write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readPlan(file.path) }
    #expect(
      error?.description.replacingOccurrences(of: folder.path + "/", with: "")
        == "plan.json: steps[14].window: expected an integer")
  }

  @Test("a file over its kind's size limit is refused before it is read")
  func sizeLimit() throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("policy.json")
    // A sparse file: its size is past the limit without writing 64 MiB.
    #expect(FileManager.default.createFile(atPath: file.path, contents: Data("{".utf8)))
    let handle = try FileHandle(forWritingTo: file)
    try handle.truncate(atOffset: UInt64(FileKind.policy.maximumFileBytes) + 1)
    try handle.close()
    let error = #expect(throws: PlanFileError.self) { try PlanFiles.readPolicy(file.path) }
    #expect(
      error?.description.replacingOccurrences(of: folder.path + "/", with: "")
        == "policy.json: is larger than orgclose reads for a closure policy: at most 64 MiB")
  }

  @Test("the largest values AWS allows are read")
  func valuesAtTheBounds() throws {
    let folder = try InputFiles.scratch()
    defer { folder.remove() }
    let file = folder.url("org.json")
    let content = InputFiles.snapshot { snapshot in
      InputFiles.setAccount(1, "name", String(repeating: "é", count: 50))(&snapshot)
      InputFiles.setAccount(1, "email", String(repeating: "a", count: 52) + "@example.com")(
        &snapshot)
      snapshot["enabledServicePrincipals"] = [String(repeating: "a", count: 128)]
      snapshot["capturedAt"] = "2026-11-20T09:00:00Z"
      InputBoundsTests.costRow(amount: "0")(&snapshot)
    }
    try content.write(to: file, atomically: true, encoding: .utf8)
    let organization = try PlanFiles.readSnapshot(file.path).value
    #expect(organization.accounts[1].name.count == 50)
    #expect(organization.accounts[1].email.count == 64)
  }
}
