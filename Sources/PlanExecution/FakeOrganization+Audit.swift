import ClosurePlanner
import OrgGraph

extension FakeOrganization {
  /// Every way the calls the fake received broke AWS's limits or the engine's promises,
  /// read from the fake's own log (not from the journal), one line each; empty when none.
  ///
  /// - Parameters:
  ///   - plan: The plan the calls carried out: a change must be one of its steps' requests.
  ///   - graceSeconds: How long after a call with an unknown outcome a read may settle it.
  /// - Returns: One line per break, in the order of the calls.
  public func violations(of plan: ExecutablePlan, graceSeconds: Int64) -> [String] {
    var found: [String] = []
    let closeCalls = calls.filter { $0.operation == .closeAccount && $0.result != "timeout" }
    // Rule B13: 20 s between CloseAccount calls.
    for (earlier, later) in zip(closeCalls, closeCalls.dropFirst())
    where later.time.millisecondsSince1970 - earlier.time.millisecondsSince1970 < 20_000 {
      found.append("CloseAccount \(later.subject) at \(later.time): less than 20 s after the last")
    }
    // Rule B12: never a closure sent while 3 are in progress.
    for call in closeCalls where call.closuresInProgressBefore >= 3 {
      found.append("CloseAccount \(call.subject) at \(call.time): 3 closures were in progress")
    }
    // Rule B11: within the quota over every rolling 30 days.
    let accepted = calls.filter { $0.operation == .closeAccount && $0.tookEffect }.map(\.time)
    var oldest = 0
    for (index, time) in accepted.enumerated() {
      let start = time.adding(seconds: -30 * 86_400)
      while accepted[oldest] <= start { oldest += 1 }
      let inWindow = index - oldest + 1 + (time < baselineEnds ? behaviour.closuresBeforeStart : 0)
      if inWindow > behaviour.closeQuota {
        found.append("CloseAccount at \(time): \(inWindow) closures in 30 days")
      }
    }
    for call in closeCalls where call.result.contains("CLOSE_ACCOUNT_QUOTA_EXCEEDED") {
      found.append("CloseAccount \(call.subject) at \(call.time) was sent past the quota")
    }
    // Only the plan's own changes, never on the management account.
    let planned = Set(plan.steps.compactMap { $0.request.map(Self.change) })
    for call in calls {
      if call.subject == managementAccount.rawValue {
        found.append("\(call.operation.rawValue) on the management account at \(call.time)")
      }
      if !planned.contains(call.change) {
        found.append("\(call.change) at \(call.time) is not a step of the plan")
      }
    }
    found += resentCalls(graceSeconds: graceSeconds)
    return found
  }

  /// Changes sent again although an earlier one might have taken effect (rules X5, X6): after
  /// one that took effect, never; after one whose outcome the caller could not know, only
  /// once the grace has passed and a read of the subject was made after it.
  private func resentCalls(graceSeconds: Int64) -> [String] {
    var found: [String] = []
    var earlier: [String: [Call]] = [:]
    for call in calls {
      let key = call.change
      for previous in earlier[key] ?? [] {
        if previous.tookEffect {
          found.append(
            "\(key) sent again at \(call.time) after the call at \(previous.time) took effect")
        } else if previous.result == "timeout" || previous.result.hasPrefix("ServiceException") {
          let settled = previous.time.adding(seconds: graceSeconds)
          let readAfter = reads.contains {
            $0.subject == call.subject && $0.time >= settled && $0.time <= call.time
          }
          if call.time < settled || !readAfter {
            found.append(
              "\(key) sent again at \(call.time), before a read after the grace showed that the "
                + "call at \(previous.time) had not taken effect")
          }
        }
      }
      earlier[key, default: []].append(call)
    }
    return found
  }
}
