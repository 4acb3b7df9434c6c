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
    var cursor = JSONCursor(bytes, limits: FileKind.snapshot.limits, rejectsUnknownKeys: false)
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

extension JSONCursor {
  // MARK: The snapshot's records

  // Each record's keys in byte order, as `members` expects them.
  private static let snapshotKeys: [StaticString] = [
    "accounts", "capturedAt", "collector", "costs", "delegatedAdministrators",
    "enabledServicePrincipals", "gaps", "handshakes", "organization", "organizationalUnits",
    "responsibilityTransfers", "rootAccessFeatures", "roots", "schemaVersion",
  ]
  private static let organizationKeys: [StaticString] = [
    "arn", "featureSet", "id", "managementAccountEmail", "managementAccountId",
  ]
  private static let unitKeys: [StaticString] = ["id", "name", "parentId"]
  private static let accountKeys: [StaticString] = [
    "email", "id", "joinedMethod", "joinedTimestamp", "name", "parentId", "state", "status", "tags",
  ]
  private static let handshakeKeys: [StaticString] = ["action", "id", "state"]
  private static let transferKeys: [StaticString] = [
    "activeHandshakeId", "direction", "endTimestamp", "id", "status",
  ]
  private static let costsKeys: [StaticString] = ["periodEnd", "periodStart", "rows"]
  private static let costRowKeys: [StaticString] = [
    "accountId", "amount", "region", "service", "unit",
  ]
  private static let collectorKeys: [StaticString] = ["awsCli", "tool"]

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
    try members(Self.snapshotKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: accounts = try cursor.array { cursor throws(Miss) in try cursor.accountRecord() }
      case 1: capturedAt = try cursor.optionalString()
      case 2: collector = try cursor.skipNull() ? nil : cursor.collectorRecord()
      case 3: costs = try cursor.skipNull() ? nil : cursor.costsRecord()
      case 4:
        admins = try cursor.optionalArray { cursor throws(Miss) in
          try cursor.delegatedAdministrator()
        }
      case 5: services = try cursor.optionalArray { cursor throws(Miss) in try cursor.string() }
      case 6: gaps = try cursor.optionalArray { cursor throws(Miss) in try cursor.gapRecord() }
      case 7:
        handshakes = try cursor.optionalArray { cursor throws(Miss) in try cursor.handshakeRecord()
        }
      case 8: organization = try cursor.organizationRecord()
      case 9: units = try cursor.optionalArray { cursor throws(Miss) in try cursor.unitRecord() }
      case 10:
        transfers = try cursor.optionalArray { cursor throws(Miss) in try cursor.transferRecord() }
      case 11: rootAccess = try cursor.optionalArray { cursor throws(Miss) in try cursor.string() }
      case 12: roots = try cursor.array { cursor throws(Miss) in try cursor.rootRecord() }
      default: schemaVersion = try cursor.integer()
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
    try members(Self.organizationKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: arn = try cursor.optionalString()
      case 1: featureSet = try cursor.string()
      case 2: id = try cursor.string()
      case 3: managementEmail = try cursor.optionalString()
      default: managementID = try cursor.string()
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
    try members(Self.unitKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: id = try cursor.string()
      case 1: name = try cursor.string()
      default: parentID = try cursor.string()
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
    try members(Self.accountKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: email = try cursor.string()
      case 1: id = try cursor.string()
      case 2: joinedMethod = try cursor.string()
      case 3: joined = try cursor.optionalTimestamp()
      case 4: name = try cursor.string()
      case 5: parentID = try cursor.string()
      case 6: state = try cursor.optionalString()
      case 7: status = try cursor.optionalString()
      default: tags = try cursor.skipNull() ? nil : cursor.stringDictionary()
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
    try members(Self.handshakeKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: action = try cursor.string()
      case 1: id = try cursor.string()
      default: state = try cursor.string()
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
    var handshake: String?
    try members(Self.transferKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: handshake = try cursor.optionalString()
      case 1: direction = try cursor.string()
      case 2: end = try cursor.optionalTimestamp()
      case 3: id = try cursor.string()
      default: status = try cursor.string()
      }
    }
    return SnapshotDocument.TransferRecord(
      id: try required(id), direction: try required(direction), status: try required(status),
      endTimestamp: end, activeHandshakeId: handshake)
  }

  private mutating func costsRecord() throws(Miss) -> SnapshotDocument.CostsRecord {
    var start: String?
    var end: String?
    var rows: [SnapshotDocument.CostRowRecord]?
    try members(Self.costsKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: end = try cursor.string()
      case 1: start = try cursor.string()
      default: rows = try cursor.array { cursor throws(Miss) in try cursor.costRow() }
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
    try members(Self.costRowKeys) { cursor, field throws(Miss) in
      switch field {
      case 0: accountID = try cursor.string()
      case 1:
        // `WireDecimal` takes a string, else a number printed as Swift prints a Double.
        amount = WireDecimal(cursor.atString() ? try cursor.string() : "\(try cursor.double())")
      case 2: region = try cursor.string()
      case 3: service = try cursor.string()
      default: unit = try cursor.string()
      }
    }
    return SnapshotDocument.CostRowRecord(
      accountId: try required(accountID), service: try required(service),
      region: try required(region), amount: try required(amount), unit: try required(unit))
  }

  private mutating func collectorRecord() throws(Miss) -> SnapshotDocument.CollectorRecord {
    var tool: String?
    var awsCLI: String?
    try members(Self.collectorKeys) { cursor, field throws(Miss) in
      if field == 1 {
        tool = try cursor.optionalString()
      } else {
        awsCLI = try cursor.optionalString()
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
    try members([firstKey, secondKey]) { cursor, field throws(Miss) in
      if field == 0 { first = try cursor.string() } else { second = try cursor.string() }
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
