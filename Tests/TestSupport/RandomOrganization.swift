package import ClosurePlanner
package import OrgGraph

/// A seeded generator of valid organizations and policies for property tests.
///
/// Every choice comes from the seed, so a failing case is reproduced by its seed alone.
package struct RandomOrganization {
  private var state: UInt64

  package init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

  /// SplitMix64.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  package mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  package mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

  package mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

  /// An organization and a policy with a random shape, states, facts and strategy.
  package mutating func make() throws -> (Organization, Policy) {
    let featureSet: FeatureSet = chance(80) ? .all : .consolidatedBilling
    var units: [OrganizationalUnit] = []
    var parents: [ParentID] = [.root(Fixtures.rootID)]
    var depthOf: [ParentID: Int] = [.root(Fixtures.rootID): 0]
    for index in 0..<int(0...12) {
      let parent = pick(parents)
      let depth = (depthOf[parent] ?? 0) + 1
      guard depth <= 5 else { continue }
      let id = OrganizationalUnitID(unchecked: "ou-rand-\(String(1000_0000 + index))")
      units.append(OrganizationalUnit(id: id, name: "U\(index)", parent: parent))
      parents.append(.organizationalUnit(id))
      depthOf[.organizationalUnit(id)] = depth
    }
    let states: [AccountState] = [
      .active, .active, .active, .active, .closed, .pendingClosure, .suspended,
      .pendingActivation, .closedOrSuspended, .unknown("FUTURE_STATE"),
    ]
    var members: [Account] = []
    for n in 1...int(1...40) {
      // Joined between 10 days before and 3 days after the start, or long ago.
      let joinedDay =
        chance(30)
        ? Fixtures.startDate.adding(days: int(-10...3)) : Fixtures.startDate.adding(days: -900)
      let joined = Timestamp(
        millisecondsSince1970: Int64(joinedDay.daysSince1970) * 86_400_000
          + Int64(int(0...86_399)) * 1000)
      members.append(
        Fixtures.member(
          n, state: pick(states), joinedMethod: chance(70) ? .created : .invited,
          joined: chance(95) ? joined : nil, parent: pick(parents),
          tags: chance(30) ? nil : chance(30) ? [Tag(key: "AccountType", value: "Critical")] : []))
    }
    var admins: [DelegatedAdministrator] = []
    for member in members where chance(10) {
      for service in ["guardduty.amazonaws.com", "config.amazonaws.com"] where chance(60) {
        admins.append(DelegatedAdministrator(accountID: member.id, servicePrincipal: service))
      }
    }
    let handshakes = (0..<int(0...2)).map { index in
      Handshake(
        id: HandshakeID(unchecked: "h-rand000\(index)"),
        action: chance(80) ? .invite : pick([.transferResponsibility, .enableAllFeatures]),
        state: pick([.open, .requested, .accepted, .expired]))
    }
    let transfers = (0..<int(0...2)).map { index in
      ResponsibilityTransfer(
        id: ResponsibilityTransferID(unchecked: "rt-rand000\(index)"),
        direction: chance(50) ? .inbound : .outbound,
        status: pick([.requested, .accepted, .withdrawn, .declined]),
        endTimestamp: chance(30)
          ? Timestamp(iso8601: chance(50) ? "2027-02-28T23:59:59Z" : "2026-10-31T23:59:59Z") : nil,
        activeHandshakeID: chance(70) ? HandshakeID(unchecked: "h-xfer000\(index)") : nil)
    }
    let organization = try Fixtures.organization(
      featureSet: featureSet, members: members, units: units, delegatedAdministrators: admins,
      handshakes: handshakes, transfers: transfers,
      rootAccessFeatures: chance(50) ? ["RootCredentialsManagement", "RootSessions"] : [])

    var policy = Policy(
      strategy: chance(20) ? nil : pick(Strategy.allCases),
      closeQuota: chance(30) ? int(1...10) : nil,
      closuresInLast30Days: chance(30) ? int(0...12) : 0,
      closeProtectionTags: chance(30) ? ["AccountType": "Critical"] : [:])
    for member in members {
      if chance(10) { policy.protectedAccounts.insert(member.id) }
      guard chance(50) else { continue }
      policy.accounts[member.id] = AccountPolicy(
        disposition: chance(50) ? pick(Disposition.allCases) : nil,
        priority: chance(30) ? int(0...200) : nil,
        facts: AccountFacts(
          rootPassword: chance(40) ? pick(RootPassword.allCases) : nil,
          rootEmailReachable: chance(20) ? chance(50) : nil,
          standaloneReady: chance(40) ? chance(50) : nil,
          controlTowerEnrolled: chance(10), savingsPlans: chance(10), dataBackedUp: chance(50),
          cloudTrailTrails: chance(10), hardwareMfa: chance(10),
          rootMfaReady: chance(20) ? chance(50) : nil))
    }
    policy.management.rootMfaReady = chance(20) ? chance(50) : nil
    policy.organization = OrganizationFacts(
      controlTowerLandingZone: chance(20) ? chance(50) : nil,
      identityCenterInstance: chance(20) ? chance(50) : nil)
    if chance(10) { policy.protectedAccounts.insert(Fixtures.managementID) }
    return (organization, policy)
  }
}
