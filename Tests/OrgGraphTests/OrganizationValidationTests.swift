import OrgGraph
import Testing

@Suite struct OrganizationValidationTests {
  let root = Root(id: RootID(unchecked: "r-root"), name: "Root")
  let management = AccountID(unchecked: "111111111111")

  func parts(units: [OrganizationalUnit] = [], accounts extra: [Account] = []) -> Organization.Parts
  {
    let account = Account(
      id: management, name: "m", email: "m@example.com", state: .active, joinedMethod: .invited,
      joinedTimestamp: nil, parent: .root(root.id))
    return Organization.Parts(
      id: OrganizationID(unchecked: "o-abcdefghij"), featureSet: .all,
      managementAccountID: management, roots: [root], organizationalUnits: units,
      accounts: [account] + extra)
  }

  func unit(_ n: Int, parent: ParentID) -> OrganizationalUnit {
    OrganizationalUnit(
      id: OrganizationalUnitID(unchecked: "ou-root-0000000\(n)"), name: "U\(n)", parent: parent)
  }

  @Test("rule A1: five OU levels are fine, six are not")
  func depthLimit() throws {
    var units: [OrganizationalUnit] = []
    var parent = ParentID.root(root.id)
    for level in 1...6 {
      let next = unit(level, parent: parent)
      units.append(next)
      parent = .organizationalUnit(next.id)
    }
    let five = try Organization(validating: parts(units: Array(units.prefix(5))))
    #expect(five.path(of: .organizationalUnit(units[4].id)) == "Root/U1/U2/U3/U4/U5")
    #expect(
      throws: StructureError(
        path: "organizationalUnits[5].parentId",
        message:
          "OU \"ou-root-00000006\" is nested 6 levels below the root; AWS allows at most 5 (rule A1)"
      )
    ) {
      try Organization(validating: parts(units: units))
    }
  }

  @Test("rule A1: an OU cycle is reported with its path")
  func cycle() {
    let a = unit(
      1, parent: .organizationalUnit(OrganizationalUnitID(unchecked: "ou-root-00000002")))
    let b = unit(2, parent: .organizationalUnit(a.id))
    #expect(
      throws: StructureError(
        path: "organizationalUnits[0].parentId",
        message:
          "OU \"ou-root-00000001\" is its own ancestor: ou-root-00000001 -> ou-root-00000002 -> ou-root-00000001"
      )
    ) {
      try Organization(validating: parts(units: [a, b]))
    }
  }

  @Test("input order does not change the organization")
  func orderIndependence() throws {
    let units = (1...4).map { unit($0, parent: .root(root.id)) }
    let first = try Organization(validating: parts(units: units))
    let second = try Organization(validating: parts(units: units.reversed()))
    #expect(first.organizationalUnits == second.organizationalUnits)
  }
}
