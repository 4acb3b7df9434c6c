/// A validated organization snapshot: the tree plus the facts AWS reports about it.
///
/// Construction checks the structure (rule A1: one root, unique IDs, parents that resolve,
/// no cycles, at most five OU levels; the management account present), so every other part
/// of the program can rely on it. Collections are stored sorted by ID, so any listing
/// derived from them is deterministic whatever order the input had.
public struct Organization: Sendable {
  public let id: OrganizationID
  public let arn: String
  public let featureSet: FeatureSet
  public let managementAccountID: AccountID
  public let managementAccountEmail: String
  public let root: Root
  /// Sorted by ID.
  public let organizationalUnits: [OrganizationalUnit]
  /// Every account, the management account included, sorted by ID.
  public let accounts: [Account]
  /// Every account but the management account, sorted by ID.
  ///
  /// Stored rather than filtered on each use: the planner and the renderers ask for it
  /// several times, and each filter copied every account (4% of planning 100,000 accounts).
  public let members: [Account]
  /// Sorted by account, then service principal.
  public let delegatedAdministrators: [DelegatedAdministrator]
  /// Sorted by ID.
  public let handshakes: [Handshake]
  /// Sorted by ID.
  public let responsibilityTransfers: [ResponsibilityTransfer]
  /// Sorted.
  public let enabledServicePrincipals: [String]
  /// Sorted.
  public let rootAccessFeatures: [String]
  public let costs: CostReport?
  /// Sorted by section, then reason.
  public let gaps: [SnapshotGap]
  /// When the snapshot was taken, if it says.
  public let capturedAt: Timestamp?

  let accountIndex: [AccountID: Int]
  let unitIndex: [OrganizationalUnitID: Int]
  /// `Root/Prod/Payments`-style paths, parallel to `organizationalUnits`.
  let unitPaths: [String]
  /// The place of each unit's path among all paths in string order.
  ///
  /// Parallel to `organizationalUnits`; equal paths share a rank. The root's rank is
  /// `rootPathRank`.
  let unitPathRanks: [Int]
  let rootPathRank: Int

  /// The raw material of an organization, in input order, as a decoder produced it.
  public struct Parts: Sendable {
    public var id: OrganizationID
    public var arn: String
    public var featureSet: FeatureSet
    public var managementAccountID: AccountID
    public var managementAccountEmail: String
    public var roots: [Root]
    public var organizationalUnits: [OrganizationalUnit]
    public var accounts: [Account]
    public var delegatedAdministrators: [DelegatedAdministrator]
    public var handshakes: [Handshake]
    public var responsibilityTransfers: [ResponsibilityTransfer]
    public var enabledServicePrincipals: [String]
    public var rootAccessFeatures: [String]
    public var costs: CostReport?
    public var gaps: [SnapshotGap]
    public var capturedAt: Timestamp?

    public init(
      id: OrganizationID, arn: String = "", featureSet: FeatureSet,
      managementAccountID: AccountID, managementAccountEmail: String = "", roots: [Root],
      organizationalUnits: [OrganizationalUnit] = [], accounts: [Account],
      delegatedAdministrators: [DelegatedAdministrator] = [], handshakes: [Handshake] = [],
      responsibilityTransfers: [ResponsibilityTransfer] = [],
      enabledServicePrincipals: [String] = [], rootAccessFeatures: [String] = [],
      costs: CostReport? = nil, gaps: [SnapshotGap] = [], capturedAt: Timestamp? = nil
    ) {
      self.id = id
      self.arn = arn
      self.featureSet = featureSet
      self.managementAccountID = managementAccountID
      self.managementAccountEmail = managementAccountEmail
      self.roots = roots
      self.organizationalUnits = organizationalUnits
      self.accounts = accounts
      self.delegatedAdministrators = delegatedAdministrators
      self.handshakes = handshakes
      self.responsibilityTransfers = responsibilityTransfers
      self.enabledServicePrincipals = enabledServicePrincipals
      self.rootAccessFeatures = rootAccessFeatures
      self.costs = costs
      self.gaps = gaps
      self.capturedAt = capturedAt
    }
  }

  /// The deepest OU nesting AWS allows below the root (rule A1).
  public static let maximumDepth = 5

  /// Validates `parts` and builds the organization.
  ///
  /// - Throws: `StructureError` naming the input path (such as `accounts[3].parentId`) of the
  ///   first problem found.
  /// - Complexity: O(*n* log *n*) in the number of accounts and OUs.
  public init(validating parts: consuming Parts) throws(StructureError) {
    guard parts.roots.count == 1 else {
      throw StructureError(
        path: "roots",
        message: "has \(parts.roots.count) entries; an organization has exactly one root (rule A1)")
    }
    let root = parts.roots[0]

    var unitIndexByInput: [OrganizationalUnitID: Int] = [:]
    unitIndexByInput.reserveCapacity(parts.organizationalUnits.count)
    for (index, unit) in parts.organizationalUnits.enumerated() {
      if let first = unitIndexByInput.updateValue(index, forKey: unit.id) {
        throw StructureError(
          path: "organizationalUnits[\(index)].id",
          message: "\"\(unit.id)\" is listed twice (first at organizationalUnits[\(first)])")
      }
    }
    func resolves(_ parent: ParentID) -> Bool {
      switch parent {
      case .root(let id): id == root.id
      case .organizationalUnit(let id): unitIndexByInput[id] != nil
      }
    }
    for (index, unit) in parts.organizationalUnits.enumerated() where !resolves(unit.parent) {
      throw StructureError(
        path: "organizationalUnits[\(index)].parentId",
        message: "\"\(unit.parent)\" is not a root or OU in this snapshot")
    }
    let depths = try Self.unitDepths(parts.organizationalUnits, index: unitIndexByInput)

    var accountIndexByInput: [AccountID: Int] = [:]
    accountIndexByInput.reserveCapacity(parts.accounts.count)
    // Accounts are read in place by index, here and below: a loop over them copied each
    // account, retaining every string in it.
    try parts.accounts.withUnsafeBufferPointer { accounts throws(StructureError) in
      for index in accounts.indices {
        if let first = accountIndexByInput.updateValue(index, forKey: accounts[index].id) {
          throw StructureError(
            path: "accounts[\(index)].id",
            message: "\"\(accounts[index].id)\" is listed twice (first at accounts[\(first)])")
        }
        if !resolves(accounts[index].parent) {
          throw StructureError(
            path: "accounts[\(index)].parentId",
            message: "\"\(accounts[index].parent)\" is not a root or OU in this snapshot")
        }
        if let joined = accounts[index].joinedTimestamp, let captured = parts.capturedAt,
          joined > captured
        {
          throw StructureError(
            path: "accounts[\(index)].joinedTimestamp",
            message: "\(joined) is after the snapshot was taken (capturedAt \(captured)); "
              + "an account cannot have joined later than it was seen")
        }
      }
    }
    for (index, admin) in parts.delegatedAdministrators.enumerated()
    where accountIndexByInput[admin.accountID] == nil {
      throw StructureError(
        path: "delegatedAdministrators[\(index)].accountId",
        message: "\"\(admin.accountID)\" (delegated administrator for "
          + "\(admin.servicePrincipal)) is not one of the snapshot's accounts")
    }
    guard accountIndexByInput[parts.managementAccountID] != nil else {
      throw StructureError(
        path: "organization.managementAccountId",
        message: "\"\(parts.managementAccountID)\" is not one of the snapshot's accounts; "
          + "the management account must be listed in accounts (rule A4)")
    }

    id = parts.id
    arn = parts.arn
    featureSet = parts.featureSet
    managementAccountID = parts.managementAccountID
    managementAccountEmail = parts.managementAccountEmail
    self.root = root
    let units = parts.organizationalUnits.sorted { $0.id < $1.id }
    organizationalUnits = units
    // Sorted in the only copy: `parts` is consumed, and a snapshot's accounts usually come
    // sorted already, which the sort notices.
    var sortedAccounts: [Account] = []
    swap(&sortedAccounts, &parts.accounts)
    sortedAccounts.sort { $0.id < $1.id }
    accounts = sortedAccounts
    members = sortedAccounts.filter { $0.id != parts.managementAccountID }
    delegatedAdministrators = Array(Set(parts.delegatedAdministrators)).sorted()
    handshakes = parts.handshakes.sorted { $0.id < $1.id }
    responsibilityTransfers = parts.responsibilityTransfers.sorted { $0.id < $1.id }
    enabledServicePrincipals = Array(Set(parts.enabledServicePrincipals)).sorted()
    rootAccessFeatures = Array(Set(parts.rootAccessFeatures)).sorted()
    costs = parts.costs
    gaps = parts.gaps.sorted { ($0.section, $0.reason) < ($1.section, $1.reason) }
    capturedAt = parts.capturedAt

    var unitIndex: [OrganizationalUnitID: Int] = [:]
    unitIndex.reserveCapacity(units.count)
    for (index, unit) in units.enumerated() { unitIndex[unit.id] = index }
    self.unitIndex = unitIndex
    var accountIndex: [AccountID: Int] = [:]
    accountIndex.reserveCapacity(accounts.count)
    for index in accounts.indices { accountIndex[accounts[index].id] = index }
    self.accountIndex = accountIndex

    // Parents before children: sorting by depth lets each path extend its parent's.
    var paths = [String](repeating: "", count: units.count)
    let byDepth = units.indices.sorted {
      depths[unitIndexByInput[units[$0].id] ?? 0] < depths[unitIndexByInput[units[$1].id] ?? 0]
    }
    for index in byDepth {
      let unit = units[index]
      let parentPath: String
      switch unit.parent {
      case .root: parentPath = root.name
      case .organizationalUnit(let parent): parentPath = paths[unitIndex[parent] ?? 0]
      }
      paths[index] = parentPath + "/" + unit.name
    }
    unitPaths = paths

    // Ranks let callers sort by path with integer comparisons instead of comparing strings.
    // Index -1 stands for the root.
    func path(_ index: Int) -> String { index < 0 ? root.name : paths[index] }
    let ordered = ([-1] + units.indices).sorted { path($0) < path($1) }
    var ranks = [Int](repeating: 0, count: units.count)
    var rootRank = 0
    var rank = 0
    for (position, index) in ordered.enumerated() {
      if position > 0, path(index) != path(ordered[position - 1]) { rank += 1 }
      if index < 0 { rootRank = rank } else { ranks[index] = rank }
    }
    unitPathRanks = ranks
    rootPathRank = rootRank
  }

  /// The depth of every OU (1 for a child of the root), in input order; throws on a cycle
  /// or on nesting deeper than `maximumDepth`.
  private static func unitDepths(
    _ units: [OrganizationalUnit], index: [OrganizationalUnitID: Int]
  ) throws(StructureError) -> [Int] {
    var depth = [Int](repeating: 0, count: units.count)  // 0 = not yet known
    var onStack = [Bool](repeating: false, count: units.count)
    for start in units.indices where depth[start] == 0 {
      // Walk up until a known depth or the root, then unwind assigning depths.
      var chain: [Int] = []
      var current = start
      var base = 0
      while true {
        if depth[current] != 0 {
          base = depth[current]
          break
        }
        if onStack[current] {
          let cycleStart = chain.firstIndex(of: current) ?? 0
          let names = (chain[cycleStart...] + [current]).map { units[$0].id.rawValue }
          throw StructureError(
            path: "organizationalUnits[\(current)].parentId",
            message: "OU \"\(units[current].id)\" is its own ancestor: "
              + names.joined(separator: " -> "))
        }
        onStack[current] = true
        chain.append(current)
        guard case .organizationalUnit(let parent) = units[current].parent,
          let parentIndex = index[parent]
        else { break }
        current = parentIndex
      }
      for unit in chain.reversed() {
        base += 1
        depth[unit] = base
        onStack[unit] = false
        if base > maximumDepth {
          throw StructureError(
            path: "organizationalUnits[\(unit)].parentId",
            message: "OU \"\(units[unit].id)\" is nested \(base) levels below the root; "
              + "AWS allows at most \(maximumDepth) (rule A1)")
        }
      }
    }
    return depth
  }
}
