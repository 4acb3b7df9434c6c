import AWSInventory
import ClosurePlanner
import OrgGraph
import PlanExecution
import TestSupport
import Testing

/// Each call `apply` makes through the `aws` CLI, sent once to moto (behind the proxy, which adds
/// the handshake and transfer calls moto lacks), read back as the typed values the engine acts on.
///
/// What the engine does with them is proven against FakeOrganization; this keeps the fake and the
/// real CLI from drifting apart on the wire.
@Suite(.timeLimit(.minutes(10)))
struct OrganizationsActionsContractTests {
  @Test func everyCallOnceAgainstMoto() async throws {
    let handshake = HandshakeID(unchecked: "h-contract1234")
    let lab = try await ApplyLab.start(
      accounts: 2, policy: ["strategy": "close-in-place"],
      rules: [
        "pendingPolls": 0,
        "handshakes": [["Id": handshake.rawValue, "State": "OPEN", "Action": "INVITE"]],
      ])
    defer { lab.stop() }
    let endpoint = lab.endpoint
    let environment = lab.environment(testClock: false)
    let management = AccountID(unchecked: lab.manifest.managementAccountId)
    let first = AccountID(unchecked: try #require(lab.members.first))
    let second = AccountID(unchecked: try #require(lab.members.last))
    try await offThePool {
      let organization = AWSOrganization(
        actions: OrganizationsActions(
          connection: AWSConnection(profile: nil, region: nil, endpointURL: endpoint),
          environment: environment, timeout: .seconds(120)),
        pathOfParent: [:])
      #expect(try organization.callerAccount() == management)
      #expect(try organization.accountState(first) == .active)
      let observed = try organization.observe(first, withTags: true)
      #expect(observed.state == .active && observed.path != nil && observed.tags != nil)
      #expect(try organization.membersLeft(besides: management) == 2)
      #expect(try organization.delegatedServices(of: first) == [])
      #expect(try organization.handshakeState(handshake) == "OPEN")
      #expect(
        try organization.transfer(ResponsibilityTransferID(unchecked: "rt-contract12")) == nil)
      #expect(try organization.organizationExists())
      let cancel = try organization.send(
        APIRequest(.organizations, .cancelHandshake, [.init("HandshakeId", handshake.rawValue)]))
      #expect(isAccepted(cancel), "\(cancel)")
      #expect(try organization.handshakeState(handshake) == "CANCELED")
      let deregister = try organization.send(
        APIRequest(
          .organizations, .deregisterDelegatedAdministrator,
          [
            .init("AccountId", first.rawValue),
            .init("ServicePrincipal", "guardduty.amazonaws.com"),
          ]
        ))
      #expect(refusal(deregister) == "AccountNotRegisteredException", "\(deregister)")
      let close = try organization.send(
        .init(.organizations, .closeAccount, [.init("AccountId", first.rawValue)]))
      #expect(isAccepted(close), "\(close)")
      #expect([.pendingClosure, .closed].contains(try organization.accountState(first)))
      let remove = try organization.send(
        .init(.organizations, .removeAccountFromOrganization, [.init("AccountId", second.rawValue)])
      )
      #expect(isAccepted(remove), "\(remove)")
      #expect(try organization.accountState(second) == nil)
      let delete = try organization.send(.init(.organizations, .deleteOrganization))
      #expect(refusal(delete) == "OrganizationNotEmptyException", "\(delete)")
    }
  }

  private func isAccepted(_ answer: AWSAnswer) -> Bool {
    if case .accepted = answer { return true }
    return false
  }

  private func refusal(_ answer: AWSAnswer) -> String? {
    if case .refused(let error) = answer { return error.code }
    return nil
  }
}
