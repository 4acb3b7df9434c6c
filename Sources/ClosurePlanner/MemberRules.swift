import OrgGraph

/// The member rules: one row per fact about a member that calls for a finding.
///
/// Each row holds the rule ID, code, severity, message and remediation, and the tasks of the
/// step the fact adds where it adds one. `PlanAssembly+Members` and `+Departure` decide which
/// facts hold and build the steps; the wording lives here.
enum MemberRules {
  // rule D32 (protected accounts are removed, never closed)
  static let protectedInScope = FindingRule(
    "D32", .protectedAccountInScope, .blocking,
    message: {
      "\($0.who) is in protectedAccounts but its policy asks for disposition \"\($0.detail)\"; "
        + "the plan removes it instead and closes nothing"
    },
    remediation: "Decide: take the account out of protectedAccounts, or set its disposition to "
      + "\"remove\"")

  static let protectedKept = FindingRule(
    "D28", .protectedAccountKept, .info,
    message: {
      "\($0.who) is protected: it is removed from the organization and keeps running as a "
        + "standalone account"
    }, remediation: "Make sure its owner is ready to pay its own bills after removal")

  // rule A6a
  static let legacyStatus = FindingRule(
    "A6a", .legacyStatusAmbiguous, .warning,
    message: {
      "\($0.who) is known only from the retired Status field, whose SUSPENDED means either "
        + "closed by its owner or suspended by AWS (rule A6a); the plan treats it as not active "
        + "and plans no step for it. Status was retired on 2026-09-09"
    },
    remediation: "Take a fresh snapshot with a current AWS CLI (v2.29.0 or later), which reports "
      + "State, then plan again")

  // rules B16, C18
  static let alreadyClosed = FindingRule(
    "B16", .accountAlreadyClosed, .info,
    message: {
      "\($0.who) is already CLOSED: no close step is needed; it stays in the organization until "
        + "its 90-day post-closure period ends (rules B16, C18)"
    },
    remediation: "Nothing to do unless it must be reopened: contact AWS Support within 90 days "
      + "and pay any balance within 60 (rule C19)")

  // rule B12
  static let pendingClosure = FindingRule(
    "B12", .accountPendingClosure, .info,
    message: {
      "\($0.who) is PENDING_CLOSURE: a closure is already in progress and holds one of the 3 "
        + "concurrent-closure slots (rule B12)"
    }, remediation: "Poll DescribeAccount until State is CLOSED; no new close call is needed")

  // rule D32: `detail` is the disposition; the protected row blocks.
  static let unremovable = FindingRule(
    "D32", .closedAccountCannotBeRemoved, .warning, message: unremovableMessage,
    remediation: "Accept that it stays closed, or reopen it through AWS Support and re-plan")
  static let unremovableProtected = FindingRule(
    "D32", .closedAccountCannotBeRemoved, .blocking, message: unremovableMessage,
    remediation: "The account must survive: ask AWS Support to reopen it within 90 days, then "
      + "re-plan")
  private static let unremovableMessage: @Sendable (FindingRule.Subject) -> String = {
    "\($0.who) is \($0.account.state) and cannot be removed from the organization (rule D32); "
      + "disposition \"\($0.detail)\" cannot be honoured"
  }

  // rule H54
  static let controlTower = FindingRule(
    "H54", .controlTowerEnrolled, .warning,
    message: {
      "\($0.who) is enrolled in AWS Control Tower; closing it while enrolled leaves it "
        + "Suspended and Enrolled, and re-registering its OU fails for 90 days (rule H54)"
    }, remediation: "Unmanage it (terminate its provisioned product) before it is closed or removed"
  )
  static let controlTowerTasks = [
    "Terminate the account's provisioned product in Service Catalog",
    "Wait until Control Tower shows the account as Not Enrolled",
  ]

  // rule D31: `detail` lists the services.
  static let delegatedAdministrator = FindingRule(
    "D31", .delegatedAdministrator, .warning,
    message: {
      "\($0.who) is delegated administrator for \($0.detail); it cannot be removed until "
        + "deregistered, and what closing it does to those services is undocumented (rule D31)"
    },
    remediation: "Read each service's documentation, move administration elsewhere if it must "
      + "continue, then deregister (the plan does this before the account leaves)")

  // rule D31a: `detail` lists the services.
  static let impossibleDelegation = FindingRule(
    "D31a", .impossibleDelegatedAdministrator, .blocking,
    message: {
      "The snapshot lists \($0.who) as delegated administrator for \($0.detail), but a "
        + "\($0.featureSet) organization has no delegated administrators: "
        + "delegation needs all features (rule D31a)"
    }, remediation: "The snapshot is inconsistent: take a new one and plan again")

  // rule D31a, for the management account: `detail` lists the services.
  static let managementDelegation = FindingRule(
    "D31a", .impossibleDelegatedAdministrator, .blocking,
    message: {
      "The snapshot lists the management account \($0.who) as delegated administrator for "
        + "\($0.detail), which AWS never allows (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR, "
        + "rule D31a)"
    }, remediation: "The snapshot is inconsistent: take a new one and plan again")
}
