import ClosurePlanner
import Foundation
import OrgGraph
import TestSupport
import Testing

@testable import PlanFiles

/// Snapshots and plans are read by a fast path that must give `JSONDecoder`'s value whenever it
/// gives one, and give up (to let `JSONDecoder` produce the error) whenever it is unsure.
@Suite struct FastReadingTests {
  /// The fast path's snapshot, after checking that `JSONDecoder` agrees.
  static func fastSnapshot(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> SnapshotDocument?
  {
    fastSnapshot(bytes: Array(text.utf8), sourceLocation: sourceLocation)
  }

  /// The fast path's snapshot from raw bytes, after checking that `JSONDecoder` agrees.
  static func fastSnapshot(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation)
    -> SnapshotDocument?
  {
    let fast = bytes.withUnsafeBufferPointer { SnapshotDocument.fastRead($0) }
    if let fast {
      let slow = try? JSONDecoder().decode(SnapshotDocument.self, from: Data(bytes))
      #expect(
        slow == fast, "JSONDecoder disagrees on \(String(decoding: bytes, as: UTF8.self))",
        sourceLocation: sourceLocation)
    }
    return fast
  }

  /// The plan format 2 reader's plan, or `nil` where it refuses the bytes.
  static func readPlan(_ bytes: [UInt8]) -> ClosurePlan? {
    try? PlanFiles.decodePlan(Data(bytes), file: "plan.json")
  }

  @Test(
    "every stored field of a snapshot record has a key, which Codable and the fast reader share")
  func fieldsHaveKeys() {
    // An optional field left out of `CodingKeys` would be dropped silently by both readers.
    func names<Key: WireKeys>(_: Key.Type) -> [String] { Key.allCases.map(\.rawValue).sorted() }
    let known: [String: [String]] = [
      "SnapshotDocument": names(SnapshotDocument.CodingKeys.self),
      "OrganizationRecord": names(SnapshotDocument.OrganizationRecord.CodingKeys.self),
      "RootRecord": names(SnapshotDocument.RootRecord.CodingKeys.self),
      "UnitRecord": names(SnapshotDocument.UnitRecord.CodingKeys.self),
      "AccountRecord": names(SnapshotDocument.AccountRecord.CodingKeys.self),
      "DelegatedAdministratorRecord": names(
        SnapshotDocument.DelegatedAdministratorRecord.CodingKeys.self),
      "HandshakeRecord": names(SnapshotDocument.HandshakeRecord.CodingKeys.self),
      "TransferRecord": names(SnapshotDocument.TransferRecord.CodingKeys.self),
      "CostsRecord": names(SnapshotDocument.CostsRecord.CodingKeys.self),
      "CostRowRecord": names(SnapshotDocument.CostRowRecord.CodingKeys.self),
      "CollectorRecord": names(SnapshotDocument.CollectorRecord.CodingKeys.self),
      "GapRecord": names(SnapshotDocument.GapRecord.CodingKeys.self),
    ]
    let row = SnapshotDocument.CostRowRecord(
      accountId: "1", service: "s", region: "r", amount: WireDecimal("1"), unit: "USD")
    let values: [String: Any] = [
      "SnapshotDocument": SnapshotGenerator(accounts: 2, organizationalUnits: 1, depth: 1, seed: 1)
        .document(),
      "OrganizationRecord": SnapshotDocument.OrganizationRecord(
        id: "o", featureSet: "ALL", managementAccountId: "1"),
      "RootRecord": SnapshotDocument.RootRecord(id: "r", name: "Root"),
      "UnitRecord": SnapshotDocument.UnitRecord(id: "ou", name: "U", parentId: "r"),
      "AccountRecord": SnapshotDocument.AccountRecord(
        id: "1", name: "n", email: "e", state: nil, joinedMethod: "CREATED",
        joinedTimestamp: nil, parentId: "r"),
      "DelegatedAdministratorRecord": SnapshotDocument.DelegatedAdministratorRecord(
        accountId: "1", servicePrincipal: "s"),
      "HandshakeRecord": SnapshotDocument.HandshakeRecord(id: "h", action: "a", state: "s"),
      "TransferRecord": SnapshotDocument.TransferRecord(
        id: "t", direction: "inbound", status: "s", endTimestamp: nil),
      "CostsRecord": SnapshotDocument.CostsRecord(periodStart: "a", periodEnd: "b", rows: [row]),
      "CostRowRecord": row,
      "CollectorRecord": SnapshotDocument.CollectorRecord(tool: nil, awsCli: nil),
      "GapRecord": SnapshotDocument.GapRecord(section: "s", reason: "r"),
    ]
    for (type, value) in values {
      #expect(
        Mirror(reflecting: value).children.compactMap(\.label).sorted() == known[type], "\(type)")
    }
  }

  @Test("generated snapshots read the same as with JSONDecoder", arguments: [1, 40, 700])
  func generatedSnapshots(_ accounts: Int) throws {
    let document = SnapshotGenerator(
      accounts: accounts, organizationalUnits: accounts / 20, depth: 5, seed: UInt64(accounts)
    ).document()
    let text = String(decoding: PlanFiles.encode(document), as: UTF8.self)
    #expect(Self.fastSnapshot(text) == document)
  }

  @Test(
    "the samples' snapshots read the same as with JSONDecoder, their plans read",
    arguments: ["acme", "globex", "initech"])
  func samples(_ sample: String) throws {
    let folder = Fixtures.samplesDirectory.appendingPathComponent(sample)
    let snapshot = try String(
      contentsOf: folder.appendingPathComponent("org.snapshot.json"), encoding: .utf8)
    #expect(Self.fastSnapshot(snapshot) != nil)
    let plan = try Data(contentsOf: folder.appendingPathComponent("expected/plan.json"))
    #expect(Self.readPlan(Array(plan)) != nil)
  }

  @Test("random plans read back as written", arguments: 1...40)
  func randomPlans(_ seed: UInt64) throws {
    var random = RandomOrganization(seed: seed)
    let (organization, policy) = try random.make()
    var plan = try Fixtures.plan(organization, policy: policy)
    let read = try #require(Self.readPlan(Array(PlanFiles.encodedPlan(plan))))
    for (a, b) in zip(read.steps, plan.steps) where a != b { #expect(a == b) }
    for (a, b) in zip(read.accounts, plan.accounts) where a != b { #expect(a == b) }
    #expect(read == plan)
    plan.redacted = seed.isMultiple(of: 2) ? ["emails", "names"] : []
    #expect(Self.readPlan(Array(PlanFiles.encodedPlan(plan))) == plan)
  }

  /// A small valid snapshot whose first account's fields the cases below replace.
  static func snapshot(account fields: String = "", top: String = "") -> String {
    """
    {"schemaVersion": 1, \(top)
     "organization": {"id": "o-abcdefghij", "featureSet": "ALL", "managementAccountId": "111111111111"},
     "roots": [{"id": "r-ab12", "name": "Root"}],
     "accounts": [{"id": "111111111111", "name": "m", "email": "m@example.com",
       "joinedMethod": "INVITED", "parentId": "r-ab12", "state": "ACTIVE" \(fields)}]}
    """
  }

  struct TextCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var testDescription: String { name }
  }

  /// Inputs the fast path reads itself; each must give JSONDecoder's value.
  static let handled: [TextCase] = [
    TextCase(
      name: "escapes", text: snapshot(account: #", "tags": {"k\u00e9y": "a\"b\\c\/d\n\t\u0000"}"#)),
    TextCase(name: "surrogate pair", text: snapshot(account: #", "tags": {"e": "\ud83d\ude00"}"#)),
    TextCase(name: "non-ASCII", text: snapshot(account: #", "tags": {"東京": "café 🙂"}"#)),
    TextCase(
      name: "integer timestamp", text: snapshot(account: #", "joinedTimestamp": 1600000000"#)),
    TextCase(name: "negative zero", text: snapshot(account: #", "joinedTimestamp": -0"#)),
    TextCase(name: "fraction", text: snapshot(account: #", "joinedTimestamp": 1600000000.125"#)),
    TextCase(name: "exponent", text: snapshot(account: #", "joinedTimestamp": 1.6E+9"#)),
    TextCase(
      name: "long integer", text: snapshot(account: #", "joinedTimestamp": 16000000001234567"#)),
    TextCase(
      name: "text timestamp",
      text: snapshot(account: #", "joinedTimestamp": "2020-01-01T00:00:00Z""#)),
    TextCase(
      name: "null optionals",
      text: snapshot(account: #", "joinedTimestamp": null, "tags": null, "status": null"#)),
    TextCase(
      name: "amounts as numbers and text",
      text: snapshot(
        top:
          #""costs": {"periodStart": "2026-10-01", "periodEnd": "2026-11-01", "rows": [{"accountId": "111111111111", "service": "S3", "region": "us-east-1", "amount": 12, "unit": "USD"}, {"accountId": "111111111111", "service": "S3", "region": "us-east-1", "amount": 0.1e-2, "unit": "USD"}, {"accountId": "111111111111", "service": "S3", "region": "us-east-1", "amount": "3.50", "unit": "USD"}, {"accountId": "111111111111", "service": "S3", "region": "us-east-1", "amount": -0, "unit": "USD"}]},"#
      )),
    TextCase(
      name: "unknown keys with nested values",
      text: snapshot(
        account: #", "future": {"a": [1, -2.5e3, true, false, null, {"b": "\u00e9"}], "c": []}"#,
        top: #""addedLater": [[[]]], "#)),
    TextCase(name: "whitespace everywhere", text: " \n\t\r" + snapshot() + " \n\t\r"),
  ]

  @Test("inputs the fast path reads give JSONDecoder's value", arguments: handled)
  func handledInputs(_ c: TextCase) {
    #expect(Self.fastSnapshot(c.text) != nil)
  }

  /// Inputs the fast path must leave to JSONDecoder (valid or not, its verdict counts).
  static let declined: [TextCase] = [
    TextCase(name: "repeated field", text: snapshot(account: #", "name": "again""#)),
    TextCase(name: "repeated tag", text: snapshot(account: #", "tags": {"a": "1", "a": "2"}"#)),
    TextCase(name: "escaped key", text: snapshot(account: #", "\u006eame2": "x""#)),
    TextCase(name: "lone surrogate", text: snapshot(account: #", "tags": {"e": "\ud83d"}"#)),
    TextCase(
      name: "control character", text: snapshot(account: ", \"tags\": {\"e\": \"a\u{1}b\"}")),
    TextCase(name: "bad escape", text: snapshot(account: #", "tags": {"e": "\x"}"#)),
    TextCase(name: "leading zero", text: snapshot(account: #", "joinedTimestamp": 0123"#)),
    TextCase(name: "infinite number", text: snapshot(account: #", "joinedTimestamp": 1e999"#)),
    TextCase(
      name: "integer written as fraction",
      text: snapshot().replacingOccurrences(
        of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 1.0")),
    TextCase(
      name: "other schema version",
      text: snapshot().replacingOccurrences(
        of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")),
    TextCase(name: "trailing comma", text: snapshot(account: ",")),
    TextCase(name: "trailing text", text: snapshot() + " x"),
    TextCase(name: "byte order mark", text: "\u{FEFF}" + snapshot()),
    TextCase(name: "wrong type", text: snapshot(account: #", "tags": ["a"]"#)),
    TextCase(
      name: "missing field", text: snapshot().replacingOccurrences(of: #""name": "m", "#, with: "")),
    TextCase(name: "truncated", text: String(snapshot().dropLast(3))),
    TextCase(
      name: "deep nesting",
      text: snapshot(
        top: #""deep": "# + String(repeating: "[", count: 400) + String(repeating: "]", count: 400)
          + ",")),
  ]

  @Test("inputs the fast path is unsure of are left to JSONDecoder", arguments: declined)
  func declinedInputs(_ c: TextCase) {
    #expect(Self.fastSnapshot(c.text) == nil)
  }

  @Test("invalid UTF-8 is left to JSONDecoder")
  func invalidUTF8() {
    var bytes = Array(Self.snapshot(account: #", "tags": {"e": "ab"}"#).utf8)
    let index = bytes.firstIndex(of: UInt8(ascii: "b")) ?? 0
    bytes[index] = 0xFF
    #expect(bytes.withUnsafeBufferPointer { SnapshotDocument.fastRead($0) } == nil)
  }

  @Test("mutated snapshots and plans: whatever the fast path reads, JSONDecoder reads the same")
  func mutations() throws {
    let snapshot = Array(
      try Data(
        contentsOf: Fixtures.samplesDirectory.appendingPathComponent("acme/org.snapshot.json")))
    let plan = Array(
      try Data(
        contentsOf: Fixtures.samplesDirectory.appendingPathComponent("acme/expected/plan.json")))
    let replacements = Array("{}[]\",:\\0123456789-+.eEtrunlfa \n".utf8) + [0x00, 0x7F, 0xC3, 0xFF]
    var random = RandomOrganization(seed: 99)
    for round in 0..<400 {
      var bytes = round.isMultiple(of: 2) ? snapshot : plan
      for _ in 0..<random.int(1...3) {
        let index = random.int(0...(bytes.count - 1))
        switch random.int(0...2) {
        case 0: bytes[index] = random.pick(replacements)
        case 1: bytes.remove(at: index)
        default: bytes.insert(random.pick(replacements), at: index)
        }
      }
      if round.isMultiple(of: 2) {
        _ = Self.fastSnapshot(bytes: bytes)
      } else {
        _ = Self.readPlan(bytes)
      }
    }
  }
}
