import Foundation
public import OrgGraph

/// The reads that show whether a change with no account state of its own took effect:
/// deregistering a delegated administrator, ending an invitation or a transfer.
extension OrganizationsActions {
  /// The services `account` is delegated administrator for
  /// (`list-delegated-services-for-account`); empty when it is none
  /// (`AccountNotRegisteredException`).
  public func delegatedServices(of account: AccountID) throws(InventoryError) -> [String] {
    let request = AWSRequest.organizationsList(
      "list-delegated-services-for-account", "ListDelegatedServicesForAccount",
      ["--account-id", account.rawValue])
    struct Services: Decodable {
      struct Service: Decodable { var ServicePrincipal: String }
      var DelegatedServices: [Service]
    }
    do {
      return try decode(Services.self, try cli.run(request), request).DelegatedServices
        .map(\.ServicePrincipal)
    } catch {
      if error.awsCode == "AccountNotRegisteredException" { return [] }
      throw error
    }
  }

  /// The handshake's `State` (`describe-handshake`); `nil` when AWS no longer knows it
  /// (`HandshakeNotFoundException`).
  public func handshakeState(_ id: HandshakeID) throws(InventoryError) -> String? {
    let request = AWSRequest(
      service: "organizations", command: "describe-handshake", operation: "DescribeHandshake",
      arguments: ["--handshake-id", id.rawValue])
    struct Described: Decodable {
      struct Handshake: Decodable { var State: String? }
      var Handshake: Handshake
    }
    do {
      return try decode(Described.self, try cli.run(request), request).Handshake.State ?? ""
    } catch {
      if error.awsCode == "HandshakeNotFoundException" { return nil }
      throw error
    }
  }
}
