/// An AWS enumeration value that may grow: unknown values are kept, never guessed (reference §5).
public protocol OpenEnumeration: Hashable, Sendable, CustomStringConvertible {
  /// The values this version of orgclose knows, in declaration order.
  static var known: [Self] { get }
  /// The value an unknown string becomes.
  static func unknown(_ raw: String) -> Self
  /// The AWS spelling.
  var rawValue: String { get }
}

extension OpenEnumeration {
  /// Maps an AWS string to a known value or to `.unknown(raw)`.
  ///
  /// Inlinable so that callers in other modules get a version specialized for the concrete
  /// enumeration: the generic one goes through witness tables on every call, and a snapshot
  /// makes a few calls per account.
  @inlinable
  public init(awsValue raw: String) {
    self = Self.known.first { $0.rawValue == raw } ?? Self.unknown(raw)
  }

  public var description: String { rawValue }
}

/// `Organization.FeatureSet` (rule A5).
public enum FeatureSet: OpenEnumeration {
  case all
  case consolidatedBilling
  case unknown(String)

  public static let known: [FeatureSet] = [.all, .consolidatedBilling]

  public var rawValue: String {
    switch self {
    case .all: "ALL"
    case .consolidatedBilling: "CONSOLIDATED_BILLING"
    case .unknown(let raw): raw
    }
  }
}

/// An account's lifecycle `State` (rule A6).
///
/// `suspended` is an AWS-enforced suspension, not a customer closure.
public enum AccountState: OpenEnumeration {
  case pendingActivation
  case active
  case suspended
  case pendingClosure
  case closed
  /// Known only from the retired `Status` field, which said `SUSPENDED` both for an account
  /// its owner closed and for one AWS suspended (rule A6a). Not a value AWS reports.
  case closedOrSuspended
  case unknown(String)

  public static let known: [AccountState] = [
    .pendingActivation, .active, .suspended, .pendingClosure, .closed,
  ]

  public var rawValue: String {
    switch self {
    case .pendingActivation: "PENDING_ACTIVATION"
    case .active: "ACTIVE"
    case .suspended: "SUSPENDED"
    case .pendingClosure: "PENDING_CLOSURE"
    case .closed: "CLOSED"
    case .closedOrSuspended: "CLOSED_OR_SUSPENDED"
    case .unknown(let raw): raw
    }
  }

  /// Reads a state as orgclose writes it in a plan, where `CLOSED_OR_SUSPENDED` also occurs.
  public init(planValue raw: String) {
    self = raw == Self.closedOrSuspended.rawValue ? .closedOrSuspended : Self(awsValue: raw)
  }

  /// Maps the retired `Status` field, used only where `State` is missing (rule A6): legacy
  /// `SUSPENDED` is either a customer closure or an AWS suspension (rule A6a).
  public init(legacyStatus raw: String) {
    switch raw {
    case "ACTIVE": self = .active
    case "PENDING_CLOSURE": self = .pendingClosure
    case "SUSPENDED": self = .closedOrSuspended
    default: self = .unknown(raw)
    }
  }
}

/// How an account joined: `CREATED` by the organization or `INVITED` (rule D30, rule G47).
public enum JoinedMethod: OpenEnumeration {
  case created
  case invited
  case unknown(String)

  public static let known: [JoinedMethod] = [.created, .invited]

  public var rawValue: String {
    switch self {
    case .created: "CREATED"
    case .invited: "INVITED"
    case .unknown(let raw): raw
    }
  }
}
