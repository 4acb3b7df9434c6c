import ClosurePlanner
import Foundation
import OrgCloseBasics
import OrgGraph
import PlanFiles
import PlanRendering

/// `orgclose plan SNAPSHOT [--policy FILE] [--start DATE] [--out FILE] [--format F]`.
struct PlanCommand: Command {
  static let formats = ["text", "json", "markdown", "mermaid", "gantt", "dot"]

  var run: PlanningRun
  var out: String?
  var format: String
  var failOnBlocking: Bool
  var redaction: PlanRedaction?

  init(_ arguments: [String]) throws(CommandFailure) {
    do throws(UsageError) {
      let parsed = try Arguments(
        arguments, command: "plan", options: ["policy", "start", "out", "format"],
        flags: ["fail-on-blocking"], optionalValues: RedactOption.values)
      let snapshot = try parsed.positionals("a snapshot file (orgclose plan SNAPSHOT)")[0]
      run = PlanningRun(
        command: "plan",
        snapshotFile: snapshot, policyFile: parsed.value("policy"),
        start: try PlanningRun.startDate(parsed.value("start"), command: "plan"))
      try DashArgument.checkOneStandardInput([snapshot, parsed.value("policy")], command: "plan")
      out = DashArgument.outputFile(parsed.value("out"))
      format = try parsed.choice("format", Self.formats) ?? "text"
      if parsed.value("out") == "-" {
        // `--out -` puts plan.json itself on standard output, where the rendering would go.
        guard parsed.value("format") == nil || format == "json" else {
          throw UsageError(
            "plan: --out - writes plan.json to standard output; --format \(format) cannot "
              + "go there too", command: "plan")
        }
        format = "json"
      }
      failOnBlocking = parsed.flag("fail-on-blocking")
      redaction = RedactOption.redaction(parsed)
    } catch {
      throw CommandFailure(error)
    }
  }

  func run(_ console: Console) throws(CommandFailure) -> ExitStatus {
    var plan = try run.plan(today: console.today())
    if let redaction { plan = redaction.redacting(plan) }
    let finished = plan
    // The file is written while the output is rendered, on the other core; the output is
    // printed only once the file is safely in place.
    let (written, output) = concurrently(
      { [out, run] () -> Result<Void, PlanFileError> in
        Result { () throws(PlanFileError) in
          if let out { try PlanFiles.writePlan(finished, to: out, protecting: run.inputFiles) }
        }
      },
      { [format] in Self.render(finished, format: format) })
    do {
      try written.get()
    } catch {
      throw CommandFailure(error)
    }
    console.out(output)
    if let out, format == "text" {
      console.out("Wrote \(OneLine.escaped(out)) (\(plan.summary.steps) steps).\n")
    }
    console.leaveToExit(plan)
    return failOnBlocking && plan.summary.blocking > 0 ? .blocked : .success
  }

  static func render(_ plan: ClosurePlan, format: String) -> String {
    switch format {
    case "json": String(decoding: PlanFiles.encodedPlan(plan), as: UTF8.self)
    case "markdown": MarkdownPlanRenderer().render(plan)
    case "mermaid": MermaidRenderer().render(plan)
    case "gantt": GanttRenderer().render(plan)
    case "dot": DOTRenderer().render(plan)
    default: TextPlanRenderer().render(plan)
    }
  }
}
