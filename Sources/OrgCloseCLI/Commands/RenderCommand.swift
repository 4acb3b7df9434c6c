import ClosurePlanner
import OrgGraph
import PlanFiles
import PlanRendering

/// `orgclose render PLAN [--format text|json|markdown|mermaid|gantt|dot]
/// [--account ID | --ou PATH]`.
struct RenderCommand: Command {
  var planFile: String
  var format: PlanFormat
  var redaction: PlanRedaction?
  /// `--account` or `--ou`: everything about some accounts instead of the whole plan.
  var selection: AccountReport.Selection?

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .render)
    planFile = try parsed.positionals("a plan file (orgclose render PLAN --format FORMAT)")[0]
    format = try parsed.format(PlanFormat.self) ?? .text
    switch (parsed.value("account"), parsed.value("ou")) {
    case (.some, .some):
      throw UsageError("render: --account and --ou cannot be given together", command: "render")
    case (.some(let account), nil):
      guard let id = AccountID(rawValue: account) else {
        throw UsageError(
          "render: --account takes an account ID (\(AccountID.formatDescription)), "
            + "not \"\(account)\"", command: "render")
      }
      selection = .account(id)
    case (nil, .some(let path)): selection = .organizationalUnit(path)
    case (nil, nil): selection = nil
    }
    if selection != nil, format != .text {
      throw UsageError(
        "render: --account and --ou print text; leave out --format \(format.rawValue)",
        command: "render")
    }
    redaction = RedactOption.redaction(parsed)
  }

  func run(_ console: Console) throws -> ExitStatus {
    var plan = try PlanFiles.readPlan(planFile)
    if let redaction { plan = redaction.redacting(plan) }
    if let selection {
      let report = AccountReport(selection)
      guard !report.accounts(in: plan).isEmpty else {
        let what =
          switch selection {
          case .account(let id): "account \(id)"
          case .organizationalUnit(let path): "OU path \(path)"
          }
        throw CommandFailure(
          status: .dataError,
          message: "\(planFile): the plan has no \(what); accounts are listed by ID and OU "
            + "paths look like Root/Prod")
      }
      console.out(report.render(plan))
      return .success
    }
    let output = PlanCommand.render(plan, format: format)
    console.out(format == .text && console.usesColour ? PlanCommand.coloured(output) : output)
    return .success
  }
}
