public import OrgGraph

/// The operator's decisions and the facts no API tells, from `closure.policy.json`.
public struct Policy: Sendable, Equatable {
  /// `nil` means the feature set's default (see `Strategy.default(for:)`).
  public var strategy: Strategy?
  /// `nil` means the caller's start date (the CLI uses `--start` or today).
  public var startDate: CalendarDay?
  /// Overrides the rule B11 quota when set.
  public var closeQuota: Int?
  public var closuresInLast30Days: Int
  public var protectedAccounts: Set<AccountID>
  /// Tags (key to value) that an IAM policy in the management account uses to deny
  /// `CloseAccount` on the accounts carrying them (rule B14).
  public var closeProtectionTags: [String: String]
  public var defaults: AccountPolicy
  public var accounts: [AccountID: AccountPolicy]
  public var management: AccountFacts
  public var organization: OrganizationFacts

  public init(
    strategy: Strategy? = nil, startDate: CalendarDay? = nil, closeQuota: Int? = nil,
    closuresInLast30Days: Int = 0, protectedAccounts: Set<AccountID> = [],
    closeProtectionTags: [String: String] = [:], defaults: AccountPolicy = AccountPolicy(),
    accounts: [AccountID: AccountPolicy] = [:],
    management: AccountFacts = AccountFacts(), organization: OrganizationFacts = .init()
  ) {
    self.strategy = strategy
    self.startDate = startDate
    self.closeQuota = closeQuota
    self.closuresInLast30Days = closuresInLast30Days
    self.protectedAccounts = protectedAccounts
    self.closeProtectionTags = closeProtectionTags
    self.defaults = defaults
    self.accounts = accounts
    self.management = management
    self.organization = organization
  }

  /// The policy used when no file is given.
  public static let empty = Policy()
}

/// How the whole organization is shut down (DESIGN.md, "Strategies and steps").
public enum Strategy: String, Sendable, CaseIterable, Codable {
  /// Close members with `CloseAccount`, then the management account; AWS deletes the
  /// organization after the management account's post-closure period (rules F44–F45).
  case closeInPlace = "close-in-place"
  /// Close members, wait out their 90-day post-closure period, delete the organization,
  /// then close the management account (rules D32, E37).
  case closeThenDelete = "close-then-delete"
  /// The classic order: members are removed (and closed as standalone accounts), the
  /// organization is deleted, then the management account is closed.
  case removeThenDelete = "remove-then-delete"

  /// `close-in-place` where `CloseAccount` exists (feature set ALL), otherwise
  /// `remove-then-delete` (rule A5).
  public static func `default`(for featureSet: FeatureSet) -> Strategy {
    featureSet == .all ? .closeInPlace : .removeThenDelete
  }

  /// Whether the plan ends with `DeleteOrganization`.
  public var deletesOrganization: Bool { self != .closeInPlace }

  /// The disposition members get unless the policy says otherwise.
  public var defaultDisposition: Disposition {
    self == .removeThenDelete ? .removeAndClose : .close
  }
}

/// What happens to one member account.
public enum Disposition: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
  /// Closed inside the organization.
  case close
  /// Removed from the organization and left running as a standalone account.
  case remove
  /// Removed, then closed by hand as a standalone account.
  case removeAndClose = "remove-and-close"

  public var description: String { rawValue }
}

/// What the operator knows about an account's root password (rules G47, G52).
public enum RootPassword: String, Sendable, CaseIterable, Codable {
  case known
  case unknown
  /// Root credentials were deleted through centralized root access.
  case removed
}

/// The per-account part of the policy.
public struct AccountPolicy: Sendable, Equatable {
  public var disposition: Disposition?
  /// Lower closes earlier; default 100.
  public var priority: Int?
  public var facts: AccountFacts

  public init(disposition: Disposition? = nil, priority: Int? = nil, facts: AccountFacts = .init())
  {
    self.disposition = disposition
    self.priority = priority
    self.facts = facts
  }

  /// This policy with every unset field taken from `fallback`.
  public func overlaying(_ fallback: AccountPolicy) -> AccountPolicy {
    AccountPolicy(
      disposition: disposition ?? fallback.disposition, priority: priority ?? fallback.priority,
      facts: facts.overlaying(fallback.facts))
  }
}

/// Facts about the organization as a whole that the snapshot does not carry; `nil` means
/// "not stated".
public struct OrganizationFacts: Sendable, Equatable {
  /// An AWS Control Tower landing zone is deployed (rule H56).
  public var controlTowerLandingZone: Bool?
  /// An organization instance of IAM Identity Center is in use (rule E41).
  public var identityCenterInstance: Bool?

  public init(controlTowerLandingZone: Bool? = nil, identityCenterInstance: Bool? = nil) {
    self.controlTowerLandingZone = controlTowerLandingZone
    self.identityCenterInstance = identityCenterInstance
  }
}

/// Facts about one account that no AWS API reports; `nil` means "not stated".
public struct AccountFacts: Sendable, Equatable {
  public var rootPassword: RootPassword?
  public var rootEmailReachable: Bool?
  public var standaloneReady: Bool?
  public var controlTowerEnrolled: Bool?
  public var govCloudLinked: Bool?
  public var reservedInstances: Bool?
  public var savingsPlans: Bool?
  public var marketplaceSubscriptions: Bool?
  public var route53Domains: Bool?
  public var unpaidBalance: Bool?
  public var emailReuseNeeded: Bool?
  public var dataBackedUp: Bool?
  /// CloudTrail trails that should stop logging exist in the account (rule C25).
  public var cloudTrailTrails: Bool?
  /// Hardware TOTP MFA devices to be reused are attached to its root or IAM users (rule C26).
  public var hardwareMfa: Bool?
  /// Whether an MFA device is ready for whoever signs in as its root (rules G53, F46).
  public var rootMfaReady: Bool?
  public var notes: String?

  public init(
    rootPassword: RootPassword? = nil, rootEmailReachable: Bool? = nil,
    standaloneReady: Bool? = nil, controlTowerEnrolled: Bool? = nil,
    govCloudLinked: Bool? = nil, reservedInstances: Bool? = nil, savingsPlans: Bool? = nil,
    marketplaceSubscriptions: Bool? = nil, route53Domains: Bool? = nil,
    unpaidBalance: Bool? = nil, emailReuseNeeded: Bool? = nil, dataBackedUp: Bool? = nil,
    cloudTrailTrails: Bool? = nil, hardwareMfa: Bool? = nil, rootMfaReady: Bool? = nil,
    notes: String? = nil
  ) {
    self.rootPassword = rootPassword
    self.rootEmailReachable = rootEmailReachable
    self.standaloneReady = standaloneReady
    self.controlTowerEnrolled = controlTowerEnrolled
    self.govCloudLinked = govCloudLinked
    self.reservedInstances = reservedInstances
    self.savingsPlans = savingsPlans
    self.marketplaceSubscriptions = marketplaceSubscriptions
    self.route53Domains = route53Domains
    self.unpaidBalance = unpaidBalance
    self.emailReuseNeeded = emailReuseNeeded
    self.dataBackedUp = dataBackedUp
    self.cloudTrailTrails = cloudTrailTrails
    self.hardwareMfa = hardwareMfa
    self.rootMfaReady = rootMfaReady
    self.notes = notes
  }

  /// These facts with every unset field taken from `fallback`.
  public func overlaying(_ fallback: AccountFacts) -> AccountFacts {
    AccountFacts(
      rootPassword: rootPassword ?? fallback.rootPassword,
      rootEmailReachable: rootEmailReachable ?? fallback.rootEmailReachable,
      standaloneReady: standaloneReady ?? fallback.standaloneReady,
      controlTowerEnrolled: controlTowerEnrolled ?? fallback.controlTowerEnrolled,
      govCloudLinked: govCloudLinked ?? fallback.govCloudLinked,
      reservedInstances: reservedInstances ?? fallback.reservedInstances,
      savingsPlans: savingsPlans ?? fallback.savingsPlans,
      marketplaceSubscriptions: marketplaceSubscriptions ?? fallback.marketplaceSubscriptions,
      route53Domains: route53Domains ?? fallback.route53Domains,
      unpaidBalance: unpaidBalance ?? fallback.unpaidBalance,
      emailReuseNeeded: emailReuseNeeded ?? fallback.emailReuseNeeded,
      dataBackedUp: dataBackedUp ?? fallback.dataBackedUp,
      cloudTrailTrails: cloudTrailTrails ?? fallback.cloudTrailTrails,
      hardwareMfa: hardwareMfa ?? fallback.hardwareMfa,
      rootMfaReady: rootMfaReady ?? fallback.rootMfaReady,
      notes: notes ?? fallback.notes)
  }
}
