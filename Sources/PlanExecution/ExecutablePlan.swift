public import ClosurePlanner
public import OrgGraph

/// The plan as `apply` sees it: each step's ID, what carrying it out means, its account,
/// prerequisites, dates and tasks; each account's expected state and OU path.
///
/// This file is the only place that reads `ClosurePlan`'s fields, so a change of the plan
/// model touches this adapter and nothing else in the executor.
public struct ExecutablePlan: Sendable {
  /// What carrying out a step means.
  public enum Work: Hashable, Sendable {
    /// One AWS call that `apply` makes.
    case call(APIRequest)
    /// A call that needs temporary root credentials (`sts:AssumeRoot`): a person makes it.
    case needsRoot
    /// A call `apply` does not make (its parameters are not in the plan): a person makes it.
    case notAutomated
    /// A person's work, recorded by `orgclose done`.
    case manual
    /// Polls `describe-account` until the account reads CLOSED (rule X3).
    case awaitClosed
    /// Done when its date has come and only the management account is left (rule E37).
    case awaitMembersGone
    /// Done when its date has come and the live state agrees (a transfer reads as ended).
    case awaitDate

    /// Whether a person carries the step out and records it with `orgclose done`.
    public var isPersonStep: Bool {
      switch self {
      case .manual, .needsRoot, .notAutomated: true
      default: false
      }
    }
  }

  /// The `CloseAccount` limits the schedule assumed (rules B11-B13).
  public struct Quota: Hashable, Sendable {
    public var perWindow: Int
    public var windowDays: Int
    public var concurrent: Int
    /// Closures made outside orgclose in the 30 days before the plan's start.
    public var closuresBeforeStart: Int

    public init(
      perWindow: Int, windowDays: Int = 30, concurrent: Int = 3, closuresBeforeStart: Int = 0
    ) {
      self.perWindow = perWindow
      self.windowDays = windowDays
      self.concurrent = concurrent
      self.closuresBeforeStart = closuresBeforeStart
    }
  }

  public struct Step: Hashable, Sendable {
    public var id: StepID
    public var action: StepAction
    public var work: Work
    public var account: AccountID?
    public var after: [StepID]
    public var notBefore: CalendarDay?
    public var window: Int?
    public var title: String
    public var tasks: [String]
    /// The blocking finding the plan marks the step (or its account) with: `apply` does not
    /// carry it out (rule X7).
    public var blockedBy: String?

    public init(
      id: StepID, action: StepAction, work: Work, account: AccountID? = nil, after: [StepID] = [],
      notBefore: CalendarDay? = nil, window: Int? = nil, title: String = "", tasks: [String] = [],
      blockedBy: String? = nil
    ) {
      self.id = id
      self.action = action
      self.work = work
      self.account = account
      self.after = after
      self.notBefore = notBefore
      self.window = window
      self.title = title
      self.tasks = tasks
      self.blockedBy = blockedBy
    }

    /// A `CloseAccount` step, which the quota calendar paces.
    public var isClosure: Bool {
      if case .call(let request) = work { return request.operation == .closeAccount }
      return false
    }

    /// A `RemoveAccountFromOrganization` step.
    public var isRemoval: Bool {
      if case .removeAccount = action { return true }
      return false
    }

    /// The request `apply` sends for the step, if it sends one.
    public var request: APIRequest? {
      if case .call(let request) = work { return request }
      return nil
    }
  }

  /// What the plan expects of an account.
  public struct Account: Hashable, Sendable {
    public var id: AccountID
    public var name: String
    /// OU names from the root, `Root/Prod/Payments`.
    public var path: String
    public var state: AccountState
    /// `false` for an account the plan leaves alone (already closed, protected management).
    public var planned: Bool

    public init(
      id: AccountID, name: String = "", path: String = "Root", state: AccountState = .active,
      planned: Bool = true
    ) {
      self.id = id
      self.name = name
      self.path = path
      self.state = state
      self.planned = planned
    }
  }

  public var organizationID: OrganizationID
  public var managementAccountID: AccountID
  public var startDate: CalendarDay
  public var estimatedCompletion: CalendarDay?
  public var quota: Quota
  /// In the plan's order (wave, then ID), which is also the order due steps run in.
  public var steps: [Step]
  public var accounts: [AccountID: Account]
  /// Each step's position in `steps`.
  public let position: [StepID: Int]
  /// The positions of each step's prerequisites, and of the steps that name it as one: the
  /// step graph, computed once for every run of the plan.
  public let prerequisites: [[Int]]
  public let dependents: [[Int]]

  public init(
    organizationID: OrganizationID, managementAccountID: AccountID, startDate: CalendarDay,
    quota: Quota, steps: [Step], accounts: [Account], estimatedCompletion: CalendarDay? = nil
  ) {
    self.organizationID = organizationID
    self.managementAccountID = managementAccountID
    self.startDate = startDate
    self.estimatedCompletion = estimatedCompletion
    self.quota = quota
    self.steps = steps
    self.accounts = Dictionary(
      accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let position = Dictionary(
      steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.position = position
    prerequisites = steps.map { $0.after.compactMap { position[$0] } }
    var dependents = Array(repeating: [Int](), count: steps.count)
    for (step, before) in prerequisites.enumerated() {
      for prerequisite in before { dependents[prerequisite].append(step) }
    }
    self.dependents = dependents
  }

  /// The executor's view of `plan`, read from its typed steps: each step's work comes from
  /// its action, kind and structured request, never from the text of its ID.
  public init(_ plan: ClosurePlan) {
    let management = plan.organization.managementAccountId
    let entries = Dictionary(
      plan.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    // Rule X7: a blocking finding holds its step and every step of its account.
    var blockedSteps: [StepID: String] = [:]
    var blockedAccounts: [AccountID: String] = [:]
    for finding in plan.findings where finding.severity == .blocking {
      if let step = finding.step {
        blockedSteps[step] = blockedSteps[step] ?? finding.code.rawValue
      }
      if let account = finding.account {
        blockedAccounts[account] = blockedAccounts[account] ?? finding.code.rawValue
      }
    }
    self.init(
      organizationID: plan.organization.id, managementAccountID: management,
      startDate: plan.startDate,
      quota: Quota(
        perWindow: plan.closeQuota.perWindow, windowDays: plan.closeQuota.windowDays,
        concurrent: plan.closeQuota.concurrent,
        closuresBeforeStart: plan.closeQuota.closuresInLast30Days),
      steps: plan.steps.map { step in
        Step(
          id: step.id, action: step.action, work: Self.work(of: step, management: management),
          account: step.account, after: step.after, notBefore: step.notBefore,
          window: step.window,
          title: step.action.title(
            organization: plan.organization.id.rawValue, account: { entries[$0] }),
          tasks: step.checklist,
          blockedBy: blockedSteps[step.id] ?? step.account.flatMap { blockedAccounts[$0] })
      },
      accounts: plan.accounts.map { entry in
        Account(
          id: entry.id, name: entry.name, path: entry.path, state: entry.state,
          planned: entry.terminalStep != nil)
      },
      estimatedCompletion: plan.summary.estimatedCompletion)
  }

  /// The step called `id`.
  public func step(_ id: StepID) -> Step? { position[id].map { steps[$0] } }

  /// `id` with the account's name, for a person: `close-account:111122223333 (Payments)`.
  public func named(_ id: StepID) -> String {
    guard let account = step(id)?.account, let name = accounts[account]?.name, !name.isEmpty
    else { return id.rawValue }
    return "\(id.rawValue) (\(name))"
  }

  /// What carrying out `step` means, from its kind, action and request.
  static func work(of step: ClosurePlan.Step, management: AccountID) -> Work {
    switch step.kind {
    case .manual: return .manual
    case .wait:
      switch step.action {
      case .awaitAccountClosed: return .awaitClosed
      case .awaitPermanentClosure: return .awaitMembersGone
      default: return .awaitDate
      }
    case .api:
      if step.action.compoundCall != nil { return .needsRoot }
      // The management account is never the subject of an API call.
      guard let request = step.request, step.account != management,
        request.parameter("AccountId") != management.rawValue
      else { return .notAutomated }
      return .call(request)
    }
  }
}
