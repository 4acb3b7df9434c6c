public import OrgGraph

/// A computed shutdown plan: the typed model behind `plan.json`.
///
/// What follows from a step's `StepAction` (its ID, kind, account, AWS request and title) is
/// derived, never stored, so it cannot disagree with the action. `PlanFiles` reads and writes
/// the model as plan format 2.
public struct ClosurePlan: Equatable, Sendable {
  /// The plan file format this version writes.
  public static let currentSchemaVersion = 2

  public var schemaVersion: Int
  public var generator: String
  public var inputs: Inputs
  public var organization: OrganizationSummary
  public var strategy: Strategy
  public var startDate: CalendarDay
  public var closeQuota: CloseQuota
  public var summary: Summary
  public var accounts: [AccountEntry] { didSet { lookupCache = LookupCache() } }
  public var steps: [Step] { didSet { lookupCache = LookupCache() } }
  public var findings: [Finding]
  /// What was replaced by placeholders before the plan was written (`emails`, `names`);
  /// absent for a plan that was not redacted.
  public var redacted: [String]?
  /// Where each step and account is, once computed (`lookup`).
  var lookupCache = LookupCache()

  /// Creates a plan from its parts, field for field as in `plan.json`.
  public init(
    schemaVersion: Int, generator: String, inputs: Inputs, organization: OrganizationSummary,
    strategy: Strategy, startDate: CalendarDay, closeQuota: CloseQuota, summary: Summary,
    accounts: [AccountEntry], steps: [Step], findings: [Finding]
  ) {
    self.schemaVersion = schemaVersion
    self.generator = generator
    self.inputs = inputs
    self.organization = organization
    self.strategy = strategy
    self.startDate = startDate
    self.closeQuota = closeQuota
    self.summary = summary
    self.accounts = accounts
    self.steps = steps
    self.findings = findings
  }

  /// Digests of the files the plan was computed from.
  public struct Inputs: Equatable, Sendable {
    public var snapshot: String
    public var policy: String?
    public init(snapshot: String, policy: String?) {
      self.snapshot = snapshot
      self.policy = policy
    }
  }

  public struct OrganizationSummary: Equatable, Sendable {
    public var id: OrganizationID
    public var managementAccountId: AccountID
    public var featureSet: FeatureSet
    public var memberCount: Int

    /// Creates an organization summary.
    public init(
      id: OrganizationID, managementAccountId: AccountID, featureSet: FeatureSet, memberCount: Int
    ) {
      self.id = id
      self.managementAccountId = managementAccountId
      self.featureSet = featureSet
      self.memberCount = memberCount
    }
  }

  /// The `CloseAccount` quota the schedule assumes (rules B11–B13).
  public struct CloseQuota: Equatable, Sendable {
    /// Closures allowed per rolling window.
    public var perWindow: Int
    public var windowDays: Int
    /// Closures AWS lets be in progress at once (rule B12).
    public var concurrent: Int
    /// Closures left in the first window after `closuresInLast30Days`.
    public var firstWindow: Int
    public var closuresInLast30Days: Int
    /// How many windows the schedule uses.
    public var windows: Int
    /// `rule B11` or `policy closeQuota`.
    public var source: String

    /// Creates a quota description.
    public init(
      perWindow: Int, windowDays: Int, concurrent: Int, firstWindow: Int,
      closuresInLast30Days: Int, windows: Int, source: String
    ) {
      self.perWindow = perWindow
      self.windowDays = windowDays
      self.concurrent = concurrent
      self.firstWindow = firstWindow
      self.closuresInLast30Days = closuresInLast30Days
      self.windows = windows
      self.source = source
    }
  }

  public struct Summary: Equatable, Sendable {
    public var steps: Int
    public var apiSteps: Int
    public var manualSteps: Int
    public var waitSteps: Int
    public var blocking: Int
    public var warnings: Int
    public var estimatedCompletion: CalendarDay

    /// Creates a summary.
    public init(
      steps: Int, apiSteps: Int, manualSteps: Int, waitSteps: Int, blocking: Int, warnings: Int,
      estimatedCompletion: CalendarDay
    ) {
      self.steps = steps
      self.apiSteps = apiSteps
      self.manualSteps = manualSteps
      self.waitSteps = waitSteps
      self.blocking = blocking
      self.warnings = warnings
      self.estimatedCompletion = estimatedCompletion
    }
  }

  /// One account of the snapshot and what the plan does with it.
  public struct AccountEntry: Equatable, Sendable {
    public var id: AccountID
    public var name: String
    public var path: String
    public var state: AccountState
    public var joinedMethod: JoinedMethod
    /// What the plan does with it; `nil` when nothing is planned (the account is already
    /// closed, or it is a protected management account).
    public var disposition: Disposition?
    /// The step after which the account has left active service: its last step in plan
    /// order.
    public var terminalStep: StepID?
    /// Codes of the findings about this account, in findings order.
    public var findings: [FindingCode]

    /// Creates an account entry.
    public init(
      id: AccountID, name: String, path: String, state: AccountState, joinedMethod: JoinedMethod,
      disposition: Disposition?, terminalStep: StepID?, findings: [FindingCode]
    ) {
      self.id = id
      self.name = name
      self.path = path
      self.state = state
      self.joinedMethod = joinedMethod
      self.disposition = disposition
      self.terminalStep = terminalStep
      self.findings = findings
    }
  }

  /// How a step is carried out.
  public enum StepKind: String, Sendable, CaseIterable {
    /// One AWS call, named in `call`.
    case api
    /// A person, in the console or an inbox.
    case manual
    /// An asynchronous state change; `notBefore` is the earliest date.
    case wait
  }

  public struct Step: Equatable, Sendable {
    /// What the step does, and to what.
    public var action: StepAction { didSet { id = action.id } }
    /// The step's ID, derived from `action` (stored: plans look steps up by ID often).
    public private(set) var id: StepID
    /// Direct prerequisites, sorted.
    public var after: [StepID]
    /// The longest path from a step with no prerequisites.
    public var wave: Int
    /// The 30-day closure window (from 1), for `close-account` steps.
    public var window: Int?
    /// The earliest date the step can be done.
    public var notBefore: CalendarDay?
    /// What a person does, beyond the step's AWS request (see `checklist`).
    public var tasks: [StepTask]

    /// Creates a step.
    public init(
      _ action: StepAction, after: [StepID] = [], wave: Int = 0, window: Int? = nil,
      notBefore: CalendarDay? = nil, tasks: [StepTask] = []
    ) {
      self.action = action
      self.id = action.id
      self.after = after
      self.wave = wave
      self.window = window
      self.notBefore = notBefore
      self.tasks = tasks
    }

    public var kind: StepKind { action.kind }
    public var account: AccountID? { action.account }
    /// The AWS call an `api` step makes or a `wait` step polls.
    public var request: APIRequest? { action.request }
    /// `organizations:CloseAccount`; `nil` for manual steps.
    public var call: String? { action.call }

    /// The step's tasks as a person reads them: the `aws` command of its request first
    /// (shell-quoted), then its own tasks.
    public var checklist: [String] {
      (request.map { [$0.commandLine] } ?? []) + tasks.map(\.text)
    }
  }

  public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case blocking
    case warning
    case info

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// The position in `allCases`, without building `allCases` (sorting findings compares
    /// severities a million times for 100,000 accounts).
    private var rank: Int {
      switch self {
      case .blocking: 0
      case .warning: 1
      case .info: 2
      }
    }
  }

  public struct Finding: Equatable, Sendable {
    public var code: FindingCode
    public var severity: Severity
    public var account: AccountID?
    public var step: StepID?
    public var message: String
    public var remediation: String

    /// Creates a finding.
    public init(
      code: FindingCode, severity: Severity, account: AccountID? = nil, step: StepID? = nil,
      message: String, remediation: String
    ) {
      self.code = code
      self.severity = severity
      self.account = account
      self.step = step
      self.message = message
      self.remediation = remediation
    }
  }
}
