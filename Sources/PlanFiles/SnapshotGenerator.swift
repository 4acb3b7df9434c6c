import OrgGraph

/// Makes seeded synthetic organizations for demos, tests and benchmarks.
///
/// The same parameters always give the same document. The shape is realistic: a tree of
/// OUs up to `depth` levels, accounts spread over it, a mix of states and joined methods,
/// a few delegated administrators, invitations and cost rows.
public struct SnapshotGenerator: Sendable {
  public var accounts: Int
  public var organizationalUnits: Int
  public var depth: Int
  public var seed: UInt64

  /// - Parameters:
  ///   - accounts: Total accounts, the management account included (at least 1).
  ///   - organizationalUnits: OUs to create.
  ///   - depth: Deepest OU level below the root (1 to 5, rule A1).
  ///   - seed: Seed of the pseudo-random choices.
  public init(accounts: Int, organizationalUnits: Int, depth: Int, seed: UInt64) {
    self.accounts = accounts
    self.organizationalUnits = organizationalUnits
    self.depth = depth
    self.seed = seed
  }

  /// The synthetic snapshot.
  public func document() -> SnapshotDocument {
    var random = SplitMix64(seed: seed)
    let orgID = "o-" + Self.alphanumeric(10, &random)
    let rootSuffix = Self.alphanumeric(4, &random)
    let rootID = "r-" + rootSuffix
    let managementID = Self.accountID(0, seed: seed)

    // OUs: level 1 hangs off the root; each deeper OU picks a parent one level up.
    var units: [SnapshotDocument.UnitRecord] = []
    var levels: [[String]] = [[rootID]]
    let perLevel = Self.split(organizationalUnits, into: max(1, depth))
    let departments = ["Prod", "Staging", "Dev", "Sandbox", "Security", "Shared", "Data", "Edge"]
    for level in 1...max(1, depth) where perLevel[level - 1] > 0 {
      var ids: [String] = []
      for index in 0..<perLevel[level - 1] {
        let id = "ou-\(rootSuffix)-" + Self.hex(UInt64(units.count), width: 8)
        let parents = levels[level - 1]
        let parent = parents[Int(random.next() % UInt64(parents.count))]
        let name = departments[index % departments.count] + "-\(level)-\(index)"
        units.append(.init(id: id, name: name, parentId: parent))
        ids.append(id)
      }
      levels.append(ids)
    }
    let parents = [rootID] + units.map(\.id)

    let joinedBase = 1_600_000_000.0
    var accountRecords: [SnapshotDocument.AccountRecord] = []
    accountRecords.reserveCapacity(accounts)
    var costRows: [SnapshotDocument.CostRowRecord] = []
    let services = [
      "Amazon Elastic Compute Cloud - Compute", "Amazon Simple Storage Service",
      "Amazon Relational Database Service", "AWS Lambda", "Amazon CloudWatch",
    ]
    let regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]
    for index in 0..<max(1, accounts) {
      let id = Self.accountID(index, seed: seed)
      let roll = random.next() % 1000
      let state =
        index == 0
        ? "ACTIVE"
        : roll < 15
          ? "CLOSED"
          : roll < 20
            ? "PENDING_CLOSURE"
            : roll < 22
              ? "SUSPENDED"
              : roll < 25 ? "PENDING_ACTIVATION" : "ACTIVE"
      let invited = index == 0 || random.next() % 10 == 0
      let parent = index == 0 ? rootID : parents[Int(random.next() % UInt64(parents.count))]
      let joined = joinedBase + Double(random.next() % 150_000_000)
      accountRecords.append(
        .init(
          id: id, name: "account-\(index)", email: "aws+\(index)@example.com", state: state,
          joinedMethod: invited ? "INVITED" : "CREATED",
          joinedTimestamp: .epochSeconds(joined), parentId: parent,
          tags: ["CostCenter": "cc-\(index % 97)"]))
      if random.next() % 4 == 0 {
        let service = services[Int(random.next() % UInt64(services.count))]
        let region = regions[Int(random.next() % UInt64(regions.count))]
        let cents = random.next() % 500_000
        costRows.append(
          .init(
            accountId: id, service: service, region: region,
            amount: WireDecimal("\(cents / 100).\(Self.hex(cents % 100, width: 2, radix: 10))"),
            unit: "USD"))
      }
    }
    let adminCount = min(max(0, accounts - 1), 3)
    let adminServices = [
      "guardduty.amazonaws.com", "securityhub.amazonaws.com",
      "config.amazonaws.com",
    ]
    let admins = (0..<adminCount).map { index in
      SnapshotDocument.DelegatedAdministratorRecord(
        accountId: Self.accountID(index + 1, seed: seed), servicePrincipal: adminServices[index])
    }
    return SnapshotDocument(
      organization: .init(
        id: orgID, arn: "arn:aws:organizations::\(managementID):organization/\(orgID)",
        featureSet: "ALL", managementAccountId: managementID,
        managementAccountEmail: "aws+0@example.com"),
      roots: [.init(id: rootID, name: "Root")], organizationalUnits: units,
      accounts: accountRecords, delegatedAdministrators: admins,
      handshakes: [
        .init(id: "h-" + Self.alphanumeric(10, &random), action: "INVITE", state: "OPEN")
      ],
      responsibilityTransfers: [], enabledServicePrincipals: adminServices,
      rootAccessFeatures: [],
      costs: .init(periodStart: "2026-10-01", periodEnd: "2026-11-01", rows: costRows),
      capturedAt: "2026-11-01T00:00:00Z", collector: .init(tool: "orgclose generate", awsCli: nil),
      gaps: [])
  }

  /// A 12-digit account ID unique per index (and distinct across seeds in its high digits).
  private static func accountID(_ index: Int, seed: UInt64) -> String {
    let prefix = 100 + Int(seed % 800)
    return hex(UInt64(prefix), width: 3, radix: 10) + hex(UInt64(index), width: 9, radix: 10)
  }

  private static func split(_ total: Int, into parts: Int) -> [Int] {
    // Wider at the top and the middle, like real trees: weights 1, 2, 3, 2, 1 …
    let weights = (0..<parts).map { min($0, parts - 1 - $0) + 1 }
    let sum = weights.reduce(0, +)
    var counts = weights.map { total * $0 / sum }
    counts[0] += total - counts.reduce(0, +)
    return counts
  }

  private static func alphanumeric(_ count: Int, _ random: inout SplitMix64) -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<count).map { _ in alphabet[Int(random.next() % 36)] })
  }

  private static func hex(_ value: UInt64, width: Int, radix: Int = 16) -> String {
    let digits = String(value, radix: radix)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// SplitMix64: a tiny, well-known seeded generator, identical on every platform.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
