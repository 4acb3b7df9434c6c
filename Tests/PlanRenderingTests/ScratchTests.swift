import ClosurePlanner
import PlanRendering
import Testing

@Suite struct ScratchTests {
  @Test func dump() {
    let plan = PlanFixtures.small()
    print(TextPlanRenderer().render(plan))
    print("=====")
    print(BlockersRenderer().render(plan))
    print("=====")
    print(BlockersRenderer(style: .markdown).render(plan))
    print("=====")
    print(MarkdownPlanRenderer().render(plan))
    print("=====")
    print(MermaidRenderer().render(plan))
    print("=====")
    print(DOTRenderer().render(plan))
    let big = PlanFixtures.synthetic(members: 1_000, everyAccountBlocked: false)
    print("=====")
    print(TextPlanRenderer().render(big))
    print("=====")
    print(MarkdownPlanRenderer().render(big))
  }
}
