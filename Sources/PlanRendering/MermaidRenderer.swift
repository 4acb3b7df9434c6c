public import ClosurePlanner

/// Renders the step graph as a Mermaid flowchart, the text inside a ```` ```mermaid ```` block.
///
/// Nodes are named after step indexes (`s0`, `s1`…) and sit in one subgraph per wave; their
/// labels are escaped for Mermaid (`#quot;`, `#lt;`…). A plan of more than 150 steps is drawn
/// with one node per (wave, action, window), labelled with its count, and edges between those
/// nodes are deduplicated.
public struct MermaidRenderer: PlanRenderer {
  /// Creates a Mermaid renderer.
  public init() {}

  /// Renders `plan`'s step graph.
  public func render(_ plan: ClosurePlan) -> String {
    Self.render(StepGraph(automatic: plan), stepCount: plan.steps.count)
  }

  /// Renders an already built graph of a plan with `stepCount` steps.
  static func render(_ graph: StepGraph, stepCount: Int) -> String {
    var lines = ["flowchart LR"]
    if graph.isGrouped {
      lines.append(
        "  %% \(TextFormatting.counted(stepCount, "step", "steps")) drawn as "
          + "\(TextFormatting.counted(graph.nodes.count, "node", "nodes")), "
          + "similar steps grouped with their count")
    }
    lines += [
      "  classDef api fill:#dbeafe,stroke:#1d4ed8,color:#111827",
      "  classDef manual fill:#fef3c7,stroke:#b45309,color:#111827",
      "  classDef wait fill:#dcfce7,stroke:#15803d,color:#111827",
    ]
    for (wave, members) in graph.waves {
      lines.append("  subgraph w\(wave)[\"Wave \(wave)\"]")
      for position in members {
        let node = graph.nodes[position]
        lines.append(
          "    \(node.id)[\"\(TextEscaping.mermaidLabel(node.label))\"]:::\(node.kind.rawValue)")
      }
      lines.append("  end")
    }
    for edge in graph.edges {
      lines.append("  \(graph.nodes[edge.from].id) --> \(graph.nodes[edge.to].id)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
