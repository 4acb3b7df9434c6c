import OrgGraph

/// A step while the plan is being assembled: prerequisites are indices, dates not yet known.
struct StepDraft {
  var id: String
  var action: Action
  var account: AccountID?
  /// The AWS call of an `api` step, or the call a `wait` step polls.
  var request: APIRequest?
  var after: [Int]
  var title: String
  var tasks: [String]
  /// Its own earliest date, before prerequisites are considered.
  var earliest: CalendarDay?
  /// Days that must pass after the latest prerequisite's date (the 90-day rule C18).
  var delayAfterPrerequisites = 0
  var window: Int?
}

/// Every step action of DESIGN.md, with its kind and the AWS call behind it.
enum Action: String, CaseIterable {
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

  var kind: ClosurePlan.StepKind {
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

  /// The calls of a step that has no single `APIRequest`.
  var compoundCall: String? {
    self == .enableRootPasswordRecovery ? "sts:AssumeRoot + iam:CreateLoginProfile" : nil
  }
}
