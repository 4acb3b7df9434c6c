import ClosurePlanner
import OrgGraph
import PlanFiles

/// The JSON form of `orgclose check --format json`: the verdict, how each input compares
/// with the digest the plan records, the command that replans, and the changes.
///
/// The shape is documented in `orgclose help check` and the README ("Reviewing a shutdown
/// in a pull request"); keys are sorted and absent values left out.
struct CheckJSON: Encodable {
  /// One input: its status and the two digests.
  struct Input: Encodable {
    /// `unchanged`, `changed`, `added` (the plan was made without it) or `missing`.
    var status: String
    /// The digest `plan.json` records; absent when the plan was made without the input.
    var recorded: String?
    /// The digest of the file given now; absent when none was given.
    var current: String?
  }

  struct Inputs: Encodable {
    var snapshot: Input
    var policy: Input
  }

  /// A changed value (`old`, `new`) or list (`added`, `removed`), named by its field.
  struct Field: Encodable {
    var field: String
    var old: String?
    var new: String?
    var added: [String]?
    var removed: [String]?

    init(_ change: PlanDiff.FieldChange) {
      switch change {
      case .value(let field, let old, let new):
        self.field = field
        self.old = old
        self.new = new
      case .list(let field, let added, let removed):
        self.field = field
        self.added = added
        self.removed = removed
      }
    }
  }

  struct Step: Encodable {
    var id: String
    /// `added`, `removed` or `changed`.
    var change: String
    var fields: [Field]
  }

  struct Finding: Encodable {
    var code: String
    var severity: String
    var account: String?
    var step: String?
    /// `added`, `removed` (resolved) or `changed`.
    var change: String
    var fields: [Field]
  }

  struct Account: Encodable {
    var id: String
    var name: String?
    var path: String?
    var change: String
    var fields: [Field]
    var steps: [Step]
    var findings: [Finding]
  }

  /// From the plan as it is to the plan the current inputs produce; every list empty when the
  /// plan is fresh.
  struct Changes: Encodable {
    /// Plan-level values (`strategy`, `closeQuota.perWindow`, `summary.steps`…).
    var fields: [Field]
    /// Steps and findings about no account.
    var organizationSteps: [Step]
    var organizationFindings: [Finding]
    var accounts: [Account]
  }

  var plan: String
  /// `fresh-inputs-unchanged`, `fresh-inputs-changed`, `stale`, `edited-by-hand` or
  /// `other-generator`.
  var verdict: String
  var fresh: Bool
  /// The plan's `generator`.
  var generator: String
  var inputs: Inputs
  /// The `orgclose plan` command that writes the plan the inputs produce; absent when fresh.
  var replan: String?
  var changes: Changes

  init(_ report: CheckReport, current: ClosurePlan.Inputs) {
    let check = report.check
    plan = report.planFile
    verdict =
      switch check.verdict {
      case .inputsUnchanged: "fresh-inputs-unchanged"
      case .inputsChangedPlanSame: "fresh-inputs-changed"
      case .stale: "stale"
      case .editedByHand: "edited-by-hand"
      case .otherGenerator: "other-generator"
      }
    fresh = check.isFresh
    generator = report.plan.generator
    let recorded = report.plan.inputs
    inputs = Inputs(
      snapshot: Input(
        status: check.snapshot.rawValue, recorded: recorded.snapshot, current: current.snapshot),
      policy: Input(
        status: check.policy.rawValue, recorded: recorded.policy, current: current.policy))
    replan = check.isFresh ? nil : report.replanCommand
    let diff = check.diff
    changes = Changes(
      fields: diff.fields.map(Field.init),
      organizationSteps: diff.organizationSteps.map(Self.step),
      organizationFindings: diff.organizationFindings.map(Self.finding),
      accounts: diff.accounts.map { account in
        Account(
          id: account.id.rawValue, name: account.entry?.name, path: account.entry?.path,
          change: account.change.rawValue, fields: account.fields.map(Field.init),
          steps: account.steps.map(Self.step), findings: account.findings.map(Self.finding))
      })
  }

  private static func step(_ change: PlanDiff.StepChange) -> Step {
    Step(
      id: change.id.rawValue, change: change.change.rawValue, fields: change.fields.map(Field.init))
  }

  private static func finding(_ change: PlanDiff.FindingChange) -> Finding {
    Finding(
      code: change.finding.code.rawValue, severity: change.finding.severity.rawValue,
      account: change.finding.account?.rawValue, step: change.finding.step?.rawValue,
      change: change.change.rawValue, fields: change.fields.map(Field.init))
  }
}
