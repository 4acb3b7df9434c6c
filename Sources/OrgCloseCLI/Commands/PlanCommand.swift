import ClosurePlanner
import Foundation
import OrgCloseBasics
import OrgGraph
import PlanFiles
import PlanRendering

/// `orgclose plan SNAPSHOT [--policy FILE] [--start DATE] [--out FILE] [--format F]`.
struct PlanCommand: Command {
  var run: PlanningRun
  var out: String?
  var format: PlanFormat
  /// Whether `--format` was given: with `--out`, the whole plan is printed only then.
  var formatGiven: Bool
  var failOnBlocking: Bool
  var redaction: PlanRedaction?
  var policyFile: String? { run.policyFile }

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .plan)
    let snapshot = try parsed.positionals("a snapshot file (orgclose plan SNAPSHOT)")[0]
    run = PlanningRun(
      command: "plan",
      snapshotFile: snapshot, policyFile: parsed.value("policy"),
      start: try PlanningRun.startDate(parsed.value("start"), command: "plan"))
    try DashArgument.checkOneStandardInput([snapshot, parsed.value("policy")], command: "plan")
    out = DashArgument.outputFile(parsed.value("out"))
    format = try parsed.format(PlanFormat.self) ?? .text
    formatGiven = parsed.value("format") != nil
    if parsed.value("out") == "-" {
      // `--out -` puts plan.json itself on standard output, where the rendering would go.
      guard parsed.value("format") == nil || format == .json else {
        throw UsageError(
          "plan: --out - writes plan.json to standard output; --format \(format.rawValue) cannot "
            + "go there too", command: "plan")
      }
      format = .json
    }
    failOnBlocking = parsed.flag("fail-on-blocking")
    redaction = RedactOption.redaction(parsed)
  }

  func run(_ console: Console) throws -> ExitStatus {
    var plan = try run.plan(today: console.today())
    if let redaction { plan = redaction.redacting(plan) }
    let finished = plan
    // The file is written while the output is rendered, on the other core; the output is
    // printed only once the file is safely in place.
    let summaryOnly = out != nil && !formatGiven
    let (written, output) = concurrently(
      { [out, run] () -> Result<Void, PlanFileError> in
        Result { () throws(PlanFileError) in
          if let out { try PlanFiles.writePlan(finished, to: out, protecting: run.inputFiles) }
        }
      },
      { [format] in summaryOnly ? "" : Self.render(finished, format: format) })
    try written.get()
    if let out, summaryOnly {
      console.out(Self.summary(plan, out: out, run: run, colours: console.usesColour))
    } else {
      console.out(format == .text && console.usesColour ? Self.coloured(output) : output)
      if let out, format == .text {
        console.out("Wrote \(OneLine.escaped(out)) (\(plan.summary.steps) steps).\n")
      }
    }
    return failOnBlocking && plan.summary.blocking > 0 ? .blocked : .success
  }

  /// What `plan --out FILE` prints without `--format`: where the plan went, its counts and
  /// dates, and the findings, blocking first.
  static func summary(_ plan: ClosurePlan, out: String, run: PlanningRun, colours: Bool)
    -> String
  {
    let summary = plan.summary
    let info = plan.findings.count { $0.severity == .info }
    let waves = (plan.steps.map(\.wave).max() ?? -1) + 1
    let members = plan.organization.memberCount
    var blocking = grouped(summary.blocking) + " blocking"
    if colours && summary.blocking > 0 { blocking = SeverityColour.painted(blocking, .blocking) }
    let windows = plan.closeQuota.windows
    var lines = [
      "Wrote \(OneLine.escaped(out)): \(counted(summary.steps, "step", "steps")) in "
        + "\(counted(waves, "wave", "waves")) (\(grouped(summary.apiSteps)) api, "
        + "\(grouped(summary.manualSteps)) manual, \(grouped(summary.waitSteps)) wait) for "
        + "\(counted(plan.accounts.count, "account", "accounts")) "
        + "(\(counted(members, "member", "members")))",
      "  Strategy \(plan.strategy.rawValue), from \(plan.startDate) to \(summary.estimatedCompletion), "
        + counted(windows, "closure window", "closure windows"),
      "  Findings: \(blocking), \(counted(summary.warnings, "warning", "warnings")), "
        + "\(grouped(info)) info",
    ]
    let file = OneLine.escaped(out)
    if summary.blocking > 0 {
      let blockers =
        ["orgclose blockers", run.snapshotFile] + (run.policyFile.map { ["--policy", $0] } ?? [])
      lines.append("  See what blocks: " + OneLine.escaped(blockers.joined(separator: " ")))
    } else {
      lines.append("  Read it: orgclose render \(file) (--format markdown for a pull request)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `1,234`.
  private static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (position, digit) in digits.enumerated() {
      if position > 0 && (digits.count - position) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return (number < 0 ? "-" : "") + result
  }

  /// `1 step`, `1,234 steps`.
  private static func counted(_ number: Int, _ singular: String, _ plural: String) -> String {
    "\(grouped(number)) \(number == 1 ? singular : plural)"
  }

  /// The text plan with its severity headings (`BLOCKING (1 in 1 code)`, `WARNINGS (…)`,
  /// `INFO (…)`) in their colours.
  ///
  /// Headings start at column 0, and everything quoted from the files is indented and
  /// escaped, so no name can look like one.
  static func coloured(_ text: String) -> String {
    let headings: [(String, ClosurePlan.Severity)] = [
      ("BLOCKING", .blocking), ("WARNINGS", .warning), ("INFO", .info),
    ]
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      for (word, severity) in headings where line.hasPrefix(word + " (") {
        return SeverityColour.painted(String(line), severity)
      }
      return String(line)
    }.joined(separator: "\n")
  }

  static func render(_ plan: ClosurePlan, format: PlanFormat) -> String {
    switch format {
    case .json: String(decoding: PlanFiles.encodedPlan(plan), as: UTF8.self)
    case .markdown: MarkdownPlanRenderer().render(plan)
    case .mermaid: MermaidRenderer().render(plan)
    case .gantt: GanttRenderer().render(plan)
    case .dot: DOTRenderer().render(plan)
    case .text: TextPlanRenderer().render(plan)
    }
  }
}
