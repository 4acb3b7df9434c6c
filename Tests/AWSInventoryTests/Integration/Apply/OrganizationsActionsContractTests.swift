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
///
/// It runs on the lab of `ApplyResilienceTests.refusals`, after its refusals, so the suite
/// starts one moto organization fewer.
enum OrganizationsActionsContract {
  /// The open handshake the lab starts with (`rules`).
  static let handshake = HandshakeID(unchecked: "h-contract1234")

  static func everyCallOnce(_ lab: ApplyLab) async throws {
    let handshake = Self.handshake
    let endpoint = lab.endpoint
    let environment = lab.environment(testClock: false)
    let management = AccountID(unchecked: lab.manifest.managementAccountId)
    let first = AccountID(unchecked: try #require(lab.members.first))
    let second = AccountID(unchecked: try #require(lab.members.last))
    let members = lab.members.count
    try await offThePool {
      let organization = AWSOrganization(
        actions: OrganizationsActions(
          connection: AWSConnection(profile: nil, region: nil, endpointURL: endpoint),
          environment: environment, timeout: .seconds(120),
          runner: LabEnvironmentRunner(environment: environment)),
        pathOfParent: [:])
      #expect(try organization.callerAccount() == management)
      #expect(try organization.accountState(first) == .active)
      let observed = try organization.observe(first, withTags: true)
      #expect(observed.state == .active && observed.path != nil && observed.tags != nil)
      #expect(try organization.membersLeft(besides: management) == members)
      // The lab registers delegated administrators: deregistering one takes effect, and
      // deregistering it again is AWS's "already done" (rule X1a).
      let services = try organization.delegatedServices(of: first)
      #expect(services.allSatisfy { $0.hasSuffix(".amazonaws.com") })
      #expect(try organization.handshakeState(handshake) == "OPEN")
      #expect(
        try organization.transfer(ResponsibilityTransferID(unchecked: "rt-contract12")) == nil)
      #expect(try organization.organizationExists())
      let cancel = try organization.send(
        APIRequest(.organizations, .cancelHandshake, [.init("HandshakeId", handshake.rawValue)]))
      #expect(isAccepted(cancel), "\(cancel)")
      #expect(try organization.handshakeState(handshake) == "CANCELED")
      for service in services {
        let request = APIRequest(
          .organizations, .deregisterDelegatedAdministrator,
          [.init("AccountId", first.rawValue), .init("ServicePrincipal", service)])
        let deregister = try organization.send(request)
        #expect(isAccepted(deregister), "\(deregister)")
      }
      #expect(try organization.delegatedServices(of: first) == [])
      let again = try organization.send(
        APIRequest(
          .organizations, .deregisterDelegatedAdministrator,
          [
            .init("AccountId", first.rawValue),
            .init("ServicePrincipal", services.first ?? "guardduty.amazonaws.com"),
          ]))
      #expect(refusal(again) == "AccountNotRegisteredException", "\(again)")
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

  private static func isAccepted(_ answer: AWSAnswer) -> Bool {
    if case .accepted = answer { return true }
    return false
  }

  private static func refusal(_ answer: AWSAnswer) -> String? {
    if case .refused(let error) = answer { return error.code }
    return nil
  }
}

/// Runs each `aws` call with the lab's environment (the tools' `PATH`, test credentials, the
/// Region) on top of the test process's own, as `orgclose` run by the lab would.
struct LabEnvironmentRunner: CommandRunner {
  var environment: [String: String]

  func run(_ command: Command) throws(CommandLaunchError) -> CommandOutput {
    var command = command
    command.environment = environment.merging(command.environment) { _, own in own }
    return try ProcessCommandRunner().run(command)
  }
}
