import OrgGraph
import Testing

/// `pathRank(of:)` lets the planner sort by path with integers; it must order parents exactly
/// as their path strings order, ties included.
@Suite struct PathRankTests {
  @Test("ranks order parents as their paths order, for awkward names")
  func ranksFollowPathOrder() throws {
    let root = Root(id: RootID(unchecked: "r-root"), name: "Root")
    // Prefixes, case, punctuation below "/", non-ASCII, a combining accent spelt two ways
    // (equal strings), and an empty name.
    // Units 5 and 9 share a parent and have canonically equivalent names, hence equal paths.
    let names = [
      "Prod", "Prod-EU", "Prod EU", "prod", "Prod/", "Pr\u{F6}d", "Zeta", "", "東京",
      "Pro\u{308}d", "Prod.1", "Prod0", "A",
    ]
    var units: [OrganizationalUnit] = []
    for (index, name) in names.enumerated() {
      let parent: ParentID =
        index < 4 ? .root(root.id) : .organizationalUnit(units[index % 4].id)
      units.append(
        OrganizationalUnit(
          id: OrganizationalUnitID(unchecked: "ou-root-\(String(10_000_000 + index))"),
          name: name, parent: parent))
    }
    let management = AccountID(unchecked: "111111111111")
    let organization = try Organization(
      validating: .init(
        id: OrganizationID(unchecked: "o-abcdefghij"), featureSet: .all,
        managementAccountID: management, roots: [root], organizationalUnits: units,
        accounts: [
          Account(
            id: management, name: "m", email: "m@example.com", state: .active,
            joinedMethod: .invited, joinedTimestamp: nil, parent: .root(root.id))
        ]))
    let parents = [ParentID.root(root.id)] + units.map { .organizationalUnit($0.id) }
    for a in parents {
      for b in parents {
        let (pathA, pathB) = (organization.path(of: a), organization.path(of: b))
        let (rankA, rankB) = (organization.pathRank(of: a), organization.pathRank(of: b))
        #expect((rankA < rankB) == (pathA < pathB), "\(pathA) vs \(pathB)")
        #expect((rankA == rankB) == (pathA == pathB), "\(pathA) vs \(pathB)")
      }
    }
  }
}
