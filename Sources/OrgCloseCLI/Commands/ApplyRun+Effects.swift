import AWSInventory
import ClosurePlanner
import OrgGraph
import PlanExecution

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
  /// Reads whether `step`'s change is in place (rule X4: from live state, not memory).
  func effect(of step: ExecutablePlan.Step) throws -> EffectReading {
    switch step.action {
    case .deregisterDelegatedAdministrator(let account, let service):
      guard
        let services = try read({ () throws(InventoryError) in
          try actions.delegatedServices(of: account.rawValue)
        })
      else { return .unreadable }
      return services.contains(service.rawValue) ? .notSeen : .seen
    case .cancelInvitation(let handshake),
      .endResponsibilityTransfer(_, .withdraw(let handshake)),
      .endResponsibilityTransfer(_, .decline(let handshake)):
      guard
        let state = try read({ () throws(InventoryError) in
          try actions.handshakeState(handshake.rawValue)
        })
      else { return .unreadable }
      guard let state else { return .seen }
      return ["CANCELED", "DECLINED", "EXPIRED"].contains(state) ? .seen : .notSeen
    case .endResponsibilityTransfer(let transfer, .terminate(_, let lastDay)):
      guard
        let reading = try read({ () throws(InventoryError) in
          try actions.transfer(transfer.rawValue)
        })
      else { return .unreadable }
      guard let reading else { return .seen }
      // The last instant asked for: the end of `lastDay`, as the request's EndTimestamp says.
      let asked = Timestamp(startOf: lastDay.adding(days: 1)).adding(seconds: -1)
      if reading.hasEnded(at: clock.now()) { return .seen }
      if let end = reading.end, end <= asked { return .seen }
      return .notSeen
    default:
      return .notApplicable
    }
  }
}
