extension Organization {
  /// The account with `id`, if the organization has it.
  public func account(_ id: AccountID) -> Account? {
    accountIndex[id].map { accounts[$0] }
  }

  /// The OU with `id`, if the organization has it.
  public func unit(_ id: OrganizationalUnitID) -> OrganizationalUnit? {
    unitIndex[id].map { organizationalUnits[$0] }
  }

  /// The management account.
  public var managementAccount: Account {
    guard let account = account(managementAccountID) else {
      preconditionFailure("validated organization lost its management account")
    }
    return account
  }

  /// The names from the root down to `parent`, joined by `/`, such as `Root/Prod/Payments`.
  public func path(of parent: ParentID) -> String {
    switch parent {
    case .root: root.name
    case .organizationalUnit(let id): unitIndex[id].map { unitPaths[$0] } ?? root.name
    }
  }

  /// `path(of:)` and `pathRank(of:)` together, with one lookup.
  public func pathAndRank(of parent: ParentID) -> (path: String, rank: Int) {
    switch parent {
    case .root: (root.name, rootPathRank)
    case .organizationalUnit(let id):
      unitIndex[id].map { (unitPaths[$0], unitPathRanks[$0]) } ?? (root.name, rootPathRank)
    }
  }

  /// The place of `path(of: parent)` among the organization's paths in string order: two
  /// parents compare by rank as their paths compare as strings, and equal paths have equal
  /// ranks.
  public func pathRank(of parent: ParentID) -> Int {
    switch parent {
    case .root: rootPathRank
    case .organizationalUnit(let id): unitIndex[id].map { unitPathRanks[$0] } ?? rootPathRank
    }
  }
}
