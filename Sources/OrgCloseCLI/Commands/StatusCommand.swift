import ClosurePlanner
import Foundation
import OrgGraph
import PlanExecution
import PlanFiles

/// `orgclose status PLAN --journal FILE [--format text|markdown|json]`.
struct StatusCommand: Command {
  var planFile: String
  var journalFile: String
  var format: StatusFormat
  var environment: [String: String]

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .status)
    planFile = try parsed.positionals("a plan file (orgclose status PLAN --journal FILE)")[0]
    journalFile = try parsed.required("journal")
    format = try parsed.format(StatusFormat.self) ?? .text
    environment = ProcessInfo.processInfo.environment
  }

  func run(_ console: Console) throws -> ExitStatus {
    let plan = try PlanFiles.readPlan(planFile)
    let organizationID = plan.organization.id.rawValue
    let journal = JournalState(try JournalFile.read(journalFile))
    if let organization = journal.organization, organization != plan.organization.id {
      throw JournalError.otherOrganization(
        file: journalFile, found: organization.rawValue, expected: organizationID)
    }
    let report = StatusReport(
      plan: ExecutablePlan(plan), journal: journal, now: RunClock(environment: environment).now())
    switch format {
    case .json: console.out(StatusRendering.json(report, organization: organizationID))
    case .markdown: console.out(StatusRendering.markdown(report, organization: organizationID))
    case .text: console.out(StatusRendering.text(report, organization: organizationID))
    }
    return .success
  }
}

/// The three forms of `status`.
enum StatusRendering {
  static let columns = StatusReport.Category.allCases

  static func text(_ report: StatusReport, organization: String) -> String {
    var lines = ["Status of the shutdown of \(organization) at \(report.now):"]
    lines.append(
      "phase".padding(toLength: 34, withPad: " ", startingAt: 0)
        + columns.map { $0.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) }
        .joined())
    for row in report.phases + report.windows {
      lines.append(
        ("  " + row.name).padding(toLength: 34, withPad: " ", startingAt: 0)
          + columns.map {
            "\(row.counts[$0] ?? 0)".padding(toLength: 8, withPad: " ", startingAt: 0)
          }.joined())
    }
    lines.append("Closures left in the current 30-day window: \(report.closuresLeft)")
    lines.append("Next date anything becomes due: \(report.next.map { "\($0)" } ?? "none")")
    let person = report.needsPerson
    if !person.isEmpty {
      lines.append("Waiting on a person:")
      for entry in person {
        lines.append("  \(entry.step.id): \(entry.step.title) (\(entry.detail))")
        lines += entry.step.tasks.map { "    - \($0)" }
      }
    }
    for entry in report.entries where entry.category == .failed || entry.category == .skipped {
      lines.append("  \(entry.category.rawValue): \(entry.step.id): \(entry.detail)")
    }
    let waits = datedWaitLines(report, item: { "  \($0)" })
    if !waits.isEmpty { lines += ["Waiting for a date:"] + waits }
    return lines.joined(separator: "\n") + "\n"
  }

  /// How many dated waits the text and Markdown forms list; JSON lists them all.
  static let listedWaits = 20

  /// The first `listedWaits` steps waiting for a date, each made a line by `item`, and how
  /// many more there are.
  static func datedWaitLines(_ report: StatusReport, item: (String) -> String) -> [String] {
    let waits = report.datedWaits
    var lines = waits.prefix(listedWaits).map {
      item("\($0.step.id): until \($0.until.map { "\($0)" } ?? "") (\($0.detail))")
    }
    if waits.count > listedWaits { lines.append(item("… and \(waits.count - listedWaits) more")) }
    return lines
  }

  static func markdown(_ report: StatusReport, organization: String) -> String {
    var lines = [
      "## Shutdown of `\(organization)`: status at \(report.now)", "",
      "| phase | " + columns.map(\.rawValue).joined(separator: " | ") + " |",
      "|---|" + columns.map { _ in "---:" }.joined(separator: "|") + "|",
    ]
    for row in report.phases + report.windows {
      lines.append(
        "| \(row.name) | " + columns.map { "\(row.counts[$0] ?? 0)" }.joined(separator: " | ")
          + " |")
    }
    lines += [
      "",
      "Closures left in the current 30-day window: **\(report.closuresLeft)**. Next date "
        + "anything becomes due: **\(report.next.map { "\($0.day)" } ?? "none")**.", "",
    ]
    let person = report.needsPerson
    if !person.isEmpty {
      lines.append("### Waiting on a person")
      for entry in person {
        lines.append("- `\(entry.step.id)`: \(entry.step.title) (\(entry.detail))")
        lines += entry.step.tasks.map { "  - \($0)" }
      }
      lines.append("")
    }
    let waits = Self.datedWaitLines(report, item: { "- \($0)" })
    if !waits.isEmpty { lines += ["### Waiting for a date"] + waits + [""] }
    lines += ["```mermaid", "gantt", "  dateFormat YYYY-MM-DD", "  title Planned and actual"]
    for (phase, entries) in phaseEntries(report) {
      let planned = entries.compactMap(\.step.notBefore)
      guard let first = planned.min() else { continue }
      lines.append("  section \(phase)")
      lines.append(
        "  planned :\(first), \(max(1, (planned.max() ?? first).daysSince1970 - first.daysSince1970 + 1))d"
      )
      let started = entries.compactMap(\.started).min()
      if let started {
        let end = entries.compactMap(\.finished).max() ?? report.now
        let days = max(1, end.day.daysSince1970 - started.day.daysSince1970 + 1)
        let done = entries.allSatisfy { $0.category == .done }
        lines.append("  actual :\(done ? "done" : "active"), \(started.day), \(days)d")
      }
    }
    lines += ["```", ""]
    return lines.joined(separator: "\n")
  }

  private static func phaseEntries(_ report: StatusReport) -> [(String, [StatusReport.Entry])] {
    var order: [String] = []
    var groups: [String: [StatusReport.Entry]] = [:]
    for entry in report.entries {
      let phase = entry.step.action.name.rawValue
      if groups[phase] == nil { order.append(phase) }
      groups[phase, default: []].append(entry)
    }
    return order.map { ($0, groups[$0] ?? []) }
  }

  static func json(_ report: StatusReport, organization: String) -> String {
    struct Document: Encodable {
      struct Row: Encodable {
        var name: String
        var counts: [String: Int]
      }
      struct Step: Encodable {
        var id: String
        var status: String
        var detail: String
        var until: String?
        var tasks: [String]?
      }
      var organization: String
      var now: String
      var next: String?
      var closuresLeftInWindow: Int
      var phases: [Row]
      var windows: [Row]
      var steps: [Step]
    }
    func row(_ row: StatusReport.Row) -> Document.Row {
      Document.Row(
        name: row.name,
        counts: Dictionary(uniqueKeysWithValues: columns.map { ($0.rawValue, row.counts[$0] ?? 0) })
      )
    }
    let document = Document(
      organization: organization, now: report.now.description,
      next: report.next?.description, closuresLeftInWindow: report.closuresLeft,
      phases: report.phases.map(row), windows: report.windows.map(row),
      steps: report.entries.map {
        Document.Step(
          id: $0.step.id.rawValue, status: $0.category.rawValue, detail: $0.detail,
          until: $0.until?.description,
          tasks: $0.category == .person ? $0.step.tasks : nil)
      })
    return String(decoding: PlanFiles.encode(document), as: UTF8.self)
  }
}
