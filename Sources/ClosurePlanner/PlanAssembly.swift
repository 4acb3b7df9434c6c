import OrgGraph

/// The mutable state of one planning run.
///
/// It holds the organization, the policy, and the steps and findings gathered so far.
/// `ClosurePlanner` drives it; the extensions add the steps of the organization, of each
/// member and of the management account.
struct PlanAssembly {
  let organization: Organization
  let policy: Policy
  let strategy: Strategy
  let startDate: CalendarDay

  var steps = StepGraph()
  var findings: [PendingFinding] = []
  /// What the plan does with each account, by position in `organization.accounts`, which
  /// the end of the plan reads several times per member.
  var outcomes: [AccountOutcome?]
  /// The management account's position in `organization.accounts`.
  let managementPosition: Int
  /// `close-account` steps with their window order key.
  var closeSteps: [(key: CloseOrderKey, step: Int)] = []

  /// Organization-wide steps the end of the shutdown waits for (invitations, transfers).
  var organizationGates: [Int] = []
  var exportBillingHistory = 0
  /// Costs grouped by account, rows sorted by service then Region.
  let costsByAccount: [AccountID: [CostRow]]
  /// Delegated-administrator services grouped by account, sorted.
  let delegatedServices: [AccountID: [String]]
  /// Members now `PENDING_CLOSURE`.
  let pendingClosures: Int

  init(organization: Organization, policy: Policy, strategy: Strategy, startDate: CalendarDay) {
    self.organization = organization
    self.policy = policy
    self.strategy = strategy
    self.startDate = startDate
    var costs: [AccountID: [CostRow]] = [:]
    for row in organization.costs?.rows ?? [] where row.isNonZero {
      costs[row.accountID, default: []].append(row)
    }
    costsByAccount = costs.mapValues {
      $0.sorted { ($0.service, $0.region, $0.amount) < ($1.service, $1.region, $1.amount) }
    }
    var services: [AccountID: [String]] = [:]
    for admin in organization.delegatedAdministrators {
      services[admin.accountID, default: []].append(admin.servicePrincipal)
    }
    delegatedServices = services
    pendingClosures = organization.members.count { $0.state == .pendingClosure }
    outcomes = Array(repeating: nil, count: organization.accounts.count)
    managementPosition =
      organization.accounts.firstIndex { $0.id == organization.managementAccountID } ?? 0
  }

  /// The positions of the members in `organization.accounts`, in order.
  var memberPositions: [Int] {
    organization.accounts.indices.filter { $0 != managementPosition }
  }

  /// Appends a step and returns its index.
  @discardableResult
  mutating func add(
    _ action: StepAction, after: [Int] = [], tasks: [String] = [], checklist: [StepTask] = [],
    earliest: CalendarDay? = nil
  ) -> Int {
    steps.add(
      action, after: after, tasks: checklist + tasks.map(StepTask.text), earliest: earliest)
  }

  /// Records a finding; `step` is an index into `steps`.
  mutating func report(
    _ code: FindingCode, _ severity: ClosurePlan.Severity, account: AccountID? = nil,
    step: Int? = nil, message: String, remediation: String
  ) {
    findings.append(
      PendingFinding(
        code: code, severity: severity, account: account, step: step, message: message,
        remediation: remediation))
  }

  /// `Payments (222222222222)`: how messages and titles name an account.
  func label(_ account: Account) -> String { "\(account.name) (\(account.id))" }
}

/// A finding whose step is still an index.
struct PendingFinding {
  var code: FindingCode
  var severity: ClosurePlan.Severity
  var account: AccountID?
  var step: Int?
  var message: String
  var remediation: String
}

/// What the plan does with one account.
struct AccountOutcome {
  var disposition: Disposition?
  /// The step after which the account has left active service.
  var terminalStep: Int?
  /// The step after which the account is no longer a member (its removal), where that
  /// comes before the terminal step; `nil` means the terminal step.
  var removalStep: Int?
}

/// The order in which members use the closure quota: `(priority, path, id)` (DESIGN.md).
///
/// The path is compared by its rank among the organization's paths and the ID by the
/// account's position in `organization.accounts` (sorted by ID): the same order as the
/// strings, with integer comparisons.
struct CloseOrderKey: Comparable {
  var priority: Int
  var pathRank: Int
  var position: Int

  static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.priority, lhs.pathRank, lhs.position) < (rhs.priority, rhs.pathRank, rhs.position)
  }
}
