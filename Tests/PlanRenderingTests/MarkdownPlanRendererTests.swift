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
  func everyCommentStaysUnderTheGitHubLimit(_ size: SizeCase) {
    let plan = PlanFixtures.synthetic(
      members: size.members, everyAccountBlocked: size.everyAccountBlocked)
    let comments = MarkdownPlanRenderer().comments(plan)
    #expect(comments.count <= MarkdownPlanRenderer.maximumComments)
    for (position, comment) in comments.enumerated() {
      #expect(comment.utf8.count < MarkdownPlanRenderer.characterLimit)
      #expect(
        comment.hasPrefix(
          MarkdownPlanRenderer.marker(part: position + 1, of: comments.count) + "\n"))
      #expect(comment.hasSuffix("\n"))
      #expect(tablesHaveConsistentColumns(comment))
    }
    #expect(comments[0].contains("## orgclose plan for organization o-exampleorgid\n"))
    #expect(MarkdownPlanRenderer().render(plan) == comments.joined(separator: "\n"))
  }

  @Test func listsEveryStepOfASmallPlanInOneComment() {
    let comments = MarkdownPlanRenderer().comments(PlanFixtures.synthetic(members: 10))
    #expect(comments.count == 1)
    let markdown = comments[0]
    #expect(markdown.contains("#### Wave 1 (10 steps, 2026-12-01)\n"))
    #expect(
      markdown.contains(
        "| Close Workload 3 (100000000003) with CloseAccount | api | organizations:CloseAccount "
          + "| Workload 3 (100000000003) | Root/Unit 3 | 2026-12-01 (window 1) |\n"))
    #expect(markdown.contains("| 1 | 2026-12-01 | 250 | 10 |\n"))
    #expect(markdown.contains("\n```mermaid\nflowchart LR\n"))
    #expect(markdown.contains("\n```mermaid\ngantt\n"))
    #expect(!markdown.contains("comment 1 of"))
  }

  @Test func putsDecisionsAndBlockersFirstWithTheirRemediation() throws {
    let markdown = MarkdownPlanRenderer().render(PlanFixtures.small())
    let protected = try #require(markdown.firstRange(of: "### Protected accounts (0)"))
    let blocking = try #require(markdown.firstRange(of: "### Blocking findings (1 in 1 code)"))
    let warnings = try #require(markdown.firstRange(of: "### Warnings (1 in 1 code)"))
    let steps = try #require(markdown.firstRange(of: "### Steps (7 in 5 waves)"))
    let accounts = try #require(markdown.firstRange(of: "### Accounts (3)"))
    #expect(protected.lowerBound < blocking.lowerBound)
    #expect(blocking.lowerBound < warnings.lowerBound && warnings.lowerBound < steps.lowerBound)
    #expect(steps.lowerBound < accounts.lowerBound)
    #expect(
      markdown.contains(
        "| ACCOUNT\\_SUSPENDED\\_BY\\_AWS | 1 | Sandbox (333333333333) | Sandbox "
          + "(333333333333) is SUSPENDED by AWS (not a customer closure, rule A6); how "
          + "CloseAccount and RemoveAccountFromOrganization treat it is undocumented | Contact "
          + "AWS Support about the suspension before acting on this account |\n"))
    #expect(markdown.contains("> [!CAUTION]\n> **1 blocking finding**"))
  }

  @Test func splitsALargePlanIntoNumberedCommentsWithEveryAccount() {
    let comments = MarkdownPlanRenderer().comments(PlanFixtures.synthetic(members: 5_000))
    #expect(comments.count > 1)
    let markdown = comments.joined(separator: "\n")
    for window in 1...20 {
      let start = PlanFixtures.startDate.adding(days: 30 * (window - 1))
      #expect(markdown.contains("\n| \(window) | \(start) | 250 | 250 |\n"))
    }
    // Every member has its row, in folds, continued across comments.
    for n in [0, 2_499, 4_999] {
      let id = String(100_000_000_000 + n)
      #expect(markdown.contains("| Workload \(n) (\(id)) |"), "account \(id)")
    }
    #expect(comments[1].contains("### Accounts (5,001) (continued)"))
    #expect(markdown.contains("<details><summary>Accounts 1–"))
    #expect(comments[0].contains("comment 1 of \(comments.count): the plan is too large"))
    #expect(!markdown.contains("did not fit"))
    #expect(
      markdown.contains(
        "\n| 1 | api | close-account (per account) | 5,000 | 1–20 | 2026-12-01 … "))
  }

  @Test func groupsBlockingFindingsAndPointsToTheAccountView() {
    let comments = MarkdownPlanRenderer().comments(
      PlanFixtures.synthetic(members: 20_000, everyAccountBlocked: true))
    let markdown = comments.joined(separator: "\n")
    // 20,000 blocking findings of one code are one row in the first comment.
    #expect(comments[0].contains("| UNKNOWN\\_ACCOUNT\\_STATE | 20,000 | 20,000 accounts: "))
    #expect(comments.count == MarkdownPlanRenderer.maximumComments)
    #expect(
      markdown.contains(
        "and the sections after it did not fit in \(MarkdownPlanRenderer.maximumComments) "
          + "comments.** `orgclose render plan.json --account ID` shows any account."))
  }

  @Test func timelineOfALongCalendarFitsTheFirstComment() {
    var plan = PlanFixtures.synthetic(members: 20_000)
    // One closure per window: 20,000 windows. The steps are changed in one copy and set
    // once: each change of `plan.steps` replaces the plan's lookup.
    var steps = plan.steps
    for position in steps.indices where steps[position].action.name.rawValue == "close-account" {
      let window = position
      steps[position].window = window
      steps[position].notBefore = PlanFixtures.startDate.adding(days: 30 * (window - 1))
    }
    plan.steps = steps
    plan.closeQuota.perWindow = 1
    plan.closeQuota.firstWindow = 1
    plan.closeQuota.windows = 20_000
    let comments = MarkdownPlanRenderer().comments(plan)
    #expect(comments.allSatisfy { $0.utf8.count < MarkdownPlanRenderer.characterLimit })
    #expect(comments[0].contains("### Closure calendar"))
    #expect(comments.joined().contains("### Closure calendar (continued)"))
    #expect(comments.joined().contains("\n```mermaid\ngantt\n"))
  }

  @Test(arguments: [10, 1_000])
  func escapesHostileNames(_ members: Int) {
    var plan = PlanFixtures.synthetic(members: members, everyAccountBlocked: true)
    for position in plan.accounts.indices {
      plan.accounts[position].name = Self.hostile
      plan.accounts[position].path = "Root/" + Self.hostile
    }
    for position in plan.steps.indices { plan.steps[position].tasks = [.text(Self.hostile)] }
    for position in plan.findings.indices {
      plan.findings[position].message = Self.hostile
      plan.findings[position].remediation = Self.hostile
    }
    for markdown in MarkdownPlanRenderer().comments(plan) {
      #expect(markdown.utf8.count < MarkdownPlanRenderer.characterLimit)
      #expect(!markdown.contains("<script"))
      // Mentions are neutralised in Markdown; inside the Mermaid block GitHub links nothing.
      let prose = markdown.split(separator: "```mermaid", maxSplits: 1).first ?? ""
      #expect(!prose.contains("@team"))
      #expect(tablesHaveConsistentColumns(markdown))
      #expect(fences(in: markdown).count % 2 == 0)
      for label in mermaidLabels(in: markdown) {
        #expect(!label.contains(where: { "\"[]<>`|\n".contains($0) }))
      }
    }
    let first = MarkdownPlanRenderer().comments(plan)[0]
    #expect(first.contains("@&#8203;team"))
    #expect(first.contains("&lt;script&gt;"))
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
