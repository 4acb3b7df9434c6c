public import ClosurePlanner
public import OrgGraph

/// One line of the journal: an event of a run, when it happened.
///
/// The journal is append-only: a record is never changed or removed, so a step's state comes
/// from folding its records in order (`JournalState`).
public struct JournalRecord: Hashable, Sendable {
  public var time: Timestamp
  public var event: JournalEvent

  public init(_ event: JournalEvent, at time: Timestamp) {
    self.time = time
    self.event = event
  }

  /// The step the record is about, if any.
  public var step: StepID? {
    switch event {
    case .header: nil
    case .started(let step, _), .succeeded(let step, _), .failed(let step, _),
      .manualDone(let step, _), .skipped(let step, _):
      step
    case .observed(let observation): observation.step
    }
  }
}

/// What happened, with what each kind of event carries.
public enum JournalEvent: Hashable, Sendable {
  /// Names the organization and the digest of the plan the following records carry out.
  case header(Header)
  /// A mutating call is about to be sent; written and synced before it is.
  case started(StepID, APIRequest)
  case succeeded(StepID, Success)
  case failed(StepID, Failure)
  /// What a read said about an account.
  case observed(Observation)
  /// A person did a manual step (`orgclose done`).
  case manualDone(StepID, ManualDone)
  /// The step was not carried out: what was found live did not match the plan (drift).
  case skipped(StepID, reason: String)

  /// The names the journal's lines use.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case header, started, succeeded, failed, observed
    case manualDone = "manual-done"
    case skipped
  }

  public var kind: Kind {
    switch self {
    case .header: .header
    case .started: .started
    case .succeeded: .succeeded
    case .failed: .failed
    case .observed: .observed
    case .manualDone: .manualDone
    case .skipped: .skipped
    }
  }

  public struct Header: Hashable, Sendable {
    public var organization: OrganizationID
    public var planDigest: String
    /// The orgclose version that wrote it.
    public var tool: String?

    public init(organization: OrganizationID, planDigest: String, tool: String? = nil) {
      self.organization = organization
      self.planDigest = planDigest
      self.tool = tool
    }
  }

  /// A step finished: how (`close-requested`, `already-closed`, `reconciled`, `closed`).
  public struct Success: Hashable, Sendable {
    public var outcome: String
    public var request: APIRequest?
    /// What was read that shows it (`PENDING_CLOSURE`, `GONE`, a transfer's status).
    public var seen: String?
    public var requestID: String?

    public init(
      _ outcome: String, request: APIRequest? = nil, seen: String? = nil, requestID: String? = nil
    ) {
      self.outcome = outcome
      self.request = request
      self.seen = seen
      self.requestID = requestID
    }
  }

  /// A call that AWS refused, or whose effect a read did not show.
  public struct Failure: Hashable, Sendable {
    public var outcome: String
    public var request: APIRequest?
    /// AWS's typed error, when it gave one (rule X2).
    public var error: AWSError?
    /// orgclose's explanation, when it is not AWS's message.
    public var note: String?

    public init(
      _ outcome: String, request: APIRequest? = nil, error: AWSError? = nil, note: String? = nil
    ) {
      self.outcome = outcome
      self.request = request
      self.error = error
      self.note = note
    }

    /// What to tell a person: the note, else AWS's code, reason and message.
    public var explanation: String {
      if let note { return note }
      guard let error else { return outcome }
      return [error.code, error.reason, error.message].compactMap { $0 }.joined(separator: ": ")
    }
  }

  /// What a read of an account showed.
  public struct Observation: Hashable, Sendable {
    public var account: AccountID
    /// `nil` when the account is no longer in the organization (written `GONE`).
    public var state: AccountState?
    /// The step the read was made for.
    public var step: StepID?

    public init(account: AccountID, state: AccountState?, step: StepID? = nil) {
      self.account = account
      self.state = state
      self.step = step
    }
  }

  public struct ManualDone: Hashable, Sendable {
    public var by: String
    public var note: String?

    public init(by: String, note: String? = nil) {
      self.by = by
      self.note = note
    }
  }
}

/// An error AWS answered with, as typed fields: the code and, for
/// `ConstraintViolationException`, its `Reason`, never read from the message (rule X2).
public struct AWSError: Hashable, Sendable {
  public var code: String
  public var reason: String?
  public var message: String?
  public var requestID: String?

  public init(
    _ code: String, reason: String? = nil, message: String? = nil, requestID: String? = nil
  ) {
    self.code = code
    self.reason = reason
    self.message = message
    self.requestID = requestID
  }
}

extension Timestamp {
  /// `seconds` later.
  public func adding(seconds: Int64) -> Timestamp {
    Timestamp(millisecondsSince1970: millisecondsSince1970 &+ seconds &* 1000)
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
