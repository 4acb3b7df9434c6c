public import ClosurePlanner
public import OrgGraph

/// The organization as the engine reads and changes it: AWS through the `aws` CLI
/// (`AWSInventory`), or `FakeOrganization` in tests and rehearsals.
///
/// A read that AWS refuses or keeps failing throws `LiveReadError`; anything else thrown (the
/// `aws` CLI missing, a simulated crash) ends the run as it is.
public protocol LiveOrganization: AnyObject {
  /// The account the credentials belong to.
  func callerAccount() throws -> AccountID
  /// An account's state, where it is and, when asked, its tags.
  func observe(_ account: AccountID, withTags: Bool) throws -> AccountObservation
  /// An account's state alone; `nil` when it is no longer in the organization.
  func accountState(_ account: AccountID) throws -> AccountState?
  /// The service principals `account` is delegated administrator for (rule D31).
  func delegatedServices(of account: AccountID) throws -> [String]
  /// A handshake's `State`; `nil` when AWS no longer knows it.
  func handshakeState(_ handshake: HandshakeID) throws -> String?
  /// A responsibility transfer as AWS shows it; `nil` when AWS no longer knows it.
  func transfer(_ transfer: ResponsibilityTransferID) throws -> TransferReading?
  /// Whether the organization still exists.
  func organizationExists() throws -> Bool
  /// Members other than `management` still in the organization; `nil` once it is deleted.
  func membersLeft(besides management: AccountID) throws -> Int?
  /// Sends one change, once.
  func send(_ request: APIRequest) throws -> AWSAnswer
}

/// A read that did not give an answer: the run stops the steps that need it, not itself.
public enum LiveReadError: Error, Hashable, Sendable, CustomStringConvertible {
  /// AWS refused the read: a person must grant the permission.
  case denied(String)
  /// AWS kept failing or throttling after retries.
  case failing(String)

  public var description: String {
    switch self {
    case .denied(let text), .failing(let text): text
    }
  }
}

/// What was read about an account right before a call on it, or while settling one.
public struct AccountObservation: Hashable, Sendable {
  public var id: AccountID
  /// The `State` AWS returned.
  ///
  /// `nil` when AWS no longer knows the account (it left the organization). An answer without
  /// `State` is `.unknown("")`, never "gone" (rule X6).
  public var state: AccountState?
  /// The OU path of its parent (`Root/Prod`), when it was read.
  public var path: String?
  /// Its tags, when they were read.
  public var tags: [String: String]?

  public init(
    id: AccountID, state: AccountState?, path: String? = nil, tags: [String: String]? = nil
  ) {
    self.id = id
    self.state = state
    self.path = path
    self.tags = tags
  }
}

/// A responsibility transfer as `describe-responsibility-transfer` shows it.
public struct TransferReading: Hashable, Sendable {
  /// `REQUESTED`, `ACCEPTED`, `DECLINED`, `CANCELED`, `EXPIRED` or `WITHDRAWN`.
  public var status: String
  /// When an accepted transfer ends (or ended), if an end is set.
  public var end: Timestamp?

  public init(status: String, end: Timestamp?) {
    self.status = status
    self.end = end
  }

  /// Whether the transfer no longer binds the organization at `now`: an invitation that was
  /// declined, cancelled or expired, an accepted transfer whose end has passed, or a withdrawn
  /// one whose end has passed (rule E38a: a withdrawn transfer runs to its end date; one with
  /// no end date never started).
  public func hasEnded(at now: Timestamp) -> Bool {
    switch status {
    case "DECLINED", "CANCELED", "EXPIRED": true
    case "ACCEPTED": end.map { $0 <= now } ?? false
    case "WITHDRAWN": end.map { $0 <= now } ?? true
    default: false
    }
  }
}

/// The clock the engine reads and waits on: the real one, or a virtual one a test or a
/// rehearsal moves.
public protocol ExecutionClock {
  func now() -> Timestamp
  /// Waits until `time`; returns at once when it has passed.
  func sleep(until time: Timestamp)
}

/// A clock that only moves when asked: a shutdown of months runs in milliseconds.
public final class VirtualClock: ExecutionClock {
  public private(set) var time: Timestamp

  public init(_ start: Timestamp) { time = start }

  public func now() -> Timestamp { time }

  public func sleep(until later: Timestamp) { time = max(time, later) }

  /// Moves the clock on by `seconds`.
  public func advance(seconds: Double) {
    time = Timestamp(millisecondsSince1970: time.millisecondsSince1970 + Int64(seconds * 1000))
  }
}

/// The journal as the engine writes it: its folded state, and a way to append one record,
/// durably, before the engine goes on.
public protocol Journal: AnyObject {
  var state: JournalState { get }
  func append(_ record: JournalRecord) throws
}

/// A journal held in memory (tests, benchmarks): its records and their state.
public final class MemoryJournal: Journal {
  public private(set) var records: [JournalRecord] = []
  public private(set) var state = JournalState()

  public init(_ records: [JournalRecord] = []) {
    for record in records { try? append(record) }
  }

  public func append(_ record: JournalRecord) throws {
    records.append(record)
    state.apply(record)
  }
}

/// Used from one thread at a time: a run owns it.
@available(*, unavailable)
extension VirtualClock: Sendable {}

/// Used from one thread at a time: a run owns it.
@available(*, unavailable)
extension MemoryJournal: Sendable {}
