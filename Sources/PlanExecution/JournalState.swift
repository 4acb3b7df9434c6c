import ClosurePlanner
public import OrgGraph

/// What the journal says has happened, step by step: the state a run starts from.
///
/// Built by reading every record in order; the last record about a step decides its status.
public struct JournalState: Sendable {
  public enum Status: Hashable, Sendable {
    case notStarted
    /// A `started` record without an outcome: the call may or may not have reached AWS,
    /// so it is reconciled by reading the state before anything else (issue rule: never
    /// repeated blindly).
    case inFlight(since: Timestamp)
    case succeeded(at: Timestamp, outcome: String?)
    case failed(at: Timestamp, code: String?, reason: String?, message: String?)
    case manualDone(at: Timestamp, by: String)
    case skipped(at: Timestamp, message: String)
  }

  public private(set) var organization: String?
  /// Every plan digest a header named, in order.
  public private(set) var planDigests: [String] = []
  public private(set) var statuses: [String: Status] = [:]
  /// When each `CloseAccount` that may have counted against the quota was sent: every
  /// `started` one that AWS did not refuse (rule B11; an unanswered one counts, to be safe).
  public private(set) var closureTimes: [Timestamp] = []
  /// When the last `CloseAccount` was sent (rule B13).
  public private(set) var lastCloseCall: Timestamp?
  /// The last state read of each account, with when.
  public private(set) var observedStates: [String: (state: String, at: Timestamp)] = [:]
  /// When each step was first started or observed, and when it ended (for the Gantt chart).
  public private(set) var firstActivity: [String: Timestamp] = [:]
  public private(set) var completion: [String: Timestamp] = [:]

  public init(_ records: [JournalRecord]) {
    var openClosures: [String: Timestamp] = [:]
    for record in records {
      if record.event == .header {
        if organization == nil { organization = record.organization }
        if let digest = record.planDigest, !planDigests.contains(digest) {
          planDigests.append(digest)
        }
        continue
      }
      guard let step = record.step else {
        if record.event == .observed, let account = record.organization, let state = record.state {
          observedStates[account] = (state, record.time)
        }
        continue
      }
      if firstActivity[step] == nil { firstActivity[step] = record.time }
      switch record.event {
      case .header: break
      case .started:
        statuses[step] = .inFlight(since: record.time)
        if record.request?.operation == "CloseAccount" {
          openClosures[step] = record.time
          lastCloseCall = max(lastCloseCall ?? record.time, record.time)
        }
      case .succeeded:
        statuses[step] = .succeeded(at: record.time, outcome: record.outcome)
        completion[step] = record.time
        if let sent = openClosures.removeValue(forKey: step) { closureTimes.append(sent) }
      case .failed:
        statuses[step] = .failed(
          at: record.time, code: record.errorCode, reason: record.reason, message: record.message)
        // Refused by AWS with an error code: it did not count against the quota. A call whose
        // answer never came and whose effect was not seen may still have reached AWS, so it
        // keeps counting (rule B11, to be safe).
        if let sent = openClosures.removeValue(forKey: step), record.errorCode == nil {
          closureTimes.append(sent)
        }
      case .manualDone:
        statuses[step] = .manualDone(at: record.time, by: record.by ?? "")
        completion[step] = record.time
      case .skipped:
        statuses[step] = .skipped(at: record.time, message: record.message ?? "")
      case .observed:
        if let account = record.organization, let state = record.state {
          observedStates[account] = (state, record.time)
        }
      }
    }
    closureTimes += openClosures.values
    closureTimes.sort()
  }

  public func status(_ step: String) -> Status { statuses[step] ?? .notStarted }

  /// Whether `step` is finished: succeeded, or done by a person.
  public func isDone(_ step: String) -> Bool {
    switch status(step) {
    case .succeeded, .manualDone: true
    default: false
    }
  }

  /// Whether the journal records any change made to the organization.
  public var changedTheOrganization: Bool {
    statuses.values.contains { status in
      switch status {
      case .succeeded, .inFlight: true
      default: false
      }
    }
  }
}
