import ClosurePlanner
import OrgGraph
import PlanRendering
import TestSupport
import Testing

/// The timeline keeps to Mermaid's documented `gantt` grammar, line by line.
@Suite struct GanttRendererTests {
  /// The line forms of Mermaid's gantt syntax the renderer uses: the header, `title`,
  /// `dateFormat`, `axisFormat`, `section`, and tasks with an ID, a date and a duration
  /// (milestones with the `milestone` tag and `0d`).
  static var grammar: [(String, Regex<Substring>)] {
    [
      ("header", /gantt/),
      ("title", /\  title [A-Za-z0-9 (),.\-]+/),
      ("dateFormat", /\  dateFormat YYYY-MM-DD/),
      ("axisFormat", /\  axisFormat %Y-%m-%d/),
      ("section", /\  section [A-Za-z ]+/),
      ("task", /\  [A-Za-z0-9 (),.\-]+ :[a-z][a-z0-9\-]*, \d{4}-\d{2}-\d{2}, [1-9]\d*d/),
      ("milestone", /\  [A-Za-z0-9 (),.\-]+ :milestone, [a-z][a-z0-9\-]*, \d{4}-\d{2}-\d{2}, 0d/),
    ]
  }

  static func check(_ chart: String) {
    let lines = chart.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.last == "", "the chart ends with a line break")
    #expect(lines.first == "gantt")
    let grammar = Self.grammar
    var ids: Set<Substring> = []
    for line in lines.dropLast() {
      let form = grammar.first { (try? $0.1.wholeMatch(in: line)) != nil }
      #expect(form != nil, "not gantt grammar: \(line)")
      if let id = line.split(separator: ":").dropFirst().first?.split(separator: ",")
        .map({ $0.trimmingPrefix(" ") }).first(where: { $0 != "milestone" })
      {
        #expect(ids.insert(id).inserted, "task ID \(id) used twice")
      }
    }
  }

  /// Plans of random organizations under every strategy.
  static func plans() throws -> [ClosurePlan] {
    try (1...40).map { seed in
      var random = RandomOrganization(seed: UInt64(seed))
      let (organization, policy) = try random.make()
      return try Fixtures.plan(organization, policy: policy)
    }
  }

  @Test("every line of every random plan's chart is gantt grammar")
  func chartsKeepToTheGrammar() throws {
    for plan in try Self.plans() + [PlanFixtures.small(), PlanFixtures.synthetic(members: 600)] {
      Self.check(GanttRenderer().render(plan))
    }
  }

  @Test("names that would break the chart are blanked out")
  func hostileNamesAreNeutralised() throws {
    var plan = PlanFixtures.small()
    plan.organization.id = "o-x:y;#%%z\nsection Evil"
    let chart = GanttRenderer().render(plan)
    Self.check(chart)
    #expect(!chart.contains("\n  section Evil"), "a name cannot start a line of its own")
  }

  @Test("the chart has each phase and the day the organization is gone")
  func phasesAreShown() throws {
    for plan in try Self.plans() {
      let chart = GanttRenderer().render(plan)
      #expect(chart.contains("Export billing history :export, \(plan.startDate), 1d"))
      let management = plan.steps.last { $0.action.name.rawValue == "close-management-account" }
      if plan.step("delete-organization") != nil || management != nil {
        #expect(chart.contains("Organization gone :milestone, gone, "))
      }
      if plan.strategy == .closeInPlace, let close = management?.notBefore {
        // Rule F45: AWS deletes the organization 90 days after the management account closes.
        #expect(chart.contains("gone, \(close.adding(days: 90)), 0d"))
      }
      let windows = Set(
        plan.steps.compactMap { $0.action.name.rawValue == "close-account" ? $0.window : nil })
      for window in windows { #expect(chart.contains(":w\(window), ")) }
      if let delete = plan.step("delete-organization")?.notBefore {
        #expect(chart.contains("DeleteOrganization :milestone, delete, \(delete), 0d"))
        #expect(chart.contains("gone, \(delete), 0d"))
      }
    }
  }

  @Test("a calendar of many windows draws the first 23 and one bar for the rest")
  func longCalendarsShareABar() {
    var plan = PlanFixtures.synthetic(members: 300)
    var window = 0
    for position in plan.steps.indices
    where plan.steps[position].action.name.rawValue == "close-account" {
      window += 1
      plan.steps[position].window = window
    }
    let chart = GanttRenderer().render(plan)
    Self.check(chart)
    #expect(chart.contains("Window 23 (1 closure) :w23, "))
    #expect(chart.contains("Windows 24 to 300 (277 closures) :w24, "))
    #expect(chart.split(separator: "\n").count { $0.contains(":w") } == 24)
  }
}
