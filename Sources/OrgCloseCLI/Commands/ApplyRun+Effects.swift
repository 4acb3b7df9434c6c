import AWSInventory
import ClosurePlanner
import OrgGraph

/// Whether a change that has no account state of its own already took effect, read from
/// AWS before it is sent and when its answer was lost, so it is never sent again blindly.
enum EffectReading {
  /// The change is in place.
  case seen
  /// The read shows it is not.
  case notSeen
  /// AWS failed to answer the read; the run is ending (`ApplyRun.awsFailing`).
  case unreadable
  /// The change's effect is read another way (an account's state, the organization).
  case notApplicable
}

extension ApplyRun {
  /// Reads whether `request`'s effect is in place (rule X4: from live state, not memory).
  func effect(of request: APIRequest) throws -> EffectReading {
    func parameter(_ name: String) -> String? {
      request.parameters.first { $0.name == name }?.value
    }
    switch request.operation {
    case "DeregisterDelegatedAdministrator":
      guard let account = parameter("AccountId"), let service = parameter("ServicePrincipal")
      else { return .notApplicable }
      guard
        let services = try read({ () throws(InventoryError) in
          try actions.delegatedServices(of: account)
        })
      else { return .unreadable }
      return services.contains(service) ? .notSeen : .seen
    case "CancelHandshake", "DeclineHandshake":
      guard let handshake = parameter("HandshakeId") else { return .notApplicable }
      guard
        let state = try read({ () throws(InventoryError) in try actions.handshakeState(handshake) })
      else { return .unreadable }
      guard let state else { return .seen }
      return ["CANCELED", "DECLINED", "EXPIRED"].contains(state) ? .seen : .notSeen
    case "TerminateResponsibilityTransfer":
      guard let transfer = parameter("Id") else { return .notApplicable }
      guard
        let reading = try read({ () throws(InventoryError) in try actions.transfer(transfer) })
      else { return .unreadable }
      guard let reading else { return .seen }
      let asked = parameter("EndTimestamp").flatMap { Timestamp(iso8601: $0) }
      if reading.hasEnded(at: clock.now()) { return .seen }
      if let end = reading.end, let asked, end <= asked { return .seen }
      return .notSeen
    default:
      return .notApplicable
    }
  }
}
