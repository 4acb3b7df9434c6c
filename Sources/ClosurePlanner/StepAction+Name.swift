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

    /// Hashes the case, not its text, as a name's `RawRepresentable` hashing would: plans
    /// keep sets and tables keyed by action name.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// The name's position in `allCases`, without building `allCases`.
    public var ordinal: Int {
      switch self {
      case .exportBillingHistory: 0
      case .cancelInvitation: 1
      case .endResponsibilityTransfer: 2
      case .awaitResponsibilityTransferEnd: 3
      case .prepareAccount: 4
      case .unmanageControlTowerAccount: 5
      case .deregisterDelegatedAdmin: 6
      case .enableRootPasswordRecovery: 7
      case .resetRootPassword: 8
      case .closeAccount: 9
      case .awaitAccountClosed: 10
      case .closeAccountAsRoot: 11
      case .completeStandaloneSignup: 12
      case .removeAccount: 13
      case .closeStandaloneAccount: 14
      case .awaitPermanentClosure: 15
      case .decommissionLandingZone: 16
      case .deleteOrganization: 17
      case .closeManagementAccount: 18
      }
    }

    /// The name spelled by `utf8`, if it spells one: how step IDs are read from files,
    /// without building a string.
    public init?(utf8: UnsafeBufferPointer<UInt8>) {
      guard
        let position = Self.spellings.firstIndex(where: {
          $0.count == utf8.count && $0.elementsEqual(utf8)
        })
      else { return nil }
      self = Self.all[position]
    }

    private static let all = allCases
    private static let spellings = all.map { Array($0.rawValue.utf8) }

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
