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

/// A handshake of the organization: an invitation, a feature-set change or a pending
/// billing transfer (rules J61, E38c).
public struct Handshake: Hashable, Sendable {
  public var id: HandshakeID
  public var action: HandshakeAction
  public var state: HandshakeState
  public init(id: HandshakeID, action: HandshakeAction, state: HandshakeState) {
    self.id = id
    self.action = action
    self.state = state
  }

  /// Whether the handshake still waits for an answer (`REQUESTED` or `OPEN`).
  public var isInProgress: Bool { state == .requested || state == .open }
}

/// `Handshake.Action` (reference §5.7).
public enum HandshakeAction: OpenEnumeration {
  case invite
  case enableAllFeatures
  case approveAllFeatures
  case addOrganizationsServiceLinkedRole
  /// A pending billing responsibility transfer (rule E38c).
  case transferResponsibility
  case unknown(String)

  public static let known: [HandshakeAction] = [
    .invite, .enableAllFeatures, .approveAllFeatures, .addOrganizationsServiceLinkedRole,
    .transferResponsibility,
  ]

  public var rawValue: String {
    switch self {
    case .invite: "INVITE"
    case .enableAllFeatures: "ENABLE_ALL_FEATURES"
    case .approveAllFeatures: "APPROVE_ALL_FEATURES"
    case .addOrganizationsServiceLinkedRole: "ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE"
    case .transferResponsibility: "TRANSFER_RESPONSIBILITY"
    case .unknown(let raw): raw
    }
  }
}

/// `Handshake.State` (reference §5.7).
public enum HandshakeState: OpenEnumeration {
  case requested
  case open
  case canceled
  case accepted
  case declined
  case expired
  case unknown(String)

  public static let known: [HandshakeState] = [
    .requested, .open, .canceled, .accepted, .declined, .expired,
  ]

  public var rawValue: String {
    switch self {
    case .requested: "REQUESTED"
    case .open: "OPEN"
    case .canceled: "CANCELED"
    case .accepted: "ACCEPTED"
    case .declined: "DECLINED"
    case .expired: "EXPIRED"
    case .unknown(let raw): raw
    }
  }
}

/// A billing responsibility transfer (rule E38).
public struct ResponsibilityTransfer: Hashable, Sendable {
  /// Whether this organization receives (`inbound`: it will pay another organization's
  /// bill) or hands off (`outbound`: another organization will pay its bill) responsibility.
  public enum Direction: String, Hashable, Sendable {
    case inbound
    case outbound
  }

  public var id: ResponsibilityTransferID
  public var direction: Direction
  public var status: TransferStatus
  /// When the transfer ends, if an end has been set (an accepted transfer that was
  /// terminated, or a withdrawn one: rule E38a).
  public var endTimestamp: Timestamp?
  /// The handshake of a pending invitation (`ActiveHandshakeId`), when the snapshot has it.
  public var activeHandshakeID: HandshakeID?

  public init(
    id: ResponsibilityTransferID, direction: Direction, status: TransferStatus,
    endTimestamp: Timestamp?, activeHandshakeID: HandshakeID? = nil
  ) {
    self.id = id
    self.direction = direction
    self.status = status
    self.endTimestamp = endTimestamp
    self.activeHandshakeID = activeHandshakeID
  }
}

/// `ResponsibilityTransfer.Status` (reference §5.8).
public enum TransferStatus: OpenEnumeration {
  case requested
  case declined
  case canceled
  case expired
  case accepted
  case withdrawn
  case unknown(String)

  public static let known: [TransferStatus] = [
    .requested, .declined, .canceled, .expired, .accepted, .withdrawn,
  ]

  public var rawValue: String {
    switch self {
    case .requested: "REQUESTED"
    case .declined: "DECLINED"
    case .canceled: "CANCELED"
    case .expired: "EXPIRED"
    case .accepted: "ACCEPTED"
    case .withdrawn: "WITHDRAWN"
    case .unknown(let raw): raw
    }
  }
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
