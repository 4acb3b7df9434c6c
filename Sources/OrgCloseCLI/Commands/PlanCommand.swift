import ClosurePlanner
import Foundation
import OrgGraph
import PlanFiles
import PlanRendering

/// `orgclose plan SNAPSHOT [--policy FILE] [--start DATE] [--out FILE] [--format F]`.
struct PlanCommand: Command {
  static let formats = ["text", "json", "markdown", "mermaid", "dot"]

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
      out = parsed.value("out")
      format = try parsed.choice("format", Self.formats) ?? "text"
      failOnBlocking = parsed.flag("fail-on-blocking")
      redaction = RedactOption.redaction(parsed)
    } catch {
      throw CommandFailure(error)
    }
    if let out {
      for input in [run.snapshotFile, run.policyFile].compactMap({ $0 })
      where Self.samePath(out, input) {
        throw CommandFailure(
          status: .usage,
          message: "plan: --out \(out) is one of the input files; choose another name")
      }
    }
  }

  func run(_ console: Console) throws(CommandFailure) -> ExitStatus {
    var plan = try run.plan(today: console.today())
    if let redaction { plan = redaction.redacting(plan) }
    let finished = plan
    // The file is written while the output is rendered, on the other core; the output is
    // printed only once the file is safely in place.
    let (written, output) = concurrently(
      { [out] () -> Result<Void, PlanFileError> in
        Result { () throws(PlanFileError) in
          if let out { try PlanFiles.writePlan(finished, to: out) }
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
      console.out("Wrote \(out) (\(plan.summary.steps) steps).\n")
    }
    console.leaveToExit(plan)
    return failOnBlocking && plan.summary.blocking > 0 ? .blocked : .success
  }

  static func render(_ plan: ClosurePlan, format: String) -> String {
    switch format {
    case "json": String(decoding: PlanFiles.encodedPlan(plan), as: UTF8.self)
    case "markdown": MarkdownPlanRenderer().render(plan)
    case "mermaid": MermaidRenderer().render(plan)
    case "dot": DOTRenderer().render(plan)
    default: TextPlanRenderer().render(plan)
    }
  }

  private static func samePath(_ a: String, _ b: String) -> Bool {
    URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
      == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
