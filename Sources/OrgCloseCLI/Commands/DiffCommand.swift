import ClosurePlanner
import OrgGraph
import PlanFiles
import PlanRendering

/// `orgclose diff OLD_PLAN NEW_PLAN [--format text|markdown|json] [--redact [names]]`: what
/// changed between two plans, by step ID and account.
struct DiffCommand: Command {
  var oldFile: String
  var newFile: String
  var style: DiffRenderer.Style
  /// `--format json`: the diff as a document for scripts.
  var json: Bool
  var redaction: PlanRedaction?

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .diff)
    let files = try parsed.positionals(
      "two plan files (orgclose diff OLD_PLAN NEW_PLAN)", "a new plan file after the old one")
    try DashArgument.checkOneStandardInput(files, command: "diff")
    oldFile = files[0]
    newFile = files[1]
    let format = try parsed.format(DiffFormat.self) ?? .text
    style = format == .markdown ? .markdown : .text
    json = format == .json
    redaction = RedactOption.redaction(parsed)
  }

  func run(_ console: Console) throws -> ExitStatus {
    var old = try PlanFiles.readPlan(oldFile)
    var new = try PlanFiles.readPlan(newFile)
    try PlanFiles.requireSameOrganization(
      new, file: newFile, as: old.organization.id.rawValue, of: oldFile, otherKind: .plan)
    if let redaction {
      old = redaction.redacting(old)
      new = redaction.redacting(new)
    }
    let diff = PlanDiff(from: old, to: new)
    if json {
      let document = DiffDocument(diff, organizationID: new.organization.id.rawValue)
      console.out(String(decoding: PlanFiles.encode(document), as: UTF8.self))
    } else {
      console.out(
        DiffRenderer(style: style).render(diff, organizationID: new.organization.id.rawValue))
    }
    return .success
  }
}
