/// The pages about orgclose's files: the reference for writing a policy and reading a
/// snapshot or a plan. A test checks that every key the policy decoder accepts is named here.
extension Help {
  struct Topic: Sendable {
    var name: String
    var summary: String
    var text: String
  }

  static let topics = [
    Topic(name: "policy", summary: "every key of closure.policy.json", text: policy),
    Topic(name: "snapshot-format", summary: "org.snapshot.json", text: snapshotFormat),
    Topic(name: "plan-format", summary: "plan.json", text: planFormat),
  ]

  static let policy = """
    closure.policy.json: your decisions and the facts no API tells

    A JSON object, hand-written and reviewed in the pull request. Unknown keys are an error
    (exit 65, naming the file and the JSON path), so a typo is never silently ignored. Every
    key but schemaVersion is optional.

    Top level:
      schemaVersion         1 (required, checked first).
      strategy              close-in-place | close-then-delete | remove-then-delete.
                            Default: close-in-place when the organization has all features,
                            remove-then-delete for consolidated billing.
      startDate             YYYY-MM-DD, the plan's first day (--start overrides it; default
                            today, UTC). Not before the snapshot's capturedAt.
      closeQuota            Closures per 30 days, at least 1; may only lower the rule B11
                            quota min(1000, max(250, 20% of members)), never raise it.
      closuresInLast30Days  Closures of the last 30 days no longer pending (default 0); they
                            reduce the first window.
      protectedAccounts     ["222222222211", ...]: accounts never closed; they are removed
                            and keep running as standalone accounts.
      closeProtectionTags   {"TagKey": "value", ...}: tags on which an IAM policy denies
                            CloseAccount (rule B14); a member carrying one that the plan would
                            close with CloseAccount is blocking.
      defaults              An account entry (below) for every member; never the management
                            account.
      accounts              {"222222222201": entry, ...}: per member, overriding defaults key
                            by key. Every account named must be in the snapshot.
      management            The facts (below) of the management account; no disposition or
                            priority.
      organization          Facts about the organization as a whole (below).

    An account entry (defaults and accounts) takes:
      disposition           close | remove | remove-and-close (default: the strategy's).
      priority              Whole number; lower closes earlier (default 100).
      and every fact below.

    Facts (accounts, defaults and management), each true or false unless said:
      rootPassword          known | unknown | removed (default: unknown for accounts the
                            organization created, known for invited ones).
      rootEmailReachable    The root inbox can receive mail (false blocks a needed reset).
      standaloneReady       Payment method and contact details are set, so the account can
                            leave as a standalone account (matters for created members).
      controlTowerEnrolled  Enrolled in AWS Control Tower: unmanage it first.
      govCloudLinked        A linked AWS GovCloud (US) account exists.
      reservedInstances     Reserved Instances keep billing after closure.
      savingsPlans          Savings Plans keep billing after closure.
      marketplaceSubscriptions  AWS Marketplace subscriptions to cancel.
      route53Domains        Route 53 domains that stay registered and keep renewing.
      unpaidBalance         Bills are unpaid.
      emailReuseNeeded      The root e-mail address must be reused elsewhere.
      dataBackedUp          What must be kept is backed up (false warns).
      cloudTrailTrails      Trails that should stop exist: closure does not stop them.
      hardwareMfa           Hardware MFA tokens to reuse are attached.
      rootMfaReady          false warns where the plan needs a root sign-in (MFA within 35
                            days of the first one).
      notes                 Text, shown with the account.

    organization:
      controlTowerLandingZone  A Control Tower landing zone is deployed (adds a manual
                            decommission-landing-zone step where the organization is deleted).
      identityCenterInstance   An organization instance of IAM Identity Center is in use.

    Example:
      {
        "schemaVersion": 1,
        "strategy": "close-in-place",
        "startDate": "2026-12-01",
        "protectedAccounts": ["222222222211"],
        "defaults": { "dataBackedUp": false },
        "accounts": { "222222222201": { "priority": 50, "savingsPlans": true } },
        "management": { "reservedInstances": true },
        "organization": { "identityCenterInstance": true }
      }
    """

  static let snapshotFormat = """
    org.snapshot.json: what AWS says about the organization at one moment

    Written by 'orgclose snapshot' (or 'orgclose generate'); can be written by hand for tests.
    Unknown keys are ignored, so a newer collector's additions do not break an older planner.

      schemaVersion         1.
      organization          {id, arn, featureSet (ALL | CONSOLIDATED_BILLING),
                            managementAccountId, managementAccountEmail}.
      roots                 [{id, name}]: exactly one.
      organizationalUnits   [{id, name, parentId}].
      accounts              [{id, name, email, state, joinedMethod, joinedTimestamp,
                            parentId, tags}], the management account included. state is
                            PENDING_ACTIVATION, ACTIVE, SUSPENDED, PENDING_CLOSURE or CLOSED
                            (or the retired status); joinedTimestamp ISO-8601 or epoch seconds.
      delegatedAdministrators  [{accountId, servicePrincipal}].
      handshakes            [{id, action, state}]: open invitations.
      responsibilityTransfers  [{id, direction, status, endTimestamp, activeHandshakeId}].
      enabledServicePrincipals, rootAccessFeatures  [String].
      costs                 {periodStart, periodEnd, rows: [{accountId, service, region,
                            amount, unit}]}, optional.
      capturedAt            When it was taken (ISO-8601).
      collector             The tool and aws CLI versions.
      gaps                  [{section, reason}]: what could not be read; each is a finding.

    It is checked: unique IDs in AWS's formats, parents that resolve, no cycles, at most five
    OU levels, one root, the management account listed, delegated administrators among the
    accounts, no account joined after capturedAt. 'orgclose validate' checks without planning.
    """

  static let planFormat = """
    plan.json: the plan, written by 'orgclose plan --out'

    Keys are sorted and nothing in it depends on the clock, the host or a path: the same
    snapshot, policy, start date and orgclose version give the same bytes.

      schemaVersion         1.
      generator             "orgclose X.Y.Z".
      inputs                {snapshot: "sha256:...", policy: "sha256:..." or absent}: what
                            'orgclose check' compares.
      redacted              ["emails"] or ["emails", "names"], for a redacted plan.
      organization          {id, managementAccountId, featureSet, memberCount}.
      strategy, startDate   As planned.
      closeQuota            {perWindow, windowDays, concurrent, windows, firstWindow,
                            closuresInLast30Days, source}.
      summary               {steps, apiSteps, manualSteps, waitSteps, blocking, warnings,
                            estimatedCompletion}.
      accounts              [{id, name, path, state, joinedMethod, disposition, terminalStep,
                            findings: [code]}], sorted by path, then id.
      steps                 [{id, action, kind, account, call, after, wave, window,
                            notBefore, title, tasks}], sorted by (wave, id). id is
                            action:subject and stable across runs; kind is api (one AWS call,
                            named in call), manual (a person) or wait (notBefore is the
                            earliest date); after lists the direct prerequisites; window
                            numbers the 30-day closure windows from 1.
      findings              [{code, severity, account, step, message, remediation}], sorted
                            by severity (blocking, warning, info), then account, then code.

    'orgclose render' prints it in other forms, 'orgclose diff' compares two, and 'orgclose
    check' tells whether it is still what the files produce.
    """
}
