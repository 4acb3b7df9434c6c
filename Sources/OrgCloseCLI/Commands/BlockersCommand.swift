import ClosurePlanner
import OrgGraph
import PlanFiles
import PlanRendering

/// `orgclose blockers SNAPSHOT [--policy FILE] [--start DATE] [--format text|json|markdown|csv]`.
struct BlockersCommand: Command {
  var run: PlanningRun
  var format: BlockersFormat
  var redaction: PlanRedaction?
  var policyFile: String? { run.policyFile }

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .blockers)
    let snapshot = try parsed.positionals("a snapshot file (orgclose blockers SNAPSHOT)")[0]
    try DashArgument.checkOneStandardInput(
      [snapshot, parsed.value("policy")], command: "blockers")
    run = PlanningRun(
      command: "blockers",
      snapshotFile: snapshot, policyFile: parsed.value("policy"),
      start: try PlanningRun.startDate(parsed.value("start"), command: "blockers"))
    format = try parsed.format(BlockersFormat.self) ?? .text
    redaction = RedactOption.redaction(parsed)
  }

  func run(_ console: Console) throws -> ExitStatus {
    var plan = try run.plan(today: console.today())
    if let redaction { plan = redaction.redacting(plan) }
    switch format {
    case .json: console.out(String(decoding: PlanFiles.encode(BlockersJSON(plan)), as: UTF8.self))
    case .markdown: console.out(BlockersRenderer(style: .markdown).render(plan))
    case .csv: console.out(BlockersRenderer(style: .csv).render(plan))
    case .text:
      console.out(BlockersRenderer(style: .text, colours: console.usesColour).render(plan))
    }
    return plan.summary.blocking > 0 ? .blocked : .success
  }
}

/// The JSON form of `blockers`: the plan's findings grouped by account.
struct BlockersJSON: Encodable {
  struct AccountFindings: Encodable {
    var id: String
    var name: String
    var path: String
    var findings: [Finding]
  }
  /// A finding as the plan states it.
  struct Finding: Encodable {
    var code: String
    var severity: String
    var account: String?
    var step: String?
    var message: String
    var remediation: String

    init(_ finding: ClosurePlan.Finding) {
      code = finding.code.rawValue
      severity = finding.severity.rawValue
      account = finding.account?.rawValue
      step = finding.step?.rawValue
      message = finding.message
      remediation = finding.remediation
    }
  }
  var organization: [Finding]
  var accounts: [AccountFindings]
  var blocking: Int
  var warnings: Int

  init(_ plan: ClosurePlan) {
    organization = plan.findings.filter { $0.account == nil }.map(Finding.init)
    var byAccount: [AccountID: [Finding]] = [:]
    for finding in plan.findings {
      if let account = finding.account { byAccount[account, default: []].append(Finding(finding)) }
    }
    accounts = plan.accounts.compactMap { entry in
      byAccount[entry.id].map {
        AccountFindings(id: entry.id.rawValue, name: entry.name, path: entry.path, findings: $0)
      }
    }
    blocking = plan.summary.blocking
    warnings = plan.summary.warnings
  }
}
