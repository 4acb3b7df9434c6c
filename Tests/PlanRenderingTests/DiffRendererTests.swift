import ClosurePlanner
import OrgGraph
import PlanRendering
import Testing

/// `DiffRenderer`: the text and Markdown forms of a plan diff.
@Suite struct DiffRendererTests {
  @Test("identical plans say so in both styles")
  func identical() {
    let plan = PlanFixtures.small()
    let diff = PlanDiff(from: plan, to: plan)
    #expect(
      DiffRenderer(style: .text).render(diff, organizationID: "o-exampleorgid")
        == "Plan changes for organization o-exampleorgid\n  No changes: the plans are identical.\n")
    #expect(
      DiffRenderer(style: .markdown).render(diff, organizationID: "o-exampleorgid")
        == "## Plan changes for organization o-exampleorgid\n\n"
        + "**No changes: the plans are identical.**\n")
  }

  @Test("the text form of a small diff, in full")
  func smallText() {
    let old = PlanFixtures.small()
    var new = old
    new.steps[2].notBefore = PlanFixtures.startDate.adding(days: 30)
    new.steps[2].window = 2
    new.findings.remove(at: 1)
    new.accounts[2].path = "Root/Archive"
    let text = DiffRenderer().render(PlanDiff(from: old, to: new), organizationID: "o-exampleorgid")
    #expect(
      text == """
        Plan changes for organization o-exampleorgid
          1 account changed; 1 step changed; 1 finding resolved
          By risk: 1 with dates moved
          (+ added, - removed or resolved, ~ changed)

        ~ Payments (222222222222)  Root/Archive
          ~ path: Root/Prod → Root/Archive
          ~ step close-account:222222222222
              window: 1 → 2
              notBefore: 2026-12-01 → 2026-12-31
          - finding ROUTE53_DOMAINS (warning), resolved
              Payments (222222222222) has Route 53 domains; they stay registered and keep renewing after the
              account is closed

        """)
  }

  @Test("hostile names are escaped in both styles")
  func hostileNames() {
    let hostile = MarkdownPlanRendererTests.hostile
    let old = PlanFixtures.small()
    var new = PlanFixtures.hostile(hostile)
    new.steps.append(
      PlanFixtures.step(
        "prepare-account:333333333333", .manual, account: "333333333333", wave: 1, after: []))
    let diff = PlanDiff(from: old, to: new)
    let markdown = DiffRenderer(style: .markdown).render(diff, organizationID: "o-exampleorgid")
    #expect(!markdown.contains("<script>"))
    #expect(!markdown.contains("@team"))
    #expect(!markdown.contains("```"))
    #expect(markdown.contains("&lt;script&gt;"))
    for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
      // Every table row keeps its three cells: no name adds an unescaped pipe.
      let pipes = line.count { $0 == "|" } - line.matches(of: /\\\|/).count
      #expect(pipes == 4, "row \"\(line)\"")
    }
    let text = DiffRenderer(style: .text).render(diff, organizationID: "o-exampleorgid")
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!text.contains("\n```"))
  }

  @Test("the Markdown form stays under the comment limit and says what it left out")
  func markdownSizeBound() {
    let old = PlanFixtures.synthetic(members: 4_000)
    var new = old
    for position in new.steps.indices where new.steps[position].window != nil {
      new.steps[position].window = (new.steps[position].window ?? 0) + 1
      new.steps[position].notBefore = new.steps[position].notBefore?.adding(days: 30)
    }
    let diff = PlanDiff(from: old, to: new)
    let markdown = DiffRenderer(style: .markdown).render(diff, organizationID: "o-exampleorgid")
    #expect(markdown.utf8.count < MarkdownPlanRenderer.characterLimit)
    #expect(
      markdown.hasPrefix(
        "## Plan changes for organization o-exampleorgid\n\n**4,000 accounts changed; 4,000 steps changed"
      ))
    #expect(markdown.contains(#/\n_[0-9,]+ more changes in [0-9,]+ sections are not shown: /#))
    #expect(markdown.hasSuffix("Run `orgclose diff` to see them all._\n"))
    let text = DiffRenderer(style: .text).render(diff, organizationID: "o-exampleorgid")
    #expect(text.split(separator: "\n").count { $0.hasPrefix("  ~ step close-account:") } == 4_000)
  }
}
