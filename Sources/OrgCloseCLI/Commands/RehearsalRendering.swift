import ClosurePlanner
import Foundation
import OrgCloseBasics
import OrgGraph
import PlanExecution
import PlanFiles

/// A rehearsal for a person (text) or a script (JSON): the result, the throughput against
/// AWS's bound, each phase planned beside achieved, and what happened on the way.
struct RehearsalRendering {
  var plan: ExecutablePlan
  var result: Rehearsal.Result
  var report: RehearsalReport
  var violations: [String]
  var settings: String

  /// How many events the text lists before it counts the rest.
  static let listedEvents = 40

  var text: String {
    var lines = [
      "Rehearsal of the shutdown of \(plan.organizationID) (\(plan.steps.count) steps) against a "
        + "fake organization built from the plan, on a virtual clock; nothing was sent to AWS.",
      "  " + settings,
    ]
    let end = result.ended.day
    let estimate = report.estimatedCompletion.map { " (the plan estimates \($0))" } ?? ""
    lines.append(
      result.finished
        ? "Result: every step done by \(end)\(estimate); \(result.runs) runs, "
          + "\(result.crashes) crashes."
        : "Result: NOT finished by \(end)\(estimate): a person or a blocker holds it (below); "
          + "\(result.runs) runs.")
    lines.append(
      violations.isEmpty
        ? "AWS's limits held (quota, 3 in flight, 20 s apart), and no change was sent twice."
        : "BROKEN: " + violations.prefix(5).joined(separator: "; "))
    lines.append(throughputLine)
    lines.append("")
    lines.append(
      pad("phase", 42) + pad("steps", 7) + pad("planned", 26) + "achieved")
    for phase in report.phases {
      lines.append(
        pad("  " + phase.name, 42) + pad("\(phase.steps)", 7) + pad(range(phase.planned), 26)
          + range(phase.achieved) + (phase.undone > 0 ? " (\(phase.undone) not done)" : ""))
    }
    if !result.events.isEmpty {
      lines.append("")
      lines.append("On the way (person steps, refusals, retries, crashes):")
      for event in result.events.prefix(Self.listedEvents) {
        lines.append("  \(event.time) \(event.kind.rawValue): \(OneLine.escaped(event.text))")
      }
      if result.events.count > Self.listedEvents {
        lines.append(
          "  … and \(result.events.count - Self.listedEvents) more (--format json lists all)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private var throughputLine: String {
    let count = report.closures.count
    guard let last = report.lastClosure else { return "Closures: none made." }
    var line = "Closures: \(count), the last on \(last.day)"
    if let share = report.shareOfBound {
      line += "; per 30 days \(report.fullWindows.map(String.init).joined(separator: ", ")) "
      line += "against AWS's bound of \(report.bound) (\(Int((share * 100).rounded())) %)"
    } else {
      line += "; all within 30 days (AWS's bound: \(report.bound) per 30 days)"
    }
    return line + "."
  }

  private func range(_ days: ClosedRange<CalendarDay>?) -> String {
    guard let days else { return "—" }
    return days.lowerBound == days.upperBound
      ? "\(days.lowerBound)" : "\(days.lowerBound) .. \(days.upperBound)"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
  }

  var json: String {
    struct Document: Encodable {
      struct Phase: Encodable {
        var name: String
        var steps: Int
        var plannedFirst: String?
        var plannedLast: String?
        var achievedFirst: String?
        var achievedLast: String?
        var undone: Int
      }
      struct Event: Encodable {
        var time: String
        var kind: String
        var text: String
      }
      var organization: String
      var finished: Bool
      var ended: String
      var estimatedCompletion: String?
      var runs: Int
      var crashes: Int
      var closures: Int
      var lastClosure: String?
      var closuresPerFull30Days: [Int]
      var boundPer30Days: Int
      var shareOfBound: Double?
      var violations: [String]
      var phases: [Phase]
      var events: [Event]
    }
    let document = Document(
      organization: plan.organizationID.rawValue, finished: result.finished,
      ended: result.ended.description,
      estimatedCompletion: report.estimatedCompletion?.description, runs: result.runs,
      crashes: result.crashes, closures: report.closures.count,
      lastClosure: report.lastClosure?.description, closuresPerFull30Days: report.fullWindows,
      boundPer30Days: report.bound,
      shareOfBound: report.shareOfBound.map { ($0 * 1000).rounded() / 1000 },
      violations: violations,
      phases: report.phases.map {
        .init(
          name: $0.name, steps: $0.steps, plannedFirst: $0.planned?.lowerBound.description,
          plannedLast: $0.planned?.upperBound.description,
          achievedFirst: $0.achieved?.lowerBound.description,
          achievedLast: $0.achieved?.upperBound.description, undone: $0.undone)
      },
      events: result.events.map {
        .init(time: $0.time.description, kind: $0.kind.rawValue, text: $0.text)
      })
    return String(decoding: PlanFiles.encode(document), as: UTF8.self)
  }
}
