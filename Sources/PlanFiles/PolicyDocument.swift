import ClosurePlanner
import OrgGraph

/// The wire form of `closure.policy.json` (schema version 1).
///
/// The policy is hand-written and reviewed, so every object rejects keys it does not know:
/// a misspelt fact must fail loudly rather than be ignored.
struct PolicyDocument: Decodable {
  static let currentSchemaVersion = 1

  /// Where the policy holds integers, for `StrictJSON` to name a `1.5` by its path; the keys
  /// themselves are checked by the `Decodable` types below.
  static let integers: KeySchema = {
    let entry = KeySchema.object(["priority": .integer], allowsOtherKeys: true)
    return .object(
      [
        "schemaVersion": .integer, "closeQuota": .integer, "closuresInLast30Days": .integer,
        "defaults": entry, "accounts": .dictionary(entry),
      ], allowsOtherKeys: true)
  }()

  var policy: Policy

  private enum Key: String, CodingKey, CaseIterable {
    case schemaVersion, strategy, startDate, closeQuota, closuresInLast30Days
    case protectedAccounts, closeProtectionTags, defaults, accounts, management, organization
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Key.allCases.map(\.rawValue))
    let container = try decoder.container(keyedBy: Key.self)
    var policy = Policy()
    policy.strategy = try container.decodeIfPresent(WireEnum<Strategy>.self, forKey: .strategy)?
      .value
    if let text = try container.decodeIfPresent(String.self, forKey: .startDate) {
      guard let day = CalendarDay(iso8601: text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .startDate, in: container,
          debugDescription: "\"\(text)\" is not a date of the form YYYY-MM-DD")
      }
      policy.startDate = day
    }
    if let quota = try container.decodeIfPresent(Int.self, forKey: .closeQuota) {
      guard quota >= 1 else {
        throw DecodingError.dataCorruptedError(
          forKey: .closeQuota, in: container,
          debugDescription: "\(quota) is not a usable quota; it must be at least 1")
      }
      policy.closeQuota = quota
    }
    let recent = try container.decodeIfPresent(Int.self, forKey: .closuresInLast30Days) ?? 0
    guard recent >= 0 else {
      throw DecodingError.dataCorruptedError(
        forKey: .closuresInLast30Days, in: container,
        debugDescription: "\(recent) is negative; give the number of closures in the last 30 days")
    }
    policy.closuresInLast30Days = recent
    let protected = try container.decodeIfPresent([WireAccountID].self, forKey: .protectedAccounts)
    policy.protectedAccounts = Set((protected ?? []).map(\.value))
    policy.closeProtectionTags =
      try container.decodeIfPresent([String: String].self, forKey: .closeProtectionTags) ?? [:]
    policy.defaults =
      try container.decodeIfPresent(WireAccountPolicy.self, forKey: .defaults)?.value
      ?? AccountPolicy()
    let accounts =
      try container.decodeIfPresent([String: WireAccountPolicy].self, forKey: .accounts) ?? [:]
    let nested = try? container.nestedContainer(keyedBy: AnyKey.self, forKey: .accounts)
    for (key, entry) in accounts {
      guard let id = AccountID(rawValue: key) else {
        let message = "\"\(key)\" is not an account ID (12 digits)"
        if let nested {
          throw DecodingError.dataCorruptedError(
            forKey: AnyKey(stringValue: key), in: nested, debugDescription: message)
        }
        throw DecodingError.dataCorruptedError(
          forKey: .accounts, in: container, debugDescription: message)
      }
      policy.accounts[id] = entry.value
    }
    policy.management =
      try container.decodeIfPresent(WireFacts.self, forKey: .management)?.value ?? AccountFacts()
    policy.organization =
      try container.decodeIfPresent(WireOrganizationFacts.self, forKey: .organization)?.value
      ?? OrganizationFacts()
    self.policy = policy
  }
}

/// `disposition`, `priority` and the facts, side by side in one object.
private struct WireAccountPolicy: Decodable {
  var value: AccountPolicy

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: ["disposition", "priority"] + WireFacts.keys)
    let container = try decoder.container(keyedBy: AnyKey.self)
    value = AccountPolicy(
      disposition: try container.decodeIfPresent(
        WireEnum<Disposition>.self, forKey: AnyKey(stringValue: "disposition"))?.value,
      priority: try container.decodeIfPresent(Int.self, forKey: AnyKey(stringValue: "priority")),
      facts: try WireFacts.facts(in: container))
  }
}

/// The facts of one account; for `management`, the only keys allowed.
private struct WireFacts: Decodable {
  static let keys = [
    "rootPassword", "rootEmailReachable", "standaloneReady", "controlTowerEnrolled",
    "govCloudLinked", "reservedInstances", "savingsPlans", "marketplaceSubscriptions",
    "route53Domains", "unpaidBalance", "emailReuseNeeded", "dataBackedUp", "cloudTrailTrails",
    "hardwareMfa", "rootMfaReady", "notes",
  ]

  var value: AccountFacts

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Self.keys)
    value = try Self.facts(in: try decoder.container(keyedBy: AnyKey.self))
  }

  static func facts(in container: KeyedDecodingContainer<AnyKey>) throws -> AccountFacts {
    func flag(_ key: String) throws -> Bool? {
      try container.decodeIfPresent(Bool.self, forKey: AnyKey(stringValue: key))
    }
    return AccountFacts(
      rootPassword: try container.decodeIfPresent(
        WireEnum<RootPassword>.self, forKey: AnyKey(stringValue: "rootPassword"))?.value,
      rootEmailReachable: try flag("rootEmailReachable"),
      standaloneReady: try flag("standaloneReady"),
      controlTowerEnrolled: try flag("controlTowerEnrolled"),
      govCloudLinked: try flag("govCloudLinked"),
      reservedInstances: try flag("reservedInstances"),
      savingsPlans: try flag("savingsPlans"),
      marketplaceSubscriptions: try flag("marketplaceSubscriptions"),
      route53Domains: try flag("route53Domains"),
      unpaidBalance: try flag("unpaidBalance"),
      emailReuseNeeded: try flag("emailReuseNeeded"),
      dataBackedUp: try flag("dataBackedUp"),
      cloudTrailTrails: try flag("cloudTrailTrails"),
      hardwareMfa: try flag("hardwareMfa"),
      rootMfaReady: try flag("rootMfaReady"),
      notes: try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "notes")))
  }
}

/// The facts about the organization as a whole.
private struct WireOrganizationFacts: Decodable {
  static let keys = ["controlTowerLandingZone", "identityCenterInstance"]

  var value: OrganizationFacts

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(allowed: Self.keys)
    let container = try decoder.container(keyedBy: AnyKey.self)
    value = OrganizationFacts(
      controlTowerLandingZone: try container.decodeIfPresent(
        Bool.self, forKey: AnyKey(stringValue: "controlTowerLandingZone")),
      identityCenterInstance: try container.decodeIfPresent(
        Bool.self, forKey: AnyKey(stringValue: "identityCenterInstance")))
  }
}

/// A string that must be one of an enumeration's raw values; the error lists them.
private struct WireEnum<Value: RawRepresentable & CaseIterable>: Decodable
where Value.RawValue == String {
  var value: Value

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let raw = try container.decode(String.self)
    guard let value = Value(rawValue: raw) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "\"\(raw)\" is not one of "
          + Value.allCases.map(\.rawValue).joined(separator: ", "))
    }
    self.value = value
  }
}

/// A 12-digit account ID in a list.
private struct WireAccountID: Decodable {
  var value: AccountID

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let raw = try container.decode(String.self)
    guard let id = AccountID(rawValue: raw) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(raw)\" is not an account ID (12 digits)")
    }
    value = id
  }
}
