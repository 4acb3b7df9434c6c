import ClosurePlanner
import OrgGraph
import PlanRendering
import Testing

/// A synthetic organization size for the size-bound tests.
struct SizeCase: Sendable, CustomTestStringConvertible {
  var members: Int
  var everyAccountBlocked = false
  var testDescription: String {
    "\(members) members" + (everyAccountBlocked ? ", every one blocked" : "")
  }
}

@Suite struct MarkdownPlanRendererTests {
  static let hostile =
    "Evil\" | `x` <script>alert(1)</script> [a](b) *b* @team #\\ \n```\n; } ] ) 日本 &amp;"

  @Test(arguments: [
    SizeCase(members: 10), SizeCase(members: 1_000), SizeCase(members: 20_000),
    SizeCase(members: 10, everyAccountBlocked: true),
    SizeCase(members: 1_000, everyAccountBlocked: true),
    SizeCase(members: 20_000, everyAccountBlocked: true),
  ])
  func staysUnderTheGitHubCommentLimit(_ size: SizeCase) {
    let plan = PlanFixtures.synthetic(
      members: size.members, everyAccountBlocked: size.everyAccountBlocked)
    let markdown = MarkdownPlanRenderer().render(plan)
    #expect(markdown.utf8.count < MarkdownPlanRenderer.characterLimit)
    #expect(markdown.hasPrefix("## orgclose plan for organization o-exampleorgid\n"))
    #expect(markdown.hasSuffix("\n"))
  }

  @Test func listsEveryStepOfASmallPlan() {
    let markdown = MarkdownPlanRenderer().render(PlanFixtures.synthetic(members: 10))
    #expect(markdown.contains("#### Wave 1 (10 steps, 2026-12-01)\n"))
    #expect(
      markdown.contains(
        "| Close Workload 3 (100000000003) with CloseAccount | api | organizations:CloseAccount "
          + "| Workload 3 (100000000003) | Root/Unit 3 | 2026-12-01 (window 1) |\n"))
    #expect(markdown.contains("| 1 | 2026-12-01 | 250 | 10 |\n"))
    #expect(markdown.contains("\n```mermaid\nflowchart LR\n"))
    #expect(!markdown.contains("Left out"))
  }

  @Test func putsBlockersFirstWithTheirRemediation() throws {
    let markdown = MarkdownPlanRenderer().render(PlanFixtures.small())
    let blocking = try #require(markdown.firstRange(of: "### Blocking findings (1)"))
    let warnings = try #require(markdown.firstRange(of: "### Warnings (1)"))
    let steps = try #require(markdown.firstRange(of: "### Steps (7 in 5 waves)"))
    #expect(blocking.lowerBound < warnings.lowerBound && warnings.lowerBound < steps.lowerBound)
    #expect(
      markdown.contains(
        "| Sandbox (333333333333) | Root/Dev | ACCOUNT\\_SUSPENDED\\_BY\\_AWS | Sandbox "
          + "(333333333333) is SUSPENDED by AWS (not a customer closure, rule A6); how "
          + "CloseAccount and RemoveAccountFromOrganization treat it is undocumented | Contact "
          + "AWS Support about the suspension before acting on this account |\n"))
    #expect(markdown.contains("> [!CAUTION]\n> **1 blocking finding**"))
  }

  @Test func summarisesALargePlanAndSaysWhatItLeftOut() {
    let markdown = MarkdownPlanRenderer().render(PlanFixtures.synthetic(members: 1_000))
    for window in 1...4 {
      let start = PlanFixtures.startDate.adding(days: 30 * (window - 1))
      #expect(markdown.contains("\n| \(window) | \(start) | 250 | 250 |\n"))
    }
    #expect(markdown.contains("\n| Root/Unit 7 | 25 | 25 | 0 | 0 | 0 |\n"))
    #expect(
      markdown.contains(
        "\n| 1 | api | close-account (per account) | 1,000 | 1–4 | 2026-12-01 … 2027-03-01 |\n"))
    #expect(markdown.contains("<details><summary>Show the first "))
    #expect(markdown.contains("\n### Left out of this summary\n\n- The list of all 2,002 steps"))
    #expect(markdown.contains("s1[\"close-account × 250 #40;window 1#41;\"]:::api"))
    #expect(!markdown.contains("#### Wave"))
  }

  @Test func reportsBlockingFindingsThatDidNotFit() {
    let markdown = MarkdownPlanRenderer().render(
      PlanFixtures.synthetic(members: 20_000, everyAccountBlocked: true))
    #expect(markdown.contains("\n| BLOCKING | UNKNOWN\\_ACCOUNT\\_STATE | 20,000 | 20,000 |\n"))
    #expect(markdown.contains("more blocking findings did not fit in this comment.**"))
    #expect(markdown.contains("\n- "))
    #expect(markdown.contains("of 20,000 blocking findings (`orgclose blockers` lists them all)."))
  }

  @Test func foldsLongCalendarsAndOUListsIntoATailRow() {
    var plan = PlanFixtures.synthetic(members: 20_000)
    // One closure per window: 20,000 windows cannot each get a row.
    for position in plan.steps.indices where plan.steps[position].action == "close-account" {
      let window = position
      plan.steps[position].window = window
      plan.steps[position].notBefore = PlanFixtures.startDate.adding(days: 30 * (window - 1))
    }
    plan.closeQuota.perWindow = 1
    plan.closeQuota.firstWindow = 1
    plan.closeQuota.windows = 20_000
    for position in plan.accounts.indices {
      plan.accounts[position].path = "Root/OU \(position)"
    }
    let markdown = MarkdownPlanRenderer().render(plan)
    #expect(markdown.utf8.count < MarkdownPlanRenderer.characterLimit)
    #expect(markdown.contains(" | — | "))
    #expect(markdown.contains("\n| … "))
    #expect(markdown.contains("they share the calendar's last row."))
    #expect(markdown.contains("they share the table's last row."))
  }

  @Test(arguments: [10, 1_000])
  func escapesHostileNames(_ members: Int) {
    var plan = PlanFixtures.synthetic(members: members, everyAccountBlocked: true)
    for position in plan.accounts.indices {
      plan.accounts[position].name = Self.hostile
      plan.accounts[position].path = "Root/" + Self.hostile
    }
    for position in plan.steps.indices { plan.steps[position].title = Self.hostile }
    for position in plan.findings.indices {
      plan.findings[position].message = Self.hostile
      plan.findings[position].remediation = Self.hostile
    }
    let markdown = MarkdownPlanRenderer().render(plan)
    #expect(markdown.utf8.count < MarkdownPlanRenderer.characterLimit)
    #expect(!markdown.contains("<script"))
    // Mentions are neutralised in Markdown; inside the Mermaid block GitHub links nothing.
    let prose = markdown.split(separator: "```mermaid", maxSplits: 1).first ?? ""
    #expect(!prose.contains("@team"))
    #expect(prose.contains("@&#8203;team"))
    #expect(markdown.contains("&lt;script&gt;"))
    #expect(tablesHaveConsistentColumns(markdown))
    // The timeline, then the step graph.
    #expect(fences(in: markdown) == ["```mermaid", "```", "```mermaid", "```"])
    for label in mermaidLabels(in: markdown) {
      #expect(!label.contains(where: { "\"[]<>`|\n".contains($0) }))
    }
  }

  /// Whether every line of each table has as many unescaped pipes as the table's first line.
  private func tablesHaveConsistentColumns(_ markdown: String) -> Bool {
    var expected: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        expected = nil
        continue
      }
      let pipes = unescapedPipes(in: line)
      if expected == nil { expected = pipes }
      if pipes != expected { return false }
    }
    return true
  }

  private func unescapedPipes(in line: Substring) -> Int {
    var count = 0
    var escaped = false
    for character in line {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        count += 1
      }
    }
    return count
  }

  /// The lines that open or close a fenced block.
  private func fences(in markdown: String) -> [Substring] {
    markdown.split(separator: "\n").filter { $0.hasPrefix("```") }
  }

  /// The text between `["` and `"]` of each Mermaid node line.
  private func mermaidLabels(in markdown: String) -> [Substring] {
    markdown.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("    s"), let open = line.firstRange(of: "[\""),
        let close = line[open.upperBound...].firstRange(of: "\"]:::")
      else { return nil }
      return line[open.upperBound..<close.lowerBound]
    }
  }
}
