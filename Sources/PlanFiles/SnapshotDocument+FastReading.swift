/// The fast path for reading snapshots: `JSONCursor` straight into `SnapshotDocument`, with
/// the same result `JSONDecoder` gives, or `nil` when the bytes are anything but a plainly
/// valid snapshot of the current schema version, in which case the caller decodes them with
/// `JSONDecoder` to get the value or the error message.
///
/// Measured on a generated snapshot of 100,000 accounts (36 MB), this takes 0.07 s of CPU
/// where the schema-version check and `JSONDecoder` took 0.69 s together.
extension SnapshotDocument {
  /// Reads `bytes` without `JSONDecoder`, or returns `nil` to ask for the slow path.
  static func fastRead(_ bytes: UnsafeBufferPointer<UInt8>) -> SnapshotDocument? {
    var cursor = JSONCursor(bytes)
    do {
      let document = try cursor.snapshotDocument()
      try cursor.end()
      guard document.schemaVersion == currentSchemaVersion else { return nil }
      return document
    } catch {
      return nil
    }
  }
}

/// The fields of one object seen so far, so a repeated field sends the document to the slow
/// path (where `JSONDecoder` decides which one counts).
struct SeenFields {
  private var mask: UInt64 = 0

  mutating func insert(_ field: Int) throws(JSONCursor.Miss) {
    let bit: UInt64 = 1 << UInt64(field)
    guard mask & bit == 0 else { throw JSONCursor.Miss() }
    mask |= bit
  }
}

extension JSONCursor {
  /// `nil` for JSON `null`, else the string.
  mutating func optionalString() throws(Miss) -> String? {
    try skipNull() ? nil : string()
  }

  /// A required field that was present.
  func required<Value>(_ value: Value?) throws(Miss) -> Value {
    guard let value else { throw Miss() }
    return value
  }

  /// An array whose elements `element` reads.
  mutating func array<Element>(_ element: (inout JSONCursor) throws(Miss) -> Element)
    throws(Miss) -> [Element]
  {
    var state = try beginArray()
    var result: [Element] = []
    while try nextElement(&state) { result.append(try element(&self)) }
    return result
  }

  /// `nil` for JSON `null`, else an array whose elements `element` reads.
  mutating func optionalArray<Element>(_ element: (inout JSONCursor) throws(Miss) -> Element)
    throws(Miss) -> [Element]?
  {
    try skipNull() ? nil : array(element)
  }

  // MARK: The snapshot's records

  fileprivate mutating func snapshotDocument() throws(Miss) -> SnapshotDocument {
    var schemaVersion: Int?
    var organization: SnapshotDocument.OrganizationRecord?
    var roots: [SnapshotDocument.RootRecord]?
    var units: [SnapshotDocument.UnitRecord]?
    var accounts: [SnapshotDocument.AccountRecord]?
    var admins: [SnapshotDocument.DelegatedAdministratorRecord]?
    var handshakes: [SnapshotDocument.HandshakeRecord]?
    var transfers: [SnapshotDocument.TransferRecord]?
    var services: [String]?
    var rootAccess: [String]?
    var costs: SnapshotDocument.CostsRecord?
    var capturedAt: String?
    var collector: SnapshotDocument.CollectorRecord?
    var gaps: [SnapshotDocument.GapRecord]?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "accounts" {
        try seen.insert(0)
        accounts = try array { cursor throws(Miss) in try cursor.accountRecord() }
      } else if key == "costs" {
        try seen.insert(1)
        costs = try skipNull() ? nil : costsRecord()
      } else if key == "organizationalUnits" {
        try seen.insert(2)
        units = try optionalArray { cursor throws(Miss) in try cursor.unitRecord() }
      } else if key == "schemaVersion" {
        try seen.insert(3)
        schemaVersion = try integer()
      } else if key == "organization" {
        try seen.insert(4)
        organization = try organizationRecord()
      } else if key == "roots" {
        try seen.insert(5)
        roots = try array { cursor throws(Miss) in try cursor.rootRecord() }
      } else if key == "delegatedAdministrators" {
        try seen.insert(6)
        admins = try optionalArray { cursor throws(Miss) in try cursor.delegatedAdministrator() }
      } else if key == "handshakes" {
        try seen.insert(7)
        handshakes = try optionalArray { cursor throws(Miss) in try cursor.handshakeRecord() }
      } else if key == "responsibilityTransfers" {
        try seen.insert(8)
        transfers = try optionalArray { cursor throws(Miss) in try cursor.transferRecord() }
      } else if key == "enabledServicePrincipals" {
        try seen.insert(9)
        services = try optionalArray { cursor throws(Miss) in try cursor.string() }
      } else if key == "rootAccessFeatures" {
        try seen.insert(10)
        rootAccess = try optionalArray { cursor throws(Miss) in try cursor.string() }
      } else if key == "capturedAt" {
        try seen.insert(11)
        capturedAt = try optionalString()
      } else if key == "collector" {
        try seen.insert(12)
        collector = try skipNull() ? nil : collectorRecord()
      } else if key == "gaps" {
        try seen.insert(13)
        gaps = try optionalArray { cursor throws(Miss) in try cursor.gapRecord() }
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument(
      schemaVersion: try required(schemaVersion), organization: try required(organization),
      roots: try required(roots), organizationalUnits: units, accounts: try required(accounts),
      delegatedAdministrators: admins, handshakes: handshakes, responsibilityTransfers: transfers,
      enabledServicePrincipals: services, rootAccessFeatures: rootAccess, costs: costs,
      capturedAt: capturedAt, collector: collector, gaps: gaps)
  }

  private mutating func organizationRecord() throws(Miss) -> SnapshotDocument.OrganizationRecord {
    var id: String?
    var arn: String?
    var featureSet: String?
    var managementID: String?
    var managementEmail: String?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "id" {
        try seen.insert(0)
        id = try string()
      } else if key == "arn" {
        try seen.insert(1)
        arn = try optionalString()
      } else if key == "featureSet" {
        try seen.insert(2)
        featureSet = try string()
      } else if key == "managementAccountId" {
        try seen.insert(3)
        managementID = try string()
      } else if key == "managementAccountEmail" {
        try seen.insert(4)
        managementEmail = try optionalString()
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument.OrganizationRecord(
      id: try required(id), arn: arn, featureSet: try required(featureSet),
      managementAccountId: try required(managementID), managementAccountEmail: managementEmail)
  }

  private mutating func rootRecord() throws(Miss) -> SnapshotDocument.RootRecord {
    let (first, second) = try stringPair("id", "name")
    return SnapshotDocument.RootRecord(id: first, name: second)
  }

  private mutating func unitRecord() throws(Miss) -> SnapshotDocument.UnitRecord {
    var id: String?
    var name: String?
    var parentID: String?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "id" {
        try seen.insert(0)
        id = try string()
      } else if key == "name" {
        try seen.insert(1)
        name = try string()
      } else if key == "parentId" {
        try seen.insert(2)
        parentID = try string()
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument.UnitRecord(
      id: try required(id), name: try required(name), parentId: try required(parentID))
  }

  private mutating func accountRecord() throws(Miss) -> SnapshotDocument.AccountRecord {
    var id: String?
    var name: String?
    var email: String?
    var state: String?
    var status: String?
    var joinedMethod: String?
    var joined: WireTimestamp?
    var parentID: String?
    var tags: [String: String]?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "id" {
        try seen.insert(0)
        id = try string()
      } else if key == "name" {
        try seen.insert(1)
        name = try string()
      } else if key == "email" {
        try seen.insert(2)
        email = try string()
      } else if key == "state" {
        try seen.insert(3)
        state = try optionalString()
      } else if key == "status" {
        try seen.insert(4)
        status = try optionalString()
      } else if key == "joinedMethod" {
        try seen.insert(5)
        joinedMethod = try string()
      } else if key == "joinedTimestamp" {
        try seen.insert(6)
        joined = try optionalTimestamp()
      } else if key == "parentId" {
        try seen.insert(7)
        parentID = try string()
      } else if key == "tags" {
        try seen.insert(8)
        tags = try skipNull() ? nil : stringDictionary()
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument.AccountRecord(
      id: try required(id), name: try required(name), email: try required(email), state: state,
      status: status, joinedMethod: try required(joinedMethod), joinedTimestamp: joined,
      parentId: try required(parentID), tags: tags)
  }

  private mutating func delegatedAdministrator() throws(Miss)
    -> SnapshotDocument.DelegatedAdministratorRecord
  {
    let (first, second) = try stringPair("accountId", "servicePrincipal")
    return SnapshotDocument.DelegatedAdministratorRecord(accountId: first, servicePrincipal: second)
  }

  private mutating func handshakeRecord() throws(Miss) -> SnapshotDocument.HandshakeRecord {
    var id: String?
    var action: String?
    var state: String?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "id" {
        try seen.insert(0)
        id = try string()
      } else if key == "action" {
        try seen.insert(1)
        action = try string()
      } else if key == "state" {
        try seen.insert(2)
        state = try string()
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument.HandshakeRecord(
      id: try required(id), action: try required(action), state: try required(state))
  }

  private mutating func transferRecord() throws(Miss) -> SnapshotDocument.TransferRecord {
    var id: String?
    var direction: String?
    var status: String?
    var end: WireTimestamp?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "id" {
        try seen.insert(0)
        id = try string()
      } else if key == "direction" {
        try seen.insert(1)
        direction = try string()
      } else if key == "status" {
        try seen.insert(2)
        status = try string()
      } else if key == "endTimestamp" {
        try seen.insert(3)
        end = try optionalTimestamp()
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument.TransferRecord(
      id: try required(id), direction: try required(direction), status: try required(status),
      endTimestamp: end)
  }

  private mutating func costsRecord() throws(Miss) -> SnapshotDocument.CostsRecord {
    var start: String?
    var end: String?
    var rows: [SnapshotDocument.CostRowRecord]?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "periodStart" {
        try seen.insert(0)
        start = try string()
      } else if key == "periodEnd" {
        try seen.insert(1)
        end = try string()
      } else if key == "rows" {
        try seen.insert(2)
        rows = try array { cursor throws(Miss) in try cursor.costRow() }
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument.CostsRecord(
      periodStart: try required(start), periodEnd: try required(end), rows: try required(rows))
  }

  private mutating func costRow() throws(Miss) -> SnapshotDocument.CostRowRecord {
    var accountID: String?
    var service: String?
    var region: String?
    var amount: WireDecimal?
    var unit: String?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "accountId" {
        try seen.insert(0)
        accountID = try string()
      } else if key == "service" {
        try seen.insert(1)
        service = try string()
      } else if key == "region" {
        try seen.insert(2)
        region = try string()
      } else if key == "amount" {
        try seen.insert(3)
        // `WireDecimal` takes a string, else a number printed as Swift prints a Double.
        amount = WireDecimal(atString() ? try string() : "\(try double())")
      } else if key == "unit" {
        try seen.insert(4)
        unit = try string()
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument.CostRowRecord(
      accountId: try required(accountID), service: try required(service),
      region: try required(region), amount: try required(amount), unit: try required(unit))
  }

  private mutating func collectorRecord() throws(Miss) -> SnapshotDocument.CollectorRecord {
    var tool: String?
    var awsCLI: String?
    var seen = SeenFields()
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == "tool" {
        try seen.insert(0)
        tool = try optionalString()
      } else if key == "awsCli" {
        try seen.insert(1)
        awsCLI = try optionalString()
      } else {
        try skipValue()
      }
    }
    return SnapshotDocument.CollectorRecord(tool: tool, awsCli: awsCLI)
  }

  private mutating func gapRecord() throws(Miss) -> SnapshotDocument.GapRecord {
    let (first, second) = try stringPair("section", "reason")
    return SnapshotDocument.GapRecord(section: first, reason: second)
  }

  /// An object with two required string fields (other fields skipped).
  private mutating func stringPair(_ firstKey: StaticString, _ secondKey: StaticString)
    throws(Miss) -> (String, String)
  {
    var first: String?
    var second: String?
    var object = try beginObject()
    while let key = try nextKey(&object) {
      if key == firstKey {
        guard first == nil else { throw Miss() }
        first = try string()
      } else if key == secondKey {
        guard second == nil else { throw Miss() }
        second = try string()
      } else {
        try skipValue()
      }
    }
    return (try required(first), try required(second))
  }

  /// `WireTimestamp`: a number (epoch seconds), else a string; `nil` for `null`.
  private mutating func optionalTimestamp() throws(Miss) -> WireTimestamp? {
    if try skipNull() { return nil }
    return atNumber() ? .epochSeconds(try double()) : .text(try string())
  }

  /// An object of strings such as tags; a repeated key goes to the slow path.
  private mutating func stringDictionary() throws(Miss) -> [String: String] {
    var result: [String: String] = [:]
    var object = try beginObject()
    while let key = try nextStringKey(&object) {
      guard result.updateValue(try string(), forKey: key) == nil else { throw Miss() }
    }
    return result
  }
}
