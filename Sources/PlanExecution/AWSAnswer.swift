public import ClosurePlanner

/// What AWS answered to a mutating call, as typed fields: the error code and, for
/// `ConstraintViolationException`, its `Reason`, never read from the message (rule X2).
public struct AWSAnswer: Hashable, Sendable {
  /// `nil` when the call succeeded.
  public var errorCode: String?
  /// `ConstraintViolationException.Reason`, for example `CLOSE_ACCOUNT_QUOTA_EXCEEDED`.
  public var reason: String?
  public var message: String?
  public var requestID: String?
  /// No answer came back (the connection dropped, the call timed out or was killed): the
  /// call may have reached AWS.
  public var unanswered: Bool

  public init(
    errorCode: String? = nil, reason: String? = nil, message: String? = nil,
    requestID: String? = nil, unanswered: Bool = false
  ) {
    self.errorCode = errorCode
    self.reason = reason
    self.message = message
    self.requestID = requestID
    self.unanswered = unanswered
  }

  /// What the answer means for the step.
  public enum Meaning: Hashable, Sendable {
    /// Done; the outcome names how (`closed`, `already-closed`).
    case succeeded(outcome: String)
    /// Three closures are in progress: wait for one to finish, then go on (rule X2, B12).
    case waitForClosures
    /// The rolling 30-day quota is used up: no more closures in this run (rule X2, B11).
    case quotaExceeded
    /// Throttled or a concurrent change: back off, re-read the state, then retry (rule X2).
    case retryAfterReread
    /// The caller lacks this permission: the step stops (rule B14 denials look the same).
    case accessDenied(permission: String)
    /// The call may or may not have happened: read the state to know.
    case unknown
    case failed
  }

  /// The meaning of this answer to `request`.
  public func meaning(for request: APIRequest) -> Meaning {
    if unanswered { return .unknown }
    guard let errorCode else { return .succeeded(outcome: Self.successOutcome(request)) }
    switch (errorCode, request.operation) {
    // Rule X1: closing a closed account is success, not failure.
    case ("AccountAlreadyClosedException", "CloseAccount"):
      return .succeeded(outcome: "already-closed")
    case ("AccountNotRegisteredException", "DeregisterDelegatedAdministrator"):
      return .succeeded(outcome: "already-deregistered")
    case ("AWSOrganizationsNotInUseException", "DeleteOrganization"):
      return .succeeded(outcome: "already-deleted")
    case ("ConstraintViolationException", "CloseAccount")
    where reason == "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED":
      return .waitForClosures
    case ("ConstraintViolationException", "CloseAccount")
    where reason == "CLOSE_ACCOUNT_QUOTA_EXCEEDED":
      return .quotaExceeded
    case ("TooManyRequestsException", _), ("ConcurrentModificationException", _),
      ("ServiceException", _):
      return .retryAfterReread
    case ("AccessDeniedException", _), ("AccessDenied", _):
      return .accessDenied(permission: request.call)
    default:
      return .failed
    }
  }

  private static func successOutcome(_ request: APIRequest) -> String {
    switch request.operation {
    case "CloseAccount": "close-requested"
    case "RemoveAccountFromOrganization": "removed"
    case "DeregisterDelegatedAdministrator": "deregistered"
    case "DeleteOrganization": "deleted"
    default: "done"
    }
  }
}
