/// The wire form of `org.snapshot.json` (schema version 1), as DESIGN.md defines it.
///
/// Unknown keys are ignored, so a newer collector's additions do not break an older planner.
/// Values are kept as AWS spells them; `SnapshotDocument+Organization.swift` checks and maps
/// them to the model.
public struct SnapshotDocument: Codable, Equatable, Sendable {
  /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
  /// fast reader both use them.
  enum CodingKeys: String, WireKeys {
    case schemaVersion, organization, roots, organizationalUnits, accounts, delegatedAdministrators,
      handshakes, responsibilityTransfers, enabledServicePrincipals, rootAccessFeatures, costs,
      capturedAt, collector, gaps
    static let table = KeyTable<Self>()
  }

  public static let currentSchemaVersion = 1

  /// Where the snapshot holds integers, for `StrictJSON` to name a `1.5` by its path.
  static let integers = KeySchema.object(["schemaVersion": .integer], allowsOtherKeys: true)

  public var schemaVersion: Int
  public var organization: OrganizationRecord
  public var roots: [RootRecord]
  public var organizationalUnits: [UnitRecord]?
  public var accounts: [AccountRecord]
  public var delegatedAdministrators: [DelegatedAdministratorRecord]?
  public var handshakes: [HandshakeRecord]?
  public var responsibilityTransfers: [TransferRecord]?
  public var enabledServicePrincipals: [String]?
  public var rootAccessFeatures: [String]?
  public var costs: CostsRecord?
  public var capturedAt: String?
  public var collector: CollectorRecord?
  public var gaps: [GapRecord]?

  public init(
    schemaVersion: Int = currentSchemaVersion, organization: OrganizationRecord,
    roots: [RootRecord], organizationalUnits: [UnitRecord]? = nil, accounts: [AccountRecord],
    delegatedAdministrators: [DelegatedAdministratorRecord]? = nil,
    handshakes: [HandshakeRecord]? = nil, responsibilityTransfers: [TransferRecord]? = nil,
    enabledServicePrincipals: [String]? = nil, rootAccessFeatures: [String]? = nil,
    costs: CostsRecord? = nil, capturedAt: String? = nil, collector: CollectorRecord? = nil,
    gaps: [GapRecord]? = nil
  ) {
    self.schemaVersion = schemaVersion
    self.organization = organization
    self.roots = roots
    self.organizationalUnits = organizationalUnits
    self.accounts = accounts
    self.delegatedAdministrators = delegatedAdministrators
    self.handshakes = handshakes
    self.responsibilityTransfers = responsibilityTransfers
    self.enabledServicePrincipals = enabledServicePrincipals
    self.rootAccessFeatures = rootAccessFeatures
    self.costs = costs
    self.capturedAt = capturedAt
    self.collector = collector
    self.gaps = gaps
  }

  public struct OrganizationRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case id, arn, featureSet, managementAccountId, managementAccountEmail
      static let table = KeyTable<Self>()
    }

    public var id: String
    public var arn: String?
    public var featureSet: String
    public var managementAccountId: String
    public var managementAccountEmail: String?
    public init(
      id: String, arn: String? = nil, featureSet: String, managementAccountId: String,
      managementAccountEmail: String? = nil
    ) {
      self.id = id
      self.arn = arn
      self.featureSet = featureSet
      self.managementAccountId = managementAccountId
      self.managementAccountEmail = managementAccountEmail
    }
  }

  public struct RootRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case id, name
      static let table = KeyTable<Self>()
    }

    public var id: String
    public var name: String
    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  public struct UnitRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case id, name, parentId
      static let table = KeyTable<Self>()
    }

    public var id: String
    public var name: String
    public var parentId: String
    public init(id: String, name: String, parentId: String) {
      self.id = id
      self.name = name
      self.parentId = parentId
    }
  }

  public struct AccountRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case id, name, email, state, status, joinedMethod, joinedTimestamp, parentId, tags
      static let table = KeyTable<Self>()
    }

    public var id: String
    public var name: String
    public var email: String
    /// The current `State` field.
    public var state: String?
    /// The retired `Status` field, read only where `state` is missing (rule A6).
    public var status: String?
    public var joinedMethod: String
    public var joinedTimestamp: WireTimestamp?
    public var parentId: String
    public var tags: [String: String]?
    public init(
      id: String, name: String, email: String, state: String?, status: String? = nil,
      joinedMethod: String, joinedTimestamp: WireTimestamp?, parentId: String,
      tags: [String: String]? = nil
    ) {
      self.id = id
      self.name = name
      self.email = email
      self.state = state
      self.status = status
      self.joinedMethod = joinedMethod
      self.joinedTimestamp = joinedTimestamp
      self.parentId = parentId
      self.tags = tags
    }
  }

  public struct DelegatedAdministratorRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case accountId, servicePrincipal
      static let table = KeyTable<Self>()
    }

    public var accountId: String
    public var servicePrincipal: String
    public init(accountId: String, servicePrincipal: String) {
      self.accountId = accountId
      self.servicePrincipal = servicePrincipal
    }
  }

  public struct HandshakeRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case id, action, state
      static let table = KeyTable<Self>()
    }

    public var id: String
    public var action: String
    public var state: String
    public init(id: String, action: String, state: String) {
      self.id = id
      self.action = action
      self.state = state
    }
  }

  public struct TransferRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case id, direction, status, endTimestamp, activeHandshakeId
      static let table = KeyTable<Self>()
    }

    public var id: String
    /// `inbound` or `outbound`.
    public var direction: String
    public var status: String
    public var endTimestamp: WireTimestamp?
    /// The handshake of a pending invitation (`ActiveHandshakeId`, rule E38c).
    public var activeHandshakeId: String?
    public init(
      id: String, direction: String, status: String, endTimestamp: WireTimestamp?,
      activeHandshakeId: String? = nil
    ) {
      self.id = id
      self.direction = direction
      self.status = status
      self.endTimestamp = endTimestamp
      self.activeHandshakeId = activeHandshakeId
    }
  }

  public struct CostsRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case periodStart, periodEnd, rows
      static let table = KeyTable<Self>()
    }

    public var periodStart: String
    public var periodEnd: String
    public var rows: [CostRowRecord]
    public init(periodStart: String, periodEnd: String, rows: [CostRowRecord]) {
      self.periodStart = periodStart
      self.periodEnd = periodEnd
      self.rows = rows
    }
  }

  public struct CostRowRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case accountId, service, region, amount, unit
      static let table = KeyTable<Self>()
    }

    public var accountId: String
    public var service: String
    public var region: String
    public var amount: WireDecimal
    public var unit: String
    public init(
      accountId: String, service: String, region: String, amount: WireDecimal, unit: String
    ) {
      self.accountId = accountId
      self.service = service
      self.region = region
      self.amount = amount
      self.unit = unit
    }
  }

  public struct CollectorRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case tool, awsCli
      static let table = KeyTable<Self>()
    }

    public var tool: String?
    public var awsCli: String?
    public init(tool: String?, awsCli: String?) {
      self.tool = tool
      self.awsCli = awsCli
    }
  }

  public struct GapRecord: Codable, Equatable, Sendable {
    /// The record's keys, declared once, in the order `Codable` checks them: `Codable` and the
    /// fast reader both use them.
    enum CodingKeys: String, WireKeys {
      case section, reason
      static let table = KeyTable<Self>()
    }

    public var section: String
    public var reason: String
    public init(section: String, reason: String) {
      self.section = section
      self.reason = reason
    }
  }
}
