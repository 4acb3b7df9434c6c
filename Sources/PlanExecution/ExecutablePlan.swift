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
    /// The step's ID as the journal writes it.
    public var id: String
    public var action: StepAction
    public var work: Work
    public var account: String?
    public var after: [String]
    public var notBefore: CalendarDay?
    public var window: Int?
    public var title: String
    public var tasks: [String]

    public init(
      id: String, action: StepAction, work: Work, account: String? = nil, after: [String] = [],
      notBefore: CalendarDay? = nil, window: Int? = nil, title: String = "", tasks: [String] = []
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
    }

    /// A `CloseAccount` step, which the quota calendar paces.
    public var isClosure: Bool {
      if case .call(let request) = work { return request.operation == "CloseAccount" }
      return false
    }

    /// A `RemoveAccountFromOrganization` step.
    public var isRemoval: Bool {
      if case .removeAccount(_) = action { return true }
      return false
    }
  }

  /// What the plan expects of an account.
  public struct Account: Hashable, Sendable {
    public var id: String
    public var name: String
    /// OU names from the root, `Root/Prod/Payments`.
    public var path: String
    public var state: String
    /// `false` for an account the plan leaves alone (already closed, protected management).
    public var planned: Bool

    public init(
      id: String, name: String = "", path: String = "Root", state: String = "ACTIVE",
      planned: Bool = true
    ) {
      self.id = id
      self.name = name
      self.path = path
      self.state = state
      self.planned = planned
    }
  }

  public var organizationID: String
  public var managementAccountID: String
  public var startDate: CalendarDay
  public var quota: Quota
  /// In the plan's order (wave, then ID), which is also the order due steps run in.
  public var steps: [Step]
  public var accounts: [String: Account]

  public init(
    organizationID: String, managementAccountID: String, startDate: CalendarDay, quota: Quota,
    steps: [Step], accounts: [Account]
  ) {
    self.organizationID = organizationID
    self.managementAccountID = managementAccountID
    self.startDate = startDate
    self.quota = quota
    self.steps = steps
    self.accounts = Dictionary(
      accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The executor's view of `plan`, read from its typed steps: each step's work comes from
  /// its action, kind and structured request, never from the text of its ID.
  public init(_ plan: ClosurePlan) {
    let management = plan.organization.managementAccountId
    let entries = Dictionary(
      plan.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.init(
      organizationID: plan.organization.id.rawValue,
      managementAccountID: management.rawValue, startDate: plan.startDate,
      quota: Quota(
        perWindow: plan.closeQuota.perWindow, windowDays: plan.closeQuota.windowDays,
        concurrent: plan.closeQuota.concurrent,
        closuresBeforeStart: plan.closeQuota.closuresInLast30Days),
      steps: plan.steps.map { step in
        Step(
          id: step.id.rawValue, action: step.action,
          work: Self.work(of: step, management: management),
          account: step.account?.rawValue, after: step.after.map(\.rawValue),
          notBefore: step.notBefore, window: step.window,
          title: step.action.title(
            organization: plan.organization.id.rawValue, account: { entries[$0] }),
          tasks: step.checklist)
      },
      accounts: plan.accounts.map { entry in
        Account(
          id: entry.id.rawValue, name: entry.name, path: entry.path,
          state: entry.state.rawValue, planned: entry.terminalStep != nil)
      })
  }

  /// The step called `id`.
  public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

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
        !request.parameters.contains(where: {
          $0.name == "AccountId" && $0.value == management.rawValue
        })
      else { return .notAutomated }
      return .call(request)
    }
  }
}
