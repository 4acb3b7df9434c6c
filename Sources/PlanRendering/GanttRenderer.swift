public import ClosurePlanner
import OrgGraph

/// Renders the plan's timeline as a Mermaid `gantt` chart, the text inside a
/// ```` ```mermaid ```` block: preparation, each closure window with its number of closures,
/// the waits, `DeleteOrganization`, the management account's closure and the day the
/// organization is gone.
///
/// Every line keeps to Mermaid's documented gantt grammar: `dateFormat`, `axisFormat`,
/// `title`, `section` and task lines `Title :id, YYYY-MM-DD, Nd` (milestones
/// `Title :milestone, id, YYYY-MM-DD, 0d`). Titles hold only letters, digits, spaces and
/// `( ) , . -`, so no name can break the chart.
public struct GanttRenderer: PlanRenderer {
  /// Creates a gantt renderer.
  public init() {}

  /// Renders `plan`'s timeline.
  public func render(_ plan: ClosurePlan) -> String {
    Self.render(Timeline(plan), organization: plan.organization.id.rawValue)
  }

  static func render(_ timeline: Timeline, organization: String) -> String {
    var lines = [
      "gantt",
      "  title Shutdown of organization \(Self.text(organization))",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
    ]
    for section in Timeline.Entry.Section.allCases {
      let entries = timeline.entries(in: section)
      guard !entries.isEmpty else { continue }
      lines.append("  section \(section.rawValue)")
      for entry in entries {
        let title = Self.text(entry.title)
        lines.append(
          entry.isMilestone
            ? "  \(title) :milestone, \(entry.id), \(entry.start), 0d"
            : "  \(title) :\(entry.id), \(entry.start), \(entry.days)d")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` with every character outside the gantt-safe set replaced by a space.
  static func text(_ text: String) -> String {
    String(
      text.unicodeScalars.map { scalar -> Character in
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", " ", "(", ")", ",", ".", "-": Character(scalar)
        default: " "
        }
      })
  }
}
