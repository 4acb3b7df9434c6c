/// The finding codes orgclose reports, named after §2 of the closure-rules reference.
///
/// A code this version does not know (from a plan made by a newer one) is kept as `unknown`,
/// never guessed (reference §5).
public enum FindingCode: Hashable, Sendable, CustomStringConvertible {
  case orgNotAllFeatures
  case unknownFeatureSet
  case managementAccountNotAPIClosable
  case managementAccountProtected
  case organizationDeletedByAWS
  case accountAlreadyClosed
  case accountPendingClosure
  case accountSuspendedByAWS
  case accountPendingActivation
  case unknownAccountState
  case unknownJoinedMethod
  case closedAccountCannotBeRemoved
  case protectedAccountInScope
  case protectedAccountKept
  case closeQuotaExhausted
  case closeQuotaWindows
  case closeConcurrencyFull
  case closeDeniedByPolicy
  case delegatedAdministrator
  case removalWaitPeriod
  case joinedTimestampUnknown
  case standaloneInfoMissing
  case rootPasswordResetRequired
  case rootCredentialsRemoved
  case rootSessionsNotEnabled
  case rootEmailUnreachable
  case emailReuseRequired
  case controlTowerEnrolled
  case govCloudLinked
  case activeSavingsPlans
  case reservedInstances
  case marketplaceSubscriptions
  case route53Domains
  case unpaidBalance
  case ongoingSpend
  case dataNotBackedUp
  case cloudTrailTrailsPersist
  case hardwareMFAAttached
  case rootMFARequired
  case controlTowerLandingZone
  case identityCenterOrganizationInstance
  case openInvitations
  case responsibilityTransferActive
  case mixedCloseAndDelete
  case permanentClosureWait
  case trustedAccessEnabled
  case snapshotGap
  case snapshotOld
  case legacyStatusAmbiguous
  case impossibleDelegatedAdministrator
  case managementAccountAlreadyClosed
  case activeMembersRemain
  case featureSetChangeInProgress
  case handshakeInProgress
  case closeQuotaFirstWindow
  case unknown(String)

  /// The codes this version knows, in declaration order.
  public static let known: [FindingCode] = [
    .orgNotAllFeatures, .unknownFeatureSet, .managementAccountNotAPIClosable,
    .managementAccountProtected, .organizationDeletedByAWS, .accountAlreadyClosed,
    .accountPendingClosure, .accountSuspendedByAWS, .accountPendingActivation, .unknownAccountState,
    .unknownJoinedMethod, .closedAccountCannotBeRemoved, .protectedAccountInScope,
    .protectedAccountKept, .closeQuotaExhausted, .closeQuotaWindows, .closeConcurrencyFull,
    .closeDeniedByPolicy, .delegatedAdministrator, .removalWaitPeriod, .joinedTimestampUnknown,
    .standaloneInfoMissing, .rootPasswordResetRequired, .rootCredentialsRemoved,
    .rootSessionsNotEnabled, .rootEmailUnreachable, .emailReuseRequired, .controlTowerEnrolled,
    .govCloudLinked, .activeSavingsPlans, .reservedInstances, .marketplaceSubscriptions,
    .route53Domains, .unpaidBalance, .ongoingSpend, .dataNotBackedUp, .cloudTrailTrailsPersist,
    .hardwareMFAAttached, .rootMFARequired, .controlTowerLandingZone,
    .identityCenterOrganizationInstance, .openInvitations, .responsibilityTransferActive,
    .mixedCloseAndDelete, .permanentClosureWait, .trustedAccessEnabled, .snapshotGap, .snapshotOld,
    .legacyStatusAmbiguous, .impossibleDelegatedAdministrator, .managementAccountAlreadyClosed,
    .activeMembersRemain, .featureSetChangeInProgress, .handshakeInProgress, .closeQuotaFirstWindow,
  ]

  private static let byName: [String: FindingCode] = Dictionary(
    uniqueKeysWithValues: known.map { ($0.rawValue, $0) })

  /// The code spelled `raw`, known or not.
  public init(rawValue raw: String) { self = Self.byName[raw] ?? .unknown(raw) }

  /// The code as plans spell it, `SCREAMING_SNAKE_CASE`.
  public var rawValue: String {
    switch self {
    case .orgNotAllFeatures: "ORG_NOT_ALL_FEATURES"
    case .unknownFeatureSet: "UNKNOWN_FEATURE_SET"
    case .managementAccountNotAPIClosable: "MANAGEMENT_ACCOUNT_NOT_API_CLOSABLE"
    case .managementAccountProtected: "MANAGEMENT_ACCOUNT_PROTECTED"
    case .organizationDeletedByAWS: "ORGANIZATION_DELETED_AFTER_POST_CLOSURE"
    case .accountAlreadyClosed: "ACCOUNT_ALREADY_CLOSED"
    case .accountPendingClosure: "ACCOUNT_PENDING_CLOSURE"
    case .accountSuspendedByAWS: "ACCOUNT_SUSPENDED_BY_AWS"
    case .accountPendingActivation: "ACCOUNT_PENDING_ACTIVATION"
    case .unknownAccountState: "UNKNOWN_ACCOUNT_STATE"
    case .unknownJoinedMethod: "UNKNOWN_JOINED_METHOD"
    case .closedAccountCannotBeRemoved: "CLOSED_ACCOUNT_CANNOT_BE_REMOVED"
    case .protectedAccountInScope: "PROTECTED_ACCOUNT_IN_SCOPE"
    case .protectedAccountKept: "PROTECTED_ACCOUNT_KEPT"
    case .closeQuotaExhausted: "CLOSE_QUOTA_EXHAUSTED"
    case .closeQuotaWindows: "CLOSE_QUOTA_WINDOWS"
    case .closeConcurrencyFull: "CLOSE_CONCURRENCY_FULL"
    case .closeDeniedByPolicy: "CLOSE_DENIED_BY_POLICY"
    case .delegatedAdministrator: "DELEGATED_ADMINISTRATOR"
    case .removalWaitPeriod: "REMOVAL_WAIT_PERIOD"
    case .joinedTimestampUnknown: "JOINED_TIMESTAMP_UNKNOWN"
    case .standaloneInfoMissing: "STANDALONE_INFO_MISSING"
    case .rootPasswordResetRequired: "ROOT_PASSWORD_RESET_REQUIRED"
    case .rootCredentialsRemoved: "ROOT_CREDENTIALS_REMOVED"
    case .rootSessionsNotEnabled: "ROOT_SESSIONS_NOT_ENABLED"
    case .rootEmailUnreachable: "ROOT_EMAIL_UNREACHABLE"
    case .emailReuseRequired: "EMAIL_REUSE_REQUIRED"
    case .controlTowerEnrolled: "CONTROL_TOWER_ENROLLED"
    case .govCloudLinked: "GOVCLOUD_LINKED"
    case .activeSavingsPlans: "ACTIVE_SAVINGS_PLANS"
    case .reservedInstances: "RESERVED_INSTANCES"
    case .marketplaceSubscriptions: "MARKETPLACE_SUBSCRIPTIONS"
    case .route53Domains: "ROUTE53_DOMAINS"
    case .unpaidBalance: "UNPAID_BALANCE"
    case .ongoingSpend: "ONGOING_SPEND"
    case .dataNotBackedUp: "DATA_NOT_BACKED_UP"
    case .cloudTrailTrailsPersist: "CLOUDTRAIL_TRAILS_PERSIST"
    case .hardwareMFAAttached: "HARDWARE_MFA_ATTACHED"
    case .rootMFARequired: "ROOT_MFA_REQUIRED"
    case .controlTowerLandingZone: "CONTROL_TOWER_LANDING_ZONE"
    case .identityCenterOrganizationInstance: "IDENTITY_CENTER_ORG_INSTANCE"
    case .openInvitations: "OPEN_INVITATIONS"
    case .responsibilityTransferActive: "RESPONSIBILITY_TRANSFER_ACTIVE"
    case .mixedCloseAndDelete: "MIXED_CLOSE_AND_DELETE"
    case .permanentClosureWait: "PERMANENT_CLOSURE_WAIT"
    case .trustedAccessEnabled: "TRUSTED_ACCESS_ENABLED"
    case .snapshotGap: "SNAPSHOT_GAP"
    case .snapshotOld: "SNAPSHOT_OLD"
    case .legacyStatusAmbiguous: "LEGACY_STATUS_AMBIGUOUS"
    case .impossibleDelegatedAdministrator: "IMPOSSIBLE_DELEGATED_ADMINISTRATOR"
    case .managementAccountAlreadyClosed: "MANAGEMENT_ACCOUNT_ALREADY_CLOSED"
    case .activeMembersRemain: "ACTIVE_MEMBERS_REMAIN"
    case .featureSetChangeInProgress: "FEATURE_SET_CHANGE_IN_PROGRESS"
    case .handshakeInProgress: "HANDSHAKE_IN_PROGRESS"
    case .closeQuotaFirstWindow: "CLOSE_QUOTA_FIRST_WINDOW"
    case .unknown(let raw): raw
    }
  }

  public var description: String { rawValue }
}
