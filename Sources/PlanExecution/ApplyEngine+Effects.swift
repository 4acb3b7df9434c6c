import ClosurePlanner
import OrgGraph

/// Whether a change that has no account state of its own already took effect, read before
/// it is sent and when its answer was lost, so it is never sent again blindly.
enum EffectReading {
  /// The change is in place.
  case seen
  /// The read shows it is not.
  case notSeen
  /// AWS did not answer the read; the step is held for this run.
  case unreadable
  /// The change's effect is read another way (an account's state, the organization).
  case notApplicable
}

extension ApplyEngine {
  /// Reads whether `step`'s change is in place (rule X4: from live state, not memory).
  func effect(of step: ExecutablePlan.Step) throws -> EffectReading {
    switch step.action {
    case .deregisterDelegatedAdministrator(let account, let service):
      guard
        let services = try read(for: step.id, { try organization.delegatedServices(of: account) })
      else { return .unreadable }
      return services.contains(service.rawValue) ? .notSeen : .seen
    case .cancelInvitation(let handshake),
      .endResponsibilityTransfer(_, .withdraw(let handshake)),
      .endResponsibilityTransfer(_, .decline(let handshake)):
      guard let state = try read(for: step.id, { try organization.handshakeState(handshake) })
      else { return .unreadable }
      guard let state else { return .seen }
      return ["CANCELED", "DECLINED", "EXPIRED"].contains(state) ? .seen : .notSeen
    case .endResponsibilityTransfer(let transfer, .terminate(_, let lastDay)):
      guard let reading = try read(for: step.id, { try organization.transfer(transfer) })
      else { return .unreadable }
      guard let reading else { return .seen }
      // The last instant asked for: the end of `lastDay`, as the request's EndTimestamp says.
      let asked = Timestamp(startOf: lastDay.adding(days: 1)).adding(seconds: -1)
      if reading.hasEnded(at: clock.now()) { return .seen }
      if let end = reading.end, end <= asked { return .seen }
      // Withdrawn with an end: terminated, perhaps at a later month's end than the plan's when
      // the call was sent after the plan's last day (rule E38d).
      if reading.status == "WITHDRAWN", reading.end != nil { return .seen }
      return .notSeen
    default:
      return .notApplicable
    }
  }
}
