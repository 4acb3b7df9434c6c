/// One AWS account of the organization, the management account included.
public struct Account: Hashable, Sendable {
  public var id: AccountID
  public var name: String
  public var email: String
  public var state: AccountState
  public var joinedMethod: JoinedMethod
  /// When the account joined; `nil` when the snapshot does not say.
  public var joinedTimestamp: Timestamp?
  public var parent: ParentID
  /// Tags as key–value pairs, sorted by key; `nil` when the snapshot did not read them
  /// (`orgclose snapshot` reads them with `--tags`).
  public var tags: [Tag]?

  public init(
    id: AccountID, name: String, email: String, state: AccountState, joinedMethod: JoinedMethod,
    joinedTimestamp: Timestamp?, parent: ParentID, tags: [Tag]? = nil
  ) {
    self.id = id
    self.name = name
    self.email = email
    self.state = state
    self.joinedMethod = joinedMethod
    self.joinedTimestamp = joinedTimestamp
    self.parent = parent
    self.tags = tags?.sorted { $0.key < $1.key }
  }
}

/// A resource tag.
public struct Tag: Hashable, Sendable {
  public var key: String
  public var value: String
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

/// An organizational unit.
public struct OrganizationalUnit: Hashable, Sendable {
  public var id: OrganizationalUnitID
  public var name: String
  public var parent: ParentID
  public init(id: OrganizationalUnitID, name: String, parent: ParentID) {
    self.id = id
    self.name = name
    self.parent = parent
  }
}

/// The organization root (AWS has exactly one, rule A1).
public struct Root: Hashable, Sendable {
  public var id: RootID
  public var name: String
  public init(id: RootID, name: String) {
    self.id = id
    self.name = name
  }
}
