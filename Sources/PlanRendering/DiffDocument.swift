public import ClosurePlanner
import OrgGraph

/// A plan diff as a JSON document for scripts (`orgclose diff --format json`).
///
/// Accounts are most dangerous first, as in the text and Markdown forms. Each change names
/// its kind (`added`, `removed`, `changed`); a field change carries `old` and `new` for a
/// value, or `added` and `removed` for a list.
public struct DiffDocument: Encodable, Sendable {
  public static let schemaVersion = 1

  struct Field: Encodable, Sendable {
    var field: String
    var old: String?
    var new: String?
    var added: [String]?
    var removed: [String]?

    init(_ change: PlanDiff.FieldChange) {
      field = change.field
      switch change {
      case .value(_, let old, let new):
        self.old = old
        self.new = new
      case .list(_, let added, let removed):
        self.added = added
        self.removed = removed
      }
    }
  }

  struct Step: Encodable, Sendable {
    var change: String
    var id: String
    var account: String?
    var fields: [Field]
  }

  struct Finding: Encodable, Sendable {
    var change: String
    var code: String
    var severity: String
    var account: String?
    var step: String?
    var message: String
    var fields: [Field]
  }

  struct Account: Encodable, Sendable {
    var id: String
    var name: String?
    var path: String?
    var change: String
    var risk: String
    var fields: [Field]
    var steps: [Step]
    var findings: [Finding]
  }

  struct Organization: Encodable, Sendable {
    var risk: String?
    var fields: [Field]
    var steps: [Step]
    var findings: [Finding]
  }

  struct RiskCount: Encodable, Sendable {
    var risk: String
    var count: Int
  }

  var schemaVersion = Self.schemaVersion
  var organizationId: String
  var identical: Bool
  var changesPlan: Bool
  var summary: String
  var risks: [RiskCount]
  var organization: Organization
  var accounts: [Account]
  var provenance: [Field]

  /// The document of `diff` between two plans of `organizationID`.
  public init(_ diff: PlanDiff, organizationID: String) {
    organizationId = organizationID
    identical = diff.isEmpty
    changesPlan = diff.changesPlan
    summary = DiffWording.summary(diff)
    risks = diff.riskTally.map { RiskCount(risk: Self.name($0.risk), count: $0.count) }
    organization = Organization(
      risk: diff.organizationChanged ? Self.name(diff.organizationRisk) : nil,
      fields: diff.fields.map(Field.init), steps: diff.organizationSteps.map(Self.step),
      findings: diff.organizationFindings.map(Self.finding))
    accounts = diff.accounts.map { account in
      Account(
        id: account.id.rawValue, name: account.entry?.name, path: account.entry?.path,
        change: account.change.rawValue, risk: Self.name(account.risk),
        fields: account.fields.map(Field.init), steps: account.steps.map(Self.step),
        findings: account.findings.map(Self.finding))
    }
    provenance = diff.provenance.map(Field.init)
  }

  static func name(_ risk: PlanDiff.Risk) -> String {
    switch risk {
    case .protection: "protection"
    case .disposition: "disposition"
    case .closure: "closure"
    case .blocking: "blocking"
    case .dates: "dates"
    case .other: "other"
    }
  }

  static func step(_ change: PlanDiff.StepChange) -> Step {
    Step(
      change: change.change.rawValue, id: change.id.rawValue,
      account: change.step.account?.rawValue,
      fields: change.fields.map(Field.init))
  }

  static func finding(_ change: PlanDiff.FindingChange) -> Finding {
    Finding(
      change: change.change.rawValue, code: change.finding.code.rawValue,
      severity: change.finding.severity.rawValue, account: change.finding.account?.rawValue,
      step: change.finding.step?.rawValue, message: change.finding.message,
      fields: change.fields.map(Field.init))
  }
}
