public import ClosurePlanner

/// Renders the step graph in Graphviz DOT: `digraph plan { rankdir=LR; … }`.
///
/// Nodes are named after step indexes (`s0`, `s1`…) and sit in one cluster per wave; within
/// a wave, steps without a closure window come first, then one nested cluster per window in
/// window order (`Window 1`, `Window 2`…). Labels are escaped double-quoted strings. The kind
/// of a step is its shape and fill: API steps blue boxes, manual steps yellow rounded dashed
/// boxes, waits grey ellipses. The most severe finding on a step is its outline: blocking
/// red, warning amber, info grey. A legend cluster shows each kind and severity. A plan of
/// more than 150 steps is drawn with one node per (wave, action, window), labelled with its
/// count, and edges between those nodes are deduplicated.
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
    lines.append(
      "  node [shape=box, style=filled, fillcolor=\"\(Self.fill(.api))\", fontname=\"Helvetica\", "
        + "fontsize=10];")
    for (wave, members) in graph.waves {
      lines += ["  subgraph cluster_w\(wave) {", "    label=\"Wave \(wave)\";"]
      let outside = members.filter { graph.nodes[$0].windows == nil }
      lines += outside.map { "    " + Self.node(graph.nodes[$0]) }
      for (windows, inWindow) in Self.byWindow(members, graph) {
        let label =
          windows.lowerBound == windows.upperBound
          ? "Window \(windows.lowerBound)" : "Windows \(TextFormatting.numbers(windows))"
        lines += [
          "    subgraph cluster_w\(wave)_\(windows.lowerBound)_\(windows.upperBound) {",
          "      label=\(TextEscaping.dotString(label));", "      style=dashed;",
        ]
        lines += inWindow.map { "      " + Self.node(graph.nodes[$0]) }
        lines.append("    }")
      }
      lines.append("  }")
    }
    for edge in graph.edges {
      lines.append("  \(graph.nodes[edge.from].id) -> \(graph.nodes[edge.to].id);")
    }
    lines += Self.legend
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The nodes of a wave that have windows, grouped by their windows in window order, each
  /// group in plan order.
  private static func byWindow(_ members: [Int], _ graph: StepGraph)
    -> [(ClosedRange<Int>, [Int])]
  {
    var groups: [ClosedRange<Int>: [Int]] = [:]
    for position in members {
      if let windows = graph.nodes[position].windows {
        groups[windows, default: []].append(position)
      }
    }
    return groups.sorted {
      ($0.key.lowerBound, $0.key.upperBound) < ($1.key.lowerBound, $1.key.upperBound)
    }.map { ($0.key, $0.value) }
  }

  /// The line that declares `node`, such as `s3 [label="…", …];`.
  private static func node(_ node: StepGraph.Node) -> String {
    "\(node.id) [label=\(TextEscaping.dotString(node.label))\(style(node.kind))"
      + "\(outline(node.severity))];"
  }

  /// A legend of the step kinds and the finding severities, apart from the graph.
  private static let legend: [String] = {
    var lines = [
      "  subgraph cluster_legend {", "    label=\"Legend\";", "    style=solid;",
      "    legend_api [label=\"api step\"];",
      "    legend_manual [label=\"manual step\"\(style(.manual))];",
      "    legend_wait [label=\"wait step\"\(style(.wait))];",
    ]
    for severity in ClosurePlan.Severity.allCases {
      lines.append(
        "    legend_\(severity.rawValue) [label=\"\(severity.rawValue) finding\", "
          + "fillcolor=white\(outline(severity))];")
    }
    lines.append(
      "    legend_api -> legend_manual -> legend_wait -> legend_blocking -> legend_warning -> "
        + "legend_info [style=invis];")
    lines.append("  }")
    return lines
  }()

  /// The fill of each kind of step.
  private static func fill(_ kind: ClosurePlan.StepKind) -> String {
    switch kind {
    case .api: "#dbe9f6"
    case .manual: "#fff3c4"
    case .wait: "#eeeeee"
    }
  }

  /// The attributes that tell the kinds of step apart.
  private static func style(_ kind: ClosurePlan.StepKind) -> String {
    switch kind {
    case .api: ""
    case .manual: ", style=\"filled,rounded,dashed\", fillcolor=\"\(fill(.manual))\""
    case .wait: ", shape=ellipse, fillcolor=\"\(fill(.wait))\""
    }
  }

  /// The outline of a step with a finding of `severity`.
  private static func outline(_ severity: ClosurePlan.Severity?) -> String {
    switch severity {
    case nil: ""
    case .blocking: ", color=\"#c62828\", penwidth=2.5"
    case .warning: ", color=\"#e69500\", penwidth=2"
    case .info: ", color=\"#9e9e9e\""
    }
  }
}
