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
  }

  public struct Summary: Codable, Equatable, Sendable {
    public var steps: Int
    public var apiSteps: Int
    public var manualSteps: Int
    public var waitSteps: Int
    public var blocking: Int
    public var warnings: Int
    public var estimatedCompletion: CalendarDay
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
  }

  public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case blocking
    case warning
    case info

    public static func < (lhs: Self, rhs: Self) -> Bool {
      allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
  }

  public struct Finding: Codable, Equatable, Sendable {
    public var code: String
    public var severity: Severity
    public var account: String?
    public var step: String?
    public var message: String
    public var remediation: String
  }
}
