import ClosurePlanner
import PlanRendering
import Testing

/// A renderer under test, named for the test output.
struct NamedRenderer: Sendable, CustomTestStringConvertible {
  var name: String
  var renderer: any PlanRenderer
  var testDescription: String { name }

  static let all = [
    NamedRenderer(name: "text", renderer: TextPlanRenderer()),
    NamedRenderer(name: "markdown", renderer: MarkdownPlanRenderer()),
    NamedRenderer(name: "mermaid", renderer: MermaidRenderer()),
    NamedRenderer(name: "dot", renderer: DOTRenderer()),
    NamedRenderer(name: "blockers text", renderer: BlockersRenderer(style: .text)),
    NamedRenderer(name: "blockers markdown", renderer: BlockersRenderer(style: .markdown)),
  ]
}

@Suite struct DeterminismTests {
  static let plans = [PlanFixtures.small(), PlanFixtures.synthetic(members: 1_000)]

  @Test(arguments: NamedRenderer.all)
  func rendersTheSamePlanToTheSameText(_ named: NamedRenderer) {
    for plan in Self.plans {
      let first = named.renderer.render(plan)
      let second = named.renderer.render(plan)
      #expect(first == second)
    }
  }

  @Test(arguments: NamedRenderer.all)
  func endsLinesWithLineFeedsAndTheTextWithOne(_ named: NamedRenderer) {
    for plan in Self.plans {
      let text = named.renderer.render(plan)
      #expect(text.hasSuffix("\n"))
      #expect(!text.hasSuffix("\n\n"))
      #expect(!text.unicodeScalars.contains("\r"))
    }
  }
}
