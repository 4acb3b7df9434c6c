import ClosurePlanner
import PlanFiles

/// `orgclose render PLAN --format text|json|markdown|mermaid|dot`.
struct RenderCommand: Command {
  var planFile: String
  var format: String
  var redaction: PlanRedaction?

  init(_ arguments: [String]) throws(CommandFailure) {
    do throws(UsageError) {
      let parsed = try Arguments(
        arguments, command: "render", options: ["format"], optionalValues: RedactOption.values)
      planFile = try parsed.positionals("a plan file (orgclose render PLAN --format FORMAT)")[0]
      format = try parsed.choice("format", PlanCommand.formats) ?? "text"
      redaction = RedactOption.redaction(parsed)
    } catch {
      throw CommandFailure(error)
    }
  }

  func run(_ console: Console) throws(CommandFailure) -> ExitStatus {
    var plan: ClosurePlan
    do {
      plan = try PlanFiles.readPlan(planFile)
    } catch {
      throw CommandFailure(error, command: "render")
    }
    if let redaction { plan = redaction.redacting(plan) }
    console.out(PlanCommand.render(plan, format: format))
    console.leaveToExit(plan)
    return .success
  }
}
