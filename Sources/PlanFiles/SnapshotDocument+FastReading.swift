/// The fast path for reading snapshots: `JSONCursor` straight into `SnapshotDocument`, with
/// the same result `JSONDecoder` gives, or `nil` when the bytes are anything but a plainly
/// valid snapshot of the current schema version, in which case the caller decodes them with
/// `JSONDecoder` to get the value or the error message.
///
/// It exists because `JSONDecoder` builds a dictionary per object before decoding it, which
/// dominates reading a large snapshot; the cursor decodes each value where it lies.
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
    try members(SnapshotDocument.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .accounts:
        accounts = try cursor.array { cursor throws(Miss) in try cursor.accountRecord() }
      case .capturedAt: capturedAt = try cursor.optionalString()
      case .collector: collector = try cursor.skipNull() ? nil : cursor.collectorRecord()
      case .costs: costs = try cursor.skipNull() ? nil : cursor.costsRecord()
      case .delegatedAdministrators:
        admins = try cursor.optionalArray { cursor throws(Miss) in
          try cursor.delegatedAdministrator()
        }
      case .enabledServicePrincipals:
        services = try cursor.optionalArray { cursor throws(Miss) in try cursor.string() }
      case .gaps: gaps = try cursor.optionalArray { cursor throws(Miss) in try cursor.gapRecord() }
      case .handshakes:
        handshakes = try cursor.optionalArray { cursor throws(Miss) in try cursor.handshakeRecord()
        }
      case .organization: organization = try cursor.organizationRecord()
      case .organizationalUnits:
        units = try cursor.optionalArray { cursor throws(Miss) in try cursor.unitRecord() }
      case .responsibilityTransfers:
        transfers = try cursor.optionalArray { cursor throws(Miss) in try cursor.transferRecord() }
      case .rootAccessFeatures:
        rootAccess = try cursor.optionalArray { cursor throws(Miss) in try cursor.string() }
      case .roots: roots = try cursor.array { cursor throws(Miss) in try cursor.rootRecord() }
      case .schemaVersion: schemaVersion = try cursor.integer()
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
    try members(SnapshotDocument.OrganizationRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .arn: arn = try cursor.optionalString()
      case .featureSet: featureSet = try cursor.string()
      case .id: id = try cursor.string()
      case .managementAccountEmail: managementEmail = try cursor.optionalString()
      case .managementAccountId: managementID = try cursor.string()
      }
    }
    return SnapshotDocument.OrganizationRecord(
      id: try required(id), arn: arn, featureSet: try required(featureSet),
      managementAccountId: try required(managementID), managementAccountEmail: managementEmail)
  }

  private mutating func rootRecord() throws(Miss) -> SnapshotDocument.RootRecord {
    var id: String?
    var name: String?
    try members(SnapshotDocument.RootRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .id: id = try cursor.string()
      case .name: name = try cursor.string()
      }
    }
    return SnapshotDocument.RootRecord(id: try required(id), name: try required(name))
  }

  private mutating func unitRecord() throws(Miss) -> SnapshotDocument.UnitRecord {
    var id: String?
    var name: String?
    var parentID: String?
    try members(SnapshotDocument.UnitRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .id: id = try cursor.string()
      case .name: name = try cursor.string()
      case .parentId: parentID = try cursor.string()
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
    try members(SnapshotDocument.AccountRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .email: email = try cursor.string()
      case .id: id = try cursor.string()
      case .joinedMethod: joinedMethod = try cursor.string()
      case .joinedTimestamp: joined = try cursor.optionalTimestamp()
      case .name: name = try cursor.string()
      case .parentId: parentID = try cursor.string()
      case .state: state = try cursor.optionalString()
      case .status: status = try cursor.optionalString()
      case .tags: tags = try cursor.skipNull() ? nil : cursor.stringDictionary()
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
    var account: String?
    var service: String?
    try members(SnapshotDocument.DelegatedAdministratorRecord.CodingKeys.self) {
      cursor, key throws(Miss) in
      switch key {
      case .accountId: account = try cursor.string()
      case .servicePrincipal: service = try cursor.string()
      }
    }
    return SnapshotDocument.DelegatedAdministratorRecord(
      accountId: try required(account), servicePrincipal: try required(service))
  }

  private mutating func handshakeRecord() throws(Miss) -> SnapshotDocument.HandshakeRecord {
    var id: String?
    var action: String?
    var state: String?
    try members(SnapshotDocument.HandshakeRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .action: action = try cursor.string()
      case .id: id = try cursor.string()
      case .state: state = try cursor.string()
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
    try members(SnapshotDocument.TransferRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .activeHandshakeId: handshake = try cursor.optionalString()
      case .direction: direction = try cursor.string()
      case .endTimestamp: end = try cursor.optionalTimestamp()
      case .id: id = try cursor.string()
      case .status: status = try cursor.string()
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
    try members(SnapshotDocument.CostsRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .periodEnd: end = try cursor.string()
      case .periodStart: start = try cursor.string()
      case .rows: rows = try cursor.array { cursor throws(Miss) in try cursor.costRow() }
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
    try members(SnapshotDocument.CostRowRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .accountId: accountID = try cursor.string()
      case .amount:
        // `WireDecimal` takes a string, else a number printed as Swift prints a Double.
        amount = WireDecimal(cursor.atString() ? try cursor.string() : "\(try cursor.double())")
      case .region: region = try cursor.string()
      case .service: service = try cursor.string()
      case .unit: unit = try cursor.string()
      }
    }
    return SnapshotDocument.CostRowRecord(
      accountId: try required(accountID), service: try required(service),
      region: try required(region), amount: try required(amount), unit: try required(unit))
  }

  private mutating func collectorRecord() throws(Miss) -> SnapshotDocument.CollectorRecord {
    var tool: String?
    var awsCLI: String?
    try members(SnapshotDocument.CollectorRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .tool: tool = try cursor.optionalString()
      case .awsCli: awsCLI = try cursor.optionalString()
      }
    }
    return SnapshotDocument.CollectorRecord(tool: tool, awsCli: awsCLI)
  }

  private mutating func gapRecord() throws(Miss) -> SnapshotDocument.GapRecord {
    var section: String?
    var reason: String?
    try members(SnapshotDocument.GapRecord.CodingKeys.self) { cursor, key throws(Miss) in
      switch key {
      case .section: section = try cursor.string()
      case .reason: reason = try cursor.string()
      }
    }
    return SnapshotDocument.GapRecord(section: try required(section), reason: try required(reason))
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
