public import OrgGraph

/// A computed shutdown plan, shaped exactly like `plan.json` (schema version 1).
///
/// The model is its own wire format for version 1: every field here is a field of the file,
/// so encoding with sorted keys yields the documented document. A later incompatible change
/// bumps `schemaVersion` and gets a separate wire type.
public struct ClosurePlan: Codable, Equatable, Sendable {
  public static let currentSchemaVersion = 1

  public var schemaVersion: Int
  public var generator: String
  public var inputs: Inputs
  public var organization: OrganizationSummary
  public var strategy: Strategy
  public var startDate: CalendarDay
  public var closeQuota: CloseQuota
  public var summary: Summary
  public var accounts: [AccountEntry]
  public var steps: [Step]
  public var findings: [Finding]
  /// What was replaced by placeholders before the plan was written (`emails`, `names`);
  /// absent for a plan that was not redacted.
  public var redacted: [String]?

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
  public struct Inputs: Codable, Equatable, Sendable {
    public var snapshot: String
    public var policy: String?
    public init(snapshot: String, policy: String?) {
      self.snapshot = snapshot
      self.policy = policy
    }
  }

  public struct OrganizationSummary: Codable, Equatable, Sendable {
    public var id: String
    public var managementAccountId: String
    public var featureSet: String
    public var memberCount: Int

    /// Creates an organization summary.
    public init(id: String, managementAccountId: String, featureSet: String, memberCount: Int) {
      self.id = id
      self.managementAccountId = managementAccountId
      self.featureSet = featureSet
      self.memberCount = memberCount
    }
  }

  /// The `CloseAccount` quota the schedule assumes (rules B11–B13).
  public struct CloseQuota: Codable, Equatable, Sendable {
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

  public struct Summary: Codable, Equatable, Sendable {
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
  public struct AccountEntry: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var path: String
    public var state: String
    public var joinedMethod: String
    /// `close`, `remove` or `remove-and-close`; `nil` when nothing is planned (the account is
    /// already closed, or it is a protected management account).
    public var disposition: String?
    /// The step after which the account has left active service.
    public var terminalStep: String?
    /// Codes of the findings about this account, in findings order.
    public var findings: [String]

    /// Creates an account entry.
    public init(
      id: String, name: String, path: String, state: String, joinedMethod: String,
      disposition: String?, terminalStep: String?, findings: [String]
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
  public enum StepKind: String, Codable, Sendable, CaseIterable {
    /// One AWS call, named in `call`.
    case api
    /// A person, in the console or an inbox.
    case manual
    /// An asynchronous state change; `notBefore` is the earliest date.
    case wait
  }

  public struct Step: Codable, Equatable, Sendable {
    /// `action:subject`, stable across runs.
    public var id: String
    public var action: String
    public var kind: StepKind
    public var account: String?
    public var call: String?
    /// Direct prerequisites, sorted.
    public var after: [String]
    public var wave: Int
    /// The 30-day closure window (from 1), for `close-account` steps.
    public var window: Int?
    /// The earliest date the step can be done.
    public var notBefore: CalendarDay?
    public var title: String
    public var tasks: [String]?

    /// Creates a step.
    public init(
      id: String, action: String, kind: StepKind, account: String? = nil, call: String? = nil,
      after: [String], wave: Int, window: Int? = nil, notBefore: CalendarDay? = nil,
      title: String, tasks: [String]? = nil
    ) {
      self.id = id
      self.action = action
      self.kind = kind
      self.account = account
      self.call = call
      self.after = after
      self.wave = wave
      self.window = window
      self.notBefore = notBefore
      self.title = title
      self.tasks = tasks
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

  public struct Finding: Codable, Equatable, Sendable {
    public var code: String
    public var severity: Severity
    public var account: String?
    public var step: String?
    public var message: String
    public var remediation: String

    /// Creates a finding.
    public init(
      code: String, severity: Severity, account: String? = nil, step: String? = nil,
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
