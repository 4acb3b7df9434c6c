public import ClosurePlanner
public import OrgGraph

/// One line of the journal: an event of a run, in the order it happened.
///
/// The journal is append-only: a record is never changed or removed, so what a step's state
/// is comes from reading all of its records in order (`JournalState`).
public struct JournalRecord: Hashable, Sendable {
  public enum Event: String, Hashable, Sendable, CaseIterable {
    /// Names the organization and the digest of the plan the following records carry out.
    case header
    /// A mutating call is about to be sent; written and synced before it is.
    case started
    case succeeded
    case failed
    /// What a read said about the step's subject (an account's state, where it is).
    case observed
    /// A person did a manual step (`orgclose done`).
    case manualDone = "manual-done"
    /// The step was not carried out: what was found live did not match the plan (drift).
    case skipped
  }

  public var event: Event
  public var time: Timestamp
  public var step: String?
  /// The call, operation and parameters (never credentials).
  public var request: APIRequest?
  /// `header`: the organization; `observed`: the account.
  public var organization: String?
  public var planDigest: String?
  /// `observed`: the account's state (`PENDING_CLOSURE`), or `GONE` when AWS no longer knows it.
  public var state: String?
  /// A short outcome, such as `closed`, `already-closed`, `reconciled` or `quota-exceeded`.
  public var outcome: String?
  public var requestID: String?
  public var errorCode: String?
  /// `ConstraintViolationException`'s typed `Reason`.
  public var reason: String?
  /// AWS's message, a drift's explanation or a person's note.
  public var message: String?
  /// `manual-done`: who did it.
  public var by: String?

  public init(
    _ event: Event, time: Timestamp, step: String? = nil, request: APIRequest? = nil,
    organization: String? = nil, planDigest: String? = nil, state: String? = nil,
    outcome: String? = nil, requestID: String? = nil, errorCode: String? = nil,
    reason: String? = nil, message: String? = nil, by: String? = nil
  ) {
    self.event = event
    self.time = time
    self.step = step
    self.request = request
    self.organization = organization
    self.planDigest = planDigest
    self.state = state
    self.outcome = outcome
    self.requestID = requestID
    self.errorCode = errorCode
    self.reason = reason
    self.message = message
    self.by = by
  }
}

extension Timestamp {
  /// `seconds` later.
  public func adding(seconds: Int64) -> Timestamp {
    Timestamp(millisecondsSince1970: millisecondsSince1970 + seconds * 1000)
  }

  /// The start of `day` (00:00 UTC).
  public init(startOf day: CalendarDay) {
    self.init(millisecondsSince1970: Int64(day.daysSince1970) * 86_400_000)
  }

  /// Whole seconds from `earlier` to this instant.
  public func seconds(since earlier: Timestamp) -> Int64 {
    (millisecondsSince1970 - earlier.millisecondsSince1970) / 1000
  }
}
