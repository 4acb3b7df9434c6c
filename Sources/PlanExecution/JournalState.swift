public import ClosurePlanner
public import OrgGraph

/// What the journal says has happened, step by step: the state a run starts from.
///
/// Folded one record at a time as records are read or appended, the way a write-ahead log is
/// replayed once and then followed; the last record about a step decides its status.
public struct JournalState: Sendable {
  public enum Status: Hashable, Sendable {
    case notStarted
    /// A `started` record without an outcome, or with an unknown one (a 5xx, rule X5): the
    /// call may or may not have reached AWS, so it is settled by reading the state, never
    /// by repeating it blindly.
    case inFlight(since: Timestamp, request: APIRequest)
    case succeeded(at: Timestamp, JournalEvent.Success)
    case failed(at: Timestamp, JournalEvent.Failure)
    case manualDone(at: Timestamp, JournalEvent.ManualDone)
    case skipped(at: Timestamp, reason: String)
  }

  public private(set) var organization: OrganizationID?
  /// Every plan digest a header named, in order.
  public private(set) var planDigests: [String] = []
  public private(set) var statuses: [StepID: Status] = [:]
  /// When each `CloseAccount` that counts against the quota was sent, oldest first (rule B11).
  ///
  /// Every one AWS did not refuse outright, those still unsettled included. One whose answer was
  /// lost or was a 5xx counts, to be safe (rule X5).
  public private(set) var closureTimes: [Timestamp] = []
  /// `CloseAccount` calls sent whose outcome is not known yet, by step.
  public private(set) var openClosures: [StepID: Timestamp] = [:]
  /// When the last `CloseAccount` was sent (rule B13).
  public private(set) var lastCloseCall: Timestamp?
  /// The last read of each account: its state (`nil`: gone), and when.
  public private(set) var observedStates: [AccountID: (state: AccountState?, at: Timestamp)] = [:]
  /// When each step was first started or observed, and when it ended (for the Gantt chart).
  public private(set) var firstActivity: [StepID: Timestamp] = [:]
  public private(set) var completion: [StepID: Timestamp] = [:]
  public private(set) var recordCount = 0

  public init() {}

  public init(_ records: some Sequence<JournalRecord>) {
    for record in records { apply(record) }
  }

  /// Folds one more record in.
  public mutating func apply(_ record: JournalRecord) {
    recordCount += 1
    let time = record.time
    if let step = record.step, firstActivity[step] == nil, record.event.kind != .header {
      firstActivity[step] = time
    }
    switch record.event {
    case .header(let header):
      if organization == nil { organization = header.organization }
      if !planDigests.contains(header.planDigest) { planDigests.append(header.planDigest) }
    case .started(let step, let request):
      statuses[step] = .inFlight(since: time, request: request)
      if request.operation == .closeAccount {
        // An earlier unsettled call of the step keeps counting (rule X5, to be safe).
        openClosures[step] = time
        closureTimes.insert(time, at: Self.insertionIndex(of: time, in: closureTimes))
        lastCloseCall = max(lastCloseCall ?? time, time)
      }
    case .succeeded(let step, let success):
      statuses[step] = .succeeded(at: time, success)
      completion[step] = time
      settleClosure(step, counts: true)
    case .failed(let step, let failure):
      if let error = failure.error, let request = failure.request,
        AWSAnswer.meaning(of: error, for: request) == .unknown,
        case .inFlight = statuses[step]
      {
        // Rule X5: a 5xx is an unknown outcome; the call stays unsettled (and counted).
        return
      }
      statuses[step] = .failed(at: time, failure)
      // Refused by AWS with an error code: it did not count against the quota. A call whose
      // effect was not seen may still have reached AWS, so it keeps counting (rule B11).
      settleClosure(step, counts: failure.error == nil)
    case .observed(let observation):
      observedStates[observation.account] = (observation.state, time)
    case .manualDone(let step, let done):
      statuses[step] = .manualDone(at: time, done)
      completion[step] = time
    case .skipped(let step, let reason):
      statuses[step] = .skipped(at: time, reason: reason)
    }
  }

  private mutating func settleClosure(_ step: StepID, counts: Bool) {
    guard let sent = openClosures.removeValue(forKey: step) else { return }
    if !counts { remove(closureTime: sent) }
  }

  private mutating func remove(closureTime time: Timestamp) {
    let index = Self.insertionIndex(of: time, in: closureTimes)
    if index < closureTimes.count, closureTimes[index] == time { closureTimes.remove(at: index) }
  }

  /// The first index in `times` (sorted) whose value is not below `time`.
  static func insertionIndex(of time: Timestamp, in times: [Timestamp]) -> Int {
    if let last = times.last, last < time { return times.count }
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if times[middle] < time { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// How many counted closures were sent in `(after, upTo]`, and the first one's index.
  public func closures(after start: Timestamp, upTo end: Timestamp) -> Range<Int> {
    let first = Self.insertionIndex(of: start.next, in: closureTimes)
    let last = Self.insertionIndex(of: end.next, in: closureTimes)
    return first..<max(first, last)
  }

  public func status(_ step: StepID) -> Status { statuses[step] ?? .notStarted }

  /// Whether `step` is finished: succeeded, or done by a person.
  public func isDone(_ step: StepID) -> Bool {
    switch statuses[step] {
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

extension Timestamp {
  /// The next representable instant (a millisecond later).
  var next: Timestamp { Timestamp(millisecondsSince1970: millisecondsSince1970 + 1) }
}
