extension StepAction {
  /// The name of each action, as step IDs and the plan spell it.
  public enum Name: String, Hashable, Sendable, CaseIterable {
    case exportBillingHistory = "export-billing-history"
    case cancelInvitation = "cancel-invitation"
    case endResponsibilityTransfer = "end-responsibility-transfer"
    case awaitResponsibilityTransferEnd = "await-responsibility-transfer-end"
    case prepareAccount = "prepare-account"
    case unmanageControlTowerAccount = "unmanage-control-tower-account"
    case deregisterDelegatedAdmin = "deregister-delegated-admin"
    case enableRootPasswordRecovery = "enable-root-password-recovery"
    case resetRootPassword = "reset-root-password"
    case closeAccount = "close-account"
    case awaitAccountClosed = "await-account-closed"
    case closeAccountAsRoot = "close-account-as-root"
    case completeStandaloneSignup = "complete-standalone-signup"
    case removeAccount = "remove-account"
    case closeStandaloneAccount = "close-standalone-account"
    case awaitPermanentClosure = "await-permanent-closure"
    case decommissionLandingZone = "decommission-landing-zone"
    case deleteOrganization = "delete-organization"
    case closeManagementAccount = "close-management-account"

    /// How a step of this action is carried out.
    public var kind: ClosurePlan.StepKind {
      switch self {
      case .cancelInvitation, .endResponsibilityTransfer, .deregisterDelegatedAdmin,
        .enableRootPasswordRecovery, .closeAccount, .removeAccount, .deleteOrganization:
        .api
      case .awaitResponsibilityTransferEnd, .awaitAccountClosed, .awaitPermanentClosure:
        .wait
      case .exportBillingHistory, .prepareAccount, .unmanageControlTowerAccount,
        .resetRootPassword, .closeAccountAsRoot, .completeStandaloneSignup,
        .closeStandaloneAccount, .decommissionLandingZone, .closeManagementAccount:
        .manual
      }
    }
  }
}
