public import OrgGraph

/// What changed between two plans, by stable step ID and account ID.
///
/// `PlanDiff(from: old, to: new)` compares two plans field by field:
///
/// - `fields`: the plan-level values (organization, strategy, start date, close quota,
///   summary), named by their JSON path in `plan.json` (`closeQuota.perWindow`).
/// - `provenance`: where the plans came from (generator, input digests, redaction), kept apart
///   so that two plans that only came from different files still read as the same plan.
/// - `organizationSteps` and `organizationFindings`: steps and findings about no account
///   (invitations, transfers, `delete-organization`).
/// - `accounts`: per account, its entry (state, OU path, disposition…), its steps and its
///   findings, for every account that was added, removed or changed in any of them.
///
/// Every list is in a deterministic order: fields in `plan.json` order, accounts by
/// `(risk, path, id)` so that the most dangerous changes come first, steps and findings as
/// the plans order them (removed ones first).
public struct PlanDiff: Equatable, Sendable {
  /// Whether something was added, removed or changed.
  public enum Change: String, Equatable, Sendable {
    case added
    case removed
    case changed
  }

  /// Changes to the generator, the input digests and the redaction.
  public var provenance: [FieldChange]
  /// Changes to the plan-level values.
  public var fields: [FieldChange]
  /// Steps about no account that were added, removed or changed.
  public var organizationSteps: [StepChange]
  /// Findings about no account that were added, resolved or changed.
  public var organizationFindings: [FindingChange]
  /// The accounts with a change, sorted by `(risk, path, id)`.
  public var accounts: [AccountChanges]

  /// Creates a diff from its parts; `init(from:to:)` computes one.
  public init(
    provenance: [FieldChange] = [], fields: [FieldChange] = [],
    organizationSteps: [StepChange] = [], organizationFindings: [FindingChange] = [],
    accounts: [AccountChanges] = []
  ) {
    self.provenance = provenance
    self.fields = fields
    self.organizationSteps = organizationSteps
    self.organizationFindings = organizationFindings
    self.accounts = accounts
  }

  /// Whether the two plans are the same in every field.
  public var isEmpty: Bool { provenance.isEmpty && !changesPlan }

  /// Whether anything but the provenance differs: a step, a finding, an account or a
  /// plan-level value.
  public var changesPlan: Bool {
    !fields.isEmpty || !organizationSteps.isEmpty || !organizationFindings.isEmpty
      || !accounts.isEmpty
  }

  /// Every step change, organization first, then account by account.
  public var allSteps: [StepChange] { organizationSteps + accounts.flatMap(\.steps) }

  /// Every finding change, organization first, then account by account.
  public var allFindings: [FindingChange] {
    organizationFindings + accounts.flatMap(\.findings)
  }
}

extension PlanDiff {
  /// How one field differs.
  public enum FieldChange: Equatable, Sendable {
    /// A single value, as text; `nil` where the plan has none.
    case value(field: String, old: String?, new: String?)
    /// A list, as the entries it gained and lost, each in its plan's order.
    case list(field: String, added: [String], removed: [String])

    /// The field's name: its key in `plan.json`, or its path from the plan's top level.
    public var field: String {
      switch self {
      case .value(let field, _, _), .list(let field, _, _): field
      }
    }
  }

  /// A step that was added, removed or changed.
  public struct StepChange: Equatable, Sendable {
    public var change: Change
    /// The step as the new plan has it, or as the old plan had it when it was removed.
    public var step: ClosurePlan.Step
    /// What changed (`after`, `notBefore`, `window`…); empty unless `change` is `changed`.
    public var fields: [FieldChange]
    /// The step's title in the plan `step` is from.
    public var title: String

    /// Creates a step change.
    public init(
      _ change: Change, _ step: ClosurePlan.Step, title: String, fields: [FieldChange] = []
    ) {
      self.change = change
      self.step = step
      self.title = title
      self.fields = fields
    }

    /// The step's stable ID.
    public var id: StepID { step.id }
  }

  /// A finding that was added, resolved (`removed`) or changed, matched by code, account and
  /// step.
  public struct FindingChange: Equatable, Sendable {
    public var change: Change
    /// The finding as the new plan has it, or as the old plan had it when it was resolved.
    public var finding: ClosurePlan.Finding
    /// What changed (`severity`, `message`, `remediation`); empty unless `changed`.
    public var fields: [FieldChange]

    /// Creates a finding change.
    public init(_ change: Change, _ finding: ClosurePlan.Finding, fields: [FieldChange] = []) {
      self.change = change
      self.finding = finding
      self.fields = fields
    }
  }

  /// Everything that changed about one account.
  public struct AccountChanges: Equatable, Sendable {
    /// The account ID.
    public var id: AccountID
    /// `added` or `removed` when only one plan lists the account, else `changed`.
    public var change: Change
    /// The account's entry in the new plan, or in the old one when it was removed; `nil` when
    /// neither lists it (steps or findings about an account the plans do not list).
    public var entry: ClosurePlan.AccountEntry?
    /// Changes to the entry (`state`, `path`, `disposition`, `findings`…); empty unless
    /// `changed`.
    public var fields: [FieldChange]
    /// The account's steps that were added, removed or changed: the steps the change affects.
    public var steps: [StepChange]
    /// The account's findings that were added, resolved or changed.
    public var findings: [FindingChange]
    /// How dangerous the account's changes are.
    public var risk: Risk = .other

    /// Creates the changes of one account.
    public init(
      id: AccountID, change: Change, entry: ClosurePlan.AccountEntry?,
      fields: [FieldChange] = [],
      steps: [StepChange] = [], findings: [FindingChange] = []
    ) {
      self.id = id
      self.change = change
      self.entry = entry
      self.fields = fields
      self.steps = steps
      self.findings = findings
    }
  }
}
