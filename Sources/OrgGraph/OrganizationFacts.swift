/// An account registered as delegated administrator for one service (rule D31).
public struct DelegatedAdministrator: Hashable, Comparable, Sendable {
  public var accountID: AccountID
  public var servicePrincipal: String
  public init(accountID: AccountID, servicePrincipal: String) {
    self.accountID = accountID
    self.servicePrincipal = servicePrincipal
  }
  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.accountID, lhs.servicePrincipal) < (rhs.accountID, rhs.servicePrincipal)
  }
}

/// A handshake the organization sent (rule J61).
public struct Handshake: Hashable, Sendable {
  public var id: HandshakeID
  /// The handshake's action, such as `INVITE` or `ENABLE_ALL_FEATURES`.
  public var action: String
  /// `REQUESTED`, `OPEN`, `CANCELED`, `ACCEPTED`, `DECLINED` or `EXPIRED`.
  public var state: String
  public init(id: HandshakeID, action: String, state: String) {
    self.id = id
    self.action = action
    self.state = state
  }

  /// An invitation that could still bring an account in: `INVITE` in `OPEN` or `REQUESTED`.
  public var isOpenInvitation: Bool {
    action == "INVITE" && (state == "OPEN" || state == "REQUESTED")
  }
}

/// A billing responsibility transfer (rule E38).
public struct ResponsibilityTransfer: Hashable, Sendable {
  /// Whether this organization receives (`inbound`) or hands off (`outbound`) responsibility.
  public enum Direction: String, Hashable, Sendable {
    case inbound
    case outbound
  }

  public var id: ResponsibilityTransferID
  public var direction: Direction
  /// `REQUESTED | DECLINED | CANCELED | EXPIRED | ACCEPTED | WITHDRAWN`.
  public var status: String
  /// When an accepted transfer ends, if an end has been set.
  public var endTimestamp: Timestamp?

  public init(
    id: ResponsibilityTransferID, direction: Direction, status: String, endTimestamp: Timestamp?
  ) {
    self.id = id
    self.direction = direction
    self.status = status
    self.endTimestamp = endTimestamp
  }

  /// Transfers that block `DeleteOrganization` (`ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS`).
  public var isActive: Bool { status == "REQUESTED" || status == "ACCEPTED" }
}

/// One row of last month's cost: an account's spend on one service in one Region.
public struct CostRow: Hashable, Sendable {
  public var accountID: AccountID
  public var service: String
  public var region: String
  /// The amount as AWS printed it (a decimal string), so no rounding creeps in.
  public var amount: String
  public var unit: String
  public init(accountID: AccountID, service: String, region: String, amount: String, unit: String) {
    self.accountID = accountID
    self.service = service
    self.region = region
    self.amount = amount
    self.unit = unit
  }

  /// Whether the amount is above zero (it is a decimal string from Cost Explorer).
  public var isNonZero: Bool {
    amount.utf8.contains { (49...57).contains($0) } && !amount.hasPrefix("-")
  }
}

/// The last full month of cost, per account, service and Region.
public struct CostReport: Hashable, Sendable {
  public var periodStart: CalendarDay
  public var periodEnd: CalendarDay
  public var rows: [CostRow]
  public init(periodStart: CalendarDay, periodEnd: CalendarDay, rows: [CostRow]) {
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.rows = rows
  }
}

/// A section of the snapshot that could not be read, and why.
public struct SnapshotGap: Hashable, Sendable {
  public var section: String
  public var reason: String
  public init(section: String, reason: String) {
    self.section = section
    self.reason = reason
  }
}
