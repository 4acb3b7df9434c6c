import OrgGraph

/// The member rules of how an account leaves: its close protection, its standalone sign-up
/// and its removal wait.
extension MemberRules {
  // rule B14: `detail` is the tag, `key=value`.
  static let closeProtection = FindingRule(
    "B14", .closeDeniedByPolicy, .blocking,
    message: {
      "\($0.who) carries the tag \($0.detail), on which the management account's protection "
        + "policy denies CloseAccount (rule B14); the call will fail with AccessDeniedException"
    },
    remediation: "Decide: relax the deny policy for this account, or add it to protectedAccounts "
      + "so that it is removed instead")

  // rules D29, D29a
  static let standaloneSignup = FindingRule(
    "D29a", .standaloneInfoMissing, .warning,
    message: {
      "\($0.who) was created in the organization and is not known to be ready to stand alone; "
        + "removal fails without contact details, phone verification, payment method and "
        + "support plan (rules D29, D29a)"
    }, remediation: "Complete the sign-up step, then set standaloneReady: true in the policy")
  static let standaloneSignupTasks = [
    "Sign in to the member (as root, or as an IAM principal with billing access)",
    "Provide and verify contact information, including the phone number",
    "Add a valid payment method (cards from Russia or Belarus are rejected)",
    "Choose a support plan",
  ]

  /// Rule D29a: only an account created in the organization lacks the sign-up details; an
  /// invited one joined as a standalone account and has them.
  static func needsStandaloneSignup(_ account: Account, _ facts: AccountFacts) -> Bool {
    account.joinedMethod != .invited && facts.standaloneReady != true
  }

  // rule D30: `detail` is the first day the removal is allowed.
  static let removalWait = FindingRule(
    "D30", .removalWaitPeriod, .info,
    message: {
      "\($0.who) was created by the organization less than 4 days before the start date; it "
        + "cannot be removed before \($0.detail) (rule D30)"
    }, remediation: { "Nothing to do: the step is scheduled for \($0.detail)" })

  // rule D30
  static let joinedTimestampUnknown = FindingRule(
    "D30", .joinedTimestampUnknown, .warning,
    message: {
      "\($0.who) has no joined timestamp, so the 4-day wait before a created account can be "
        + "removed cannot be checked (rule D30)"
    }, remediation: "Take a new snapshot; AWS rejects an early removal with WAIT_PERIOD_ACTIVE")

  /// Rule D30: a created account cannot leave until 4 days after it joined.
  static let removalWaitDays = 4

  // rules D30, G47: `detail` is the joined method as the snapshot spells it.
  static let unknownJoinedMethod = FindingRule(
    "D30", .unknownJoinedMethod, .warning,
    message: {
      "\($0.who) has joined method \"\($0.detail)\"; the plan assumes its root password is "
        + "unknown and that the 4-day removal wait applies"
    }, remediation: "Set rootPassword in the policy if you know it")

  /// Every row of the member tables, for tests to walk.
  static let all: [FindingRule] = [
    protectedInScope, protectedKept, legacyStatus, alreadyClosed, pendingClosure, unremovable,
    unremovableProtected, controlTower, delegatedAdministrator, impossibleDelegation,
    managementDelegation, closeProtection, standaloneSignup, removalWait, joinedTimestampUnknown,
    unknownJoinedMethod,
  ]
}
