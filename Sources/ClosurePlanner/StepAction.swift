public import OrgGraph

/// What a step does, with its subject: the typed heart of a plan.
///
/// Everything else about a step that follows from its action is derived here in one place:
/// its `StepID`, its kind, the account it concerns and (in `StepAction+Request.swift`) the
/// AWS request it makes. Step actions are DESIGN.md's, "Strategies and steps".
public enum StepAction: Hashable, Sendable {
  case exportBillingHistory
  case cancelInvitation(HandshakeID)
  case endResponsibilityTransfer(ResponsibilityTransferID, TransferEnding)
  case awaitResponsibilityTransferEnd(ResponsibilityTransferID)
  case prepareAccount(AccountID)
  case unmanageControlTowerAccount(AccountID)
  case deregisterDelegatedAdministrator(AccountID, service: ServicePrincipal)
  case enableRootPasswordRecovery(AccountID)
  case resetRootPassword(AccountID)
  case closeAccount(AccountID)
  case awaitAccountClosed(AccountID)
  case closeAccountAsRoot(AccountID)
  case completeStandaloneSignup(AccountID)
  case removeAccount(AccountID)
  case closeStandaloneAccount(AccountID)
  case awaitPermanentClosure
  case decommissionLandingZone
  case deleteOrganization
  case closeManagementAccount(AccountID)

  /// How a billing responsibility transfer still in progress is ended (rules E38–E38b).
  public enum TransferEnding: Hashable, Sendable {
    /// An accepted transfer with no end date: `TerminateResponsibilityTransfer` at 23:59:59
    /// UTC on `lastDay`, the last day of a month.
    case terminate(direction: ResponsibilityTransfer.Direction, lastDay: CalendarDay)
    /// A pending inbound invitation this organization sent: `CancelHandshake`.
    case withdraw(HandshakeID)
    /// A pending outbound invitation this organization received: `DeclineHandshake`.
    case decline(HandshakeID)
  }

  /// The action's name, the first part of its step's ID (`close-account`).
  public var name: Name {
    switch self {
    case .exportBillingHistory: .exportBillingHistory
    case .cancelInvitation: .cancelInvitation
    case .endResponsibilityTransfer: .endResponsibilityTransfer
    case .awaitResponsibilityTransferEnd: .awaitResponsibilityTransferEnd
    case .prepareAccount: .prepareAccount
    case .unmanageControlTowerAccount: .unmanageControlTowerAccount
    case .deregisterDelegatedAdministrator: .deregisterDelegatedAdmin
    case .enableRootPasswordRecovery: .enableRootPasswordRecovery
    case .resetRootPassword: .resetRootPassword
    case .closeAccount: .closeAccount
    case .awaitAccountClosed: .awaitAccountClosed
    case .closeAccountAsRoot: .closeAccountAsRoot
    case .completeStandaloneSignup: .completeStandaloneSignup
    case .removeAccount: .removeAccount
    case .closeStandaloneAccount: .closeStandaloneAccount
    case .awaitPermanentClosure: .awaitPermanentClosure
    case .decommissionLandingZone: .decommissionLandingZone
    case .deleteOrganization: .deleteOrganization
    case .closeManagementAccount: .closeManagementAccount
    }
  }

  /// The account the step acts on, if it acts on one.
  public var account: AccountID? {
    switch self {
    case .prepareAccount(let id), .unmanageControlTowerAccount(let id),
      .deregisterDelegatedAdministrator(let id, _), .enableRootPasswordRecovery(let id),
      .resetRootPassword(let id), .closeAccount(let id), .awaitAccountClosed(let id),
      .closeAccountAsRoot(let id), .completeStandaloneSignup(let id), .removeAccount(let id),
      .closeStandaloneAccount(let id), .closeManagementAccount(let id):
      id
    case .exportBillingHistory, .cancelInvitation, .endResponsibilityTransfer,
      .awaitResponsibilityTransferEnd, .awaitPermanentClosure, .decommissionLandingZone,
      .deleteOrganization:
      nil
    }
  }

  /// What follows the name in the step's ID: `222222222222`,
  /// `222222222222:guardduty.amazonaws.com`, `h-abc12345`; `nil` for the organization's
  /// one-of-a-kind steps.
  public var subject: String? {
    switch self {
    case .cancelInvitation(let handshake): handshake.rawValue
    case .endResponsibilityTransfer(let transfer, _), .awaitResponsibilityTransferEnd(let transfer):
      transfer.rawValue
    case .deregisterDelegatedAdministrator(let account, let service): "\(account):\(service)"
    case .exportBillingHistory, .awaitPermanentClosure, .decommissionLandingZone,
      .deleteOrganization:
      nil
    default: account?.rawValue
    }
  }

  /// The step's stable ID, `name:subject`.
  public var id: StepID { StepID(self) }

  public var kind: ClosurePlan.StepKind { name.kind }
}
