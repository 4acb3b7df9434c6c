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
    /// Done when its date has come.
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
    public var id: String
    public var action: String
    public var work: Work
    public var account: String?
    public var after: [String]
    public var notBefore: CalendarDay?
    public var window: Int?
    public var title: String
    public var tasks: [String]

    public init(
      id: String, action: String, work: Work, account: String? = nil, after: [String] = [],
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

  /// The executor's view of `plan`.
  public init(_ plan: ClosurePlan) {
    self.init(
      organizationID: plan.organization.id,
      managementAccountID: plan.organization.managementAccountId, startDate: plan.startDate,
      quota: Quota(
        perWindow: plan.closeQuota.perWindow, windowDays: plan.closeQuota.windowDays,
        concurrent: plan.closeQuota.concurrent,
        closuresBeforeStart: plan.closeQuota.closuresInLast30Days),
      steps: plan.steps.map { step in
        Step(
          id: step.id, action: step.action,
          work: Self.work(of: step, management: plan.organization.managementAccountId),
          account: step.account, after: step.after, notBefore: step.notBefore,
          window: step.window, title: step.title, tasks: step.tasks ?? [])
      },
      accounts: plan.accounts.map { entry in
        Account(
          id: entry.id, name: entry.name, path: entry.path, state: entry.state,
          planned: entry.terminalStep != nil)
      })
  }

  /// The step called `id`.
  public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

  /// What carrying out `step` means, from its action, kind, call and the subject in its ID.
  static func work(of step: ClosurePlan.Step, management: String) -> Work {
    switch step.kind {
    case .manual: return .manual
    case .wait:
      switch step.action {
      case "await-account-closed": return .awaitClosed
      case "await-permanent-closure": return .awaitMembersGone
      default: return .awaitDate
      }
    case .api:
      guard let call = step.call else { return .notAutomated }
      if call.contains("sts:AssumeRoot") { return .needsRoot }
      guard let request = request(action: step.action, id: step.id, call: call),
        !request.parameters.contains(where: { $0.name == "AccountId" && $0.value == management })
      else { return .notAutomated }
      return .call(request)
    }
  }

  /// The request behind an API step: `close-account:ID` → `CloseAccount AccountId=ID`.
  static func request(action: String, id: String, call: String) -> APIRequest? {
    guard call.hasPrefix("organizations:") else { return nil }
    let operation = String(call.dropFirst("organizations:".count))
    let subject = id.split(separator: ":", omittingEmptySubsequences: false).dropFirst()
      .map(String.init)
    let parameters: [APIRequest.Parameter]
    switch (action, operation, subject.count) {
    case ("close-account", "CloseAccount", 1),
      ("remove-account", "RemoveAccountFromOrganization", 1):
      parameters = [.init("AccountId", subject[0])]
    case ("deregister-delegated-admin", "DeregisterDelegatedAdministrator", 2):
      parameters = [.init("AccountId", subject[0]), .init("ServicePrincipal", subject[1])]
    case ("cancel-invitation", "CancelHandshake", 1), ("cancel-invitation", "DeclineHandshake", 1):
      parameters = [.init("HandshakeId", subject[0])]
    case ("delete-organization", "DeleteOrganization", 0):
      parameters = []
    default:
      // TerminateResponsibilityTransfer needs an end date the plan keeps only as text.
      return nil
    }
    return APIRequest(.organizations, operation, parameters)
  }
}
