public import ClosurePlanner

/// Renders the step graph in Graphviz DOT: `digraph plan { rankdir=LR; … }`.
///
/// Nodes are named after step indexes (`s0`, `s1`…) and sit in one cluster per wave; labels
/// are escaped double-quoted strings. API steps are boxes, manual steps rounded dashed boxes
/// and waits ellipses. A plan of more than 150 steps is drawn with one node per (wave, action,
/// window), labelled with its count, and edges between those nodes are deduplicated.
public struct DOTRenderer: PlanRenderer {
  /// Creates a DOT renderer.
  public init() {}

  /// Renders `plan`'s step graph.
  public func render(_ plan: ClosurePlan) -> String {
    let graph = StepGraph(automatic: plan)
    var lines = ["digraph plan {", "  rankdir=LR;"]
    if graph.isGrouped {
      let note =
        "\(TextFormatting.counted(plan.steps.count, "step", "steps")) drawn as "
        + "\(TextFormatting.counted(graph.nodes.count, "node", "nodes")); "
        + "similar steps are grouped with their count"
      lines += ["  label=\(TextEscaping.dotString(note));", "  labelloc=t;"]
    }
    lines.append("  node [shape=box, fontname=\"Helvetica\", fontsize=10];")
    for (wave, members) in graph.waves {
      lines += ["  subgraph cluster_w\(wave) {", "    label=\"Wave \(wave)\";"]
      for position in members {
        let node = graph.nodes[position]
        lines.append(
          "    \(node.id) [label=\(TextEscaping.dotString(node.label))\(Self.style(node.kind))];")
      }
      lines.append("  }")
    }
    for edge in graph.edges {
      lines.append("  \(graph.nodes[edge.from].id) -> \(graph.nodes[edge.to].id);")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The attributes that tell the kinds of step apart.
  private static func style(_ kind: ClosurePlan.StepKind) -> String {
    switch kind {
    case .api: ""
    case .manual: ", style=\"rounded,dashed\""
    case .wait: ", shape=ellipse"
    }
  }
}
