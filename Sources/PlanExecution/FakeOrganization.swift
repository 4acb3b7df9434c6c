public import ClosurePlanner
public import OrgGraph

/// An organization that behaves as AWS does, per the rules reference (sections 1, 6 and 7),
/// on a virtual clock: for proving the engine in-process and for `orgclose rehearse`.
///
/// It keeps the true state and a log of every call; what a read returns lags and flaps
/// behind the truth (rules X3, X6); its refusals are AWS's typed ones (B11-B13, D30, D31,
/// E37); faults can be injected at any call, including losing an answer after the change
/// took effect and crashing the caller.
public final class FakeOrganization: LiveOrganization {
  /// How the fake behaves.
  public struct Behaviour: Sendable {
    /// How long `PENDING_CLOSURE` lasts, typically (rule X3: about 10 minutes).
    public var closureMinutes: Double = 10
    /// The rolling 30-day `CloseAccount` quota (rule B11).
    public var closeQuota = 250
    /// Closures made before the start that still count against the quota.
    public var closuresBeforeStart = 0
    /// Whether reads lag and flap behind the truth after a change (rules X3, X6).
    public var laggingReads = true
    /// Seconds one read and one change take on the clock.
    public var readSeconds = 0.2
    public var changeSeconds = 0.5
    /// How long a call that times out takes.
    public var timeoutSeconds = 60.0
    /// Accounts whose every read and change AWS denies.
    public var deniedAccounts: Set<AccountID> = []
    /// The IAM actions the caller's role allows (`organizations:DescribeAccount`).
    ///
    /// `nil` allows all. Any other call is `AccessDeniedException`.
    public var allowedActions: Set<String>?
    /// Seeds the closure times, the lags and the flapping.
    public var seed: UInt64 = 1

    public init() {}
  }

  /// A fault injected at one mutating call.
  public enum Fault: String, Hashable, Sendable, CaseIterable {
    /// The change took effect; the answer never came back.
    case lostAfterEffect
    /// The change took effect; AWS answered 500 `ServiceException`.
    case serverErrorAfterEffect
    /// AWS answered 500 `ServiceException` without making the change.
    case serverErrorBeforeEffect
    /// The call timed out before it reached AWS.
    case timeout
    /// `TooManyRequestsException`: the call did not happen.
    case throttled
    /// The caller's process dies before the call leaves it.
    case crashBeforeCall
    /// The caller's process dies after AWS made the change, before it read the answer.
    case crashAfterEffect
  }

  /// One call that reached the fake: what, on whom, when, and what came of it.
  public struct Call: Hashable, Sendable {
    public var time: Timestamp
    public var operation: APIRequest.Operation
    /// The account, handshake or transfer the call is about; empty for the organization.
    public var subject: String
    /// The operation and every parameter: what makes two calls the same change.
    public var change: String
    /// Whether the change took effect.
    public var tookEffect: Bool
    /// AWS's error code, the fault, or `ok`.
    public var result: String
    /// Closures truly in progress before the call (rule B12).
    public var closuresInProgressBefore: Int
  }

  /// One read, for the audit of re-sent calls.
  public struct Read: Hashable, Sendable {
    public var time: Timestamp
    public var subject: String
  }

  struct Member {
    var state: AccountState
    var path: String
    var tags: [String: String] = [:]
    var joined: Timestamp
    var delegatedServices: [String] = []
    /// When the close was accepted, when it ends, and when reads catch up with it.
    var closeRequested: Timestamp?
    var closes: Timestamp?
    var readsCatchUp: Timestamp?
    /// When a removed member stops showing in reads.
    var removedReadsCatchUp: Timestamp?
  }

  struct Transfer {
    var status: String
    var start: Timestamp
    var end: Timestamp?
    var handshake: HandshakeID?
  }

  public let clock: VirtualClock
  public var behaviour: Behaviour
  public let managementAccount: AccountID
  /// When the closures made before the start stop counting against the quota.
  public var baselineEnds: Timestamp
  /// Faults to inject, by the index of the mutating call (0 is the first).
  public var faults: [Int: Fault] = [:]
  /// Called before and after each change; a test throws from it to crash the caller.
  public var crashPoint: (() throws -> Void)?
  public private(set) var calls: [Call] = []
  public private(set) var reads: [Read] = []
  /// The actions refused because the role does not allow them.
  public internal(set) var deniedActions: Set<String> = []
  public internal(set) var exists = true

  var members: [AccountID: Member] = [:]
  var handshakes: [HandshakeID: String] = [:]
  var transfers: [ResponsibilityTransferID: Transfer] = [:]
  var acceptedClosureTimes: [Timestamp] = []
  /// Members whose closure is in progress, and closed members by when they leave: the only
  /// ones whose state the clock changes.
  var closing: Set<AccountID> = []
  var leaving: [(time: Timestamp, account: AccountID)] = []
  var lastCloseCallTime: Timestamp?
  private var mutatingCalls = 0
  var random: SplitMix64

  public init(
    managementAccount: AccountID, clock: VirtualClock, behaviour: Behaviour = Behaviour()
  ) {
    self.managementAccount = managementAccount
    self.clock = clock
    self.behaviour = behaviour
    random = SplitMix64(seed: behaviour.seed)
    baselineEnds = clock.now().adding(seconds: 30 * 86_400)
    members[managementAccount] = Member(
      state: .active, path: "Root", joined: Timestamp(millisecondsSince1970: 0))
  }

  // MARK: Building it

  /// Adds a member account.
  public func addMember(
    _ account: AccountID, state: AccountState = .active, path: String = "Root",
    tags: [String: String] = [:], joined: Timestamp = Timestamp(millisecondsSince1970: 0),
    delegatedServices: [String] = []
  ) {
    var member = Member(
      state: state, path: path, tags: tags, joined: joined, delegatedServices: delegatedServices)
    let now = clock.now()
    switch state {
    case .pendingClosure:
      member.closeRequested = now
      member.closes = now.adding(seconds: Int64(closureSeconds()))
      closing.insert(account)
    case .closed, .closedOrSuspended:
      member.state = .closed
      willLeave(account, at: now.adding(seconds: 90 * 86_400))
    default: break
    }
    members[account] = member
  }

  /// A closed member leaves for good 90 days after its closure (rule C).
  func willLeave(_ account: AccountID, at time: Timestamp) {
    var low = 0
    var high = leaving.count
    while low < high {
      let middle = (low + high) / 2
      if leaving[middle].time <= time { low = middle + 1 } else { high = middle }
    }
    leaving.insert((time, account), at: low)
  }

  /// A person closed `account` from inside it, as its root user: no `CloseAccount` call, no
  /// quota (rule B8's console path).
  public func personClosed(_ account: AccountID) {
    guard var member = members[account], member.state == .active else { return }
    member.state = .pendingClosure
    member.closes = clock.now().adding(seconds: Int64(closureSeconds()))
    members[account] = member
    closing.insert(account)
  }

  /// Adds an open handshake (an invitation, or a transfer's invitation).
  public func addHandshake(_ handshake: HandshakeID, state: String = "OPEN") {
    handshakes[handshake] = state
  }

  /// Adds a responsibility transfer.
  public func addTransfer(
    _ transfer: ResponsibilityTransferID, status: String, start: Timestamp,
    end: Timestamp? = nil, handshake: HandshakeID? = nil
  ) {
    transfers[transfer] = Transfer(status: status, start: start, end: end, handshake: handshake)
  }

  // MARK: The truth

  /// The true state of `account` now: `nil` once it has left.
  public func trueState(_ account: AccountID) -> AccountState? {
    advance()
    guard let member = members[account], member.removedReadsCatchUp == nil else { return nil }
    return member.state
  }

  /// Every account still in the organization, the management account included.
  public var accountsInOrganization: [AccountID] {
    advance()
    return members.filter { $0.value.removedReadsCatchUp == nil }.keys.sorted()
  }

  /// The index of the next mutating call.
  func takeCallIndex() -> Int {
    defer { mutatingCalls += 1 }
    return mutatingCalls
  }

  func log(_ call: Call) { calls.append(call) }

  /// Moves the closures in progress, and the closed members' leaving, on to the clock's time.
  func advance() {
    let now = clock.now()
    for id in closing {
      guard let closes = members[id]?.closes, closes <= now else { continue }
      members[id]?.state = .closed
      closing.remove(id)
      willLeave(id, at: closes.adding(seconds: 90 * 86_400))
    }
    var gone = 0
    while gone < leaving.count, leaving[gone].time <= now {
      if members[leaving[gone].account]?.state == .closed { members[leaving[gone].account] = nil }
      gone += 1
    }
    if gone > 0 { leaving.removeFirst(gone) }
  }

  /// Closures truly in progress now (rule B12).
  var closuresInProgress: Int { closing.count }

  /// The next instant after `now` at which anything in the organization changes by itself: a
  /// closure ending, a closed member leaving, reads catching up, a transfer ending.
  public func nextChange(after now: Timestamp) -> Timestamp? {
    var times = closing.compactMap { members[$0]?.closes }
    times += leaving.first.map { [$0.time] } ?? []
    for member in members.values {
      for time in [member.readsCatchUp, member.removedReadsCatchUp].compactMap({ $0 })
      where time > now {
        times.append(time)
      }
    }
    times += transfers.values.compactMap(\.end).filter { $0 > now }
    return times.filter { $0 > now }.min()
  }

  /// The members whose closure is in progress now, as a snapshot taken now would show them.
  public var membersClosing: Set<AccountID> {
    advance()
    return closing
  }

  /// A closure's length: mostly near `closureMinutes`, with a heavy tail (one in ten takes
  /// up to 6 times as long).
  func closureSeconds() -> Double {
    let base = behaviour.closureMinutes * 60
    let draw = random.unit()
    if draw < 0.9 { return base * (0.6 + 0.8 * random.unit()) }
    return base * (1.5 + 4.5 * random.unit())
  }

  /// Closures accepted in the rolling 30 days ending now, with those made before (B11).
  var closuresInWindow: Int {
    let now = clock.now()
    let start = now.adding(seconds: -30 * 86_400)
    // Accepted closures are appended in time order.
    var low = 0
    var high = acceptedClosureTimes.count
    while low < high {
      let middle = (low + high) / 2
      if acceptedClosureTimes[middle] <= start { low = middle + 1 } else { high = middle }
    }
    let baseline =
      now < baselineEnds ? behaviour.closuresBeforeStart : 0
    return acceptedClosureTimes.count - low + baseline
  }

  // MARK: Reads

  public func callerAccount() throws -> AccountID {
    try checkAllowed("sts:GetCallerIdentity")
    return managementAccount
  }

  private func beginRead(_ subject: String, _ action: String) throws {
    clock.advance(seconds: behaviour.readSeconds)
    advance()
    reads.append(Read(time: clock.now(), subject: subject))
    try checkAllowed("organizations:" + action)
  }

  /// Refuses an action the role does not allow.
  func checkAllowed(_ action: String) throws {
    guard let allowed = behaviour.allowedActions, !allowed.contains(action) else { return }
    deniedActions.insert(action)
    throw LiveReadError.denied("AccessDeniedException: the role does not allow \(action)")
  }

  private func checkDenied(_ account: AccountID, _ call: String) throws {
    if behaviour.deniedAccounts.contains(account) {
      throw LiveReadError.denied(
        "AccessDeniedException: not authorized to perform organizations:\(call) on \(account)")
    }
  }

  public func accountState(_ account: AccountID) throws -> AccountState? {
    try beginRead(account.rawValue, "DescribeAccount")
    try checkDenied(account, "DescribeAccount")
    return readState(account)
  }

  /// What `DescribeAccount` shows: behind the truth for a while after a change, and
  /// flapping as it settles (rules X3, X6).
  func readState(_ account: AccountID) -> AccountState? {
    let now = clock.now()
    guard let member = members[account] else { return nil }
    if let removedCatchUp = member.removedReadsCatchUp {
      // A removed member that reads still show (rule X6); it is gone after the lag.
      if now >= removedCatchUp {
        members[account] = nil
        return nil
      }
      return .active
    }
    guard behaviour.laggingReads, let catchUp = member.readsCatchUp, now < catchUp,
      member.state == .pendingClosure || member.state == .closed
    else { return member.state }
    // Before reads catch up, they flip between the old state and the new one.
    return random.unit() < 0.5 ? .active : member.state
  }

  public func observe(_ account: AccountID, withTags: Bool) throws -> AccountObservation {
    let state = try accountState(account)
    guard let state else { return AccountObservation(id: account, state: nil) }
    try beginRead(account.rawValue, "ListParents")
    if withTags { try checkAllowed("organizations:ListTagsForResource") }
    let member = members[account]
    return AccountObservation(
      id: account, state: state, path: member?.path ?? "Root",
      tags: withTags ? member?.tags ?? [:] : nil)
  }

  public func delegatedServices(of account: AccountID) throws -> [String] {
    try beginRead(account.rawValue, "ListDelegatedServicesForAccount")
    try checkDenied(account, "ListDelegatedServicesForAccount")
    return members[account]?.delegatedServices ?? []
  }

  public func handshakeState(_ handshake: HandshakeID) throws -> String? {
    try beginRead(handshake.rawValue, "DescribeHandshake")
    return handshakes[handshake]
  }

  public func transfer(_ transfer: ResponsibilityTransferID) throws -> TransferReading? {
    try beginRead(transfer.rawValue, "DescribeResponsibilityTransfer")
    guard let found = transfers[transfer] else { return nil }
    return TransferReading(status: found.status, end: found.end)
  }

  public func organizationExists() throws -> Bool {
    try beginRead("", "DescribeOrganization")
    return exists
  }

  public func membersLeft(besides management: AccountID) throws -> Int? {
    try beginRead("", "ListAccounts")
    guard exists else { return nil }
    return members.filter { $0.key != management && $0.value.removedReadsCatchUp == nil }.count
  }
}

/// A small, seeded generator, so a fake organization and a fault schedule replay exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Used from one thread at a time: a run owns it.
@available(*, unavailable)
extension FakeOrganization: Sendable {}
