public import ClosurePlanner

/// What came back from a mutating call.
public enum AWSAnswer: Hashable, Sendable {
  case accepted(requestID: String?)
  case refused(AWSError)
  /// No answer was read: the connection dropped, the call timed out or the process was
  /// killed. The call may have reached AWS (rule X5).
  case unanswered(note: String?, requestID: String?)

  /// What an answer means for the step.
  public enum Meaning: Hashable, Sendable {
    /// Done; the outcome names how (`close-requested`, `already-closed`).
    case succeeded(outcome: String)
    /// Three closures are in progress: wait for one to finish, then go on (rules X2, B12).
    case waitForClosures
    /// The rolling 30-day quota is used up: no more closures in this run (rules X2, B11).
    case quotaExceeded
    /// Throttled or a concurrent change: the call did not happen; back off, re-read, retry
    /// (rule X2).
    case retryAfterReread
    /// The account joined less than 4 days ago: try again after that (rules X8, D30).
    case waitPeriodActive
    /// The caller lacks this permission: the step stops.
    case accessDenied(permission: String)
    /// The call may or may not have taken effect: settled only by reading the state after
    /// the grace (rule X5; a 5xx is as unknown as a lost answer).
    case unknown
    case failed

    /// Whether a later run tries the step again by itself (pacing and throttling), as
    /// opposed to a person having to look.
    public var isRetriedByApply: Bool {
      switch self {
      case .waitForClosures, .quotaExceeded, .retryAfterReread, .waitPeriodActive, .unknown: true
      case .succeeded, .accessDenied, .failed: false
      }
    }
  }

  /// The meaning of this answer to `request`.
  public func meaning(for request: APIRequest) -> Meaning {
    switch self {
    case .accepted: .succeeded(outcome: Self.successOutcome(request.operation))
    case .unanswered: .unknown
    case .refused(let error): Self.meaning(of: error, for: request)
    }
  }

  /// The meaning of `error` answered to `request`: the one table both `apply` and `status`
  /// read.
  public static func meaning(of error: AWSError, for request: APIRequest) -> Meaning {
    switch (error.code, request.operation) {
    // Rules X1, X1a: "already in that state" is success.
    case ("AccountAlreadyClosedException", .closeAccount):
      return .succeeded(outcome: "already-closed")
    case ("AccountNotRegisteredException", .deregisterDelegatedAdministrator):
      return .succeeded(outcome: "already-deregistered")
    case ("AWSOrganizationsNotInUseException", .deleteOrganization):
      return .succeeded(outcome: "already-deleted")
    case ("HandshakeAlreadyInStateException", .cancelHandshake),
      ("HandshakeAlreadyInStateException", .declineHandshake):
      return .succeeded(outcome: "already-ended")
    case ("ResponsibilityTransferAlreadyInStatusException", .terminateResponsibilityTransfer):
      return .succeeded(outcome: "already-ended")
    case ("ConstraintViolationException", .closeAccount)
    where error.reason == "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED":
      return .waitForClosures
    case ("ConstraintViolationException", .closeAccount)
    where error.reason == "CLOSE_ACCOUNT_QUOTA_EXCEEDED":
      return .quotaExceeded
    case ("ConstraintViolationException", .removeAccountFromOrganization)
    where error.reason == "WAIT_PERIOD_ACTIVE":
      return .waitPeriodActive
    case ("TooManyRequestsException", _), ("ConcurrentModificationException", _):
      return .retryAfterReread
    // Rule X5: a 5xx may have taken effect.
    case ("ServiceException", _), ("InternalFailure", _), ("ServiceUnavailableException", _):
      return .unknown
    case ("AccessDeniedException", _), ("AccessDenied", _):
      return .accessDenied(permission: request.call)
    default:
      return .failed
    }
  }

  private static func successOutcome(_ operation: APIRequest.Operation) -> String {
    switch operation {
    case .closeAccount: "close-requested"
    case .removeAccountFromOrganization: "removed"
    case .deregisterDelegatedAdministrator: "deregistered"
    case .deleteOrganization: "deleted"
    default: "done"
    }
  }

  public var requestID: String? {
    switch self {
    case .accepted(let id), .unanswered(_, let id): id
    case .refused(let error): error.requestID
    }
  }
}
