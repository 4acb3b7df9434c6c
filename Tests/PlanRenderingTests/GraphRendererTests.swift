import ClosurePlanner
import TestSupport
import Testing

@testable import PlanRendering

@Suite struct GraphRendererTests {
  @Test func drawsTheSmallPlanInMermaidExactly() {
    let expected = """
      flowchart LR
        classDef api fill:#dbeafe,stroke:#1d4ed8,color:#111827
        classDef manual fill:#fef3c7,stroke:#b45309,color:#111827
        classDef wait fill:#dcfce7,stroke:#15803d,color:#111827
        subgraph w0["Wave 0"]
          s0["Export the organization's billing history"]:::manual
        end
        subgraph w1["Wave 1"]
          s1["Prepare Payments #40;222222222222#41; for closure"]:::manual
        end
        subgraph w2["Wave 2"]
          s2["Close Payments #40;222222222222#41; with CloseAccount"]:::api
          s3["Close Sandbox #40;333333333333#41; with CloseAccount"]:::api
        end
        subgraph w3["Wave 3"]
          s4["Wait until Payments #40;222222222222#41; reads CLOSED"]:::wait
          s5["Wait until Sandbox #40;333333333333#41; reads CLOSED"]:::wait
        end
        subgraph w4["Wave 4"]
          s6["Close the management account Management #40;111111111111#41; as root, last"]:::manual
        end
        s0 --> s1
        s0 --> s2
        s0 --> s3
        s1 --> s2
        s2 --> s4
        s3 --> s5
        s4 --> s6
        s5 --> s6

      """
    #expect(MermaidRenderer().render(PlanFixtures.small()) == expected)
  }

  @Test func drawsTheSmallPlanInDOTExactly() {
    let expected = """
      digraph plan {
        rankdir=LR;
        node [shape=box, style=filled, fillcolor="#dbe9f6", fontname="Helvetica", fontsize=10];
        subgraph cluster_w0 {
          label="Wave 0";
          s0 [label="Export the organization's billing history", style="filled,rounded,dashed", fillcolor="#fff3c4"];
        }
        subgraph cluster_w1 {
          label="Wave 1";
          s1 [label="Prepare Payments (222222222222) for closure", style="filled,rounded,dashed", fillcolor="#fff3c4", color="#e69500", penwidth=2];
        }
        subgraph cluster_w2 {
          label="Wave 2";
          subgraph cluster_w2_1_1 {
            label="Window 1";
            style=dashed;
            s2 [label="Close Payments (222222222222) with CloseAccount"];
            s3 [label="Close Sandbox (333333333333) with CloseAccount"];
          }
        }
        subgraph cluster_w3 {
          label="Wave 3";
          s4 [label="Wait until Payments (222222222222) reads CLOSED", shape=ellipse, fillcolor="#eeeeee"];
          s5 [label="Wait until Sandbox (333333333333) reads CLOSED", shape=ellipse, fillcolor="#eeeeee", color="#c62828", penwidth=2.5];
        }
        subgraph cluster_w4 {
          label="Wave 4";
          s6 [label="Close the management account Management (111111111111) as root, last", style="filled,rounded,dashed", fillcolor="#fff3c4"];
        }
        s0 -> s1;
        s0 -> s2;
        s0 -> s3;
        s1 -> s2;
        s2 -> s4;
        s3 -> s5;
        s4 -> s6;
        s5 -> s6;
        subgraph cluster_legend {
          label="Legend";
          style=solid;
          legend_api [label="api step"];
          legend_manual [label="manual step", style="filled,rounded,dashed", fillcolor="#fff3c4"];
          legend_wait [label="wait step", shape=ellipse, fillcolor="#eeeeee"];
          legend_blocking [label="blocking finding", fillcolor=white, color="#c62828", penwidth=2.5];
          legend_warning [label="warning finding", fillcolor=white, color="#e69500", penwidth=2];
          legend_info [label="info finding", fillcolor=white, color="#9e9e9e"];
          legend_api -> legend_manual -> legend_wait -> legend_blocking -> legend_warning -> legend_info [style=invis];
        }
      }

      """
    #expect(DOTRenderer().render(PlanFixtures.small()) == expected)
  }

  @Test func groupsLargePlansByActionAndWindowWithDeduplicatedEdges() {
    let plan = PlanFixtures.synthetic(members: 1_000)
    let mermaid = MermaidRenderer().render(plan)
    let lines = mermaid.split(separator: "\n")
    #expect(
      lines.contains("  %% 2,002 steps drawn as 7 nodes, similar steps grouped with their count"))
    #expect(lines.contains("    s1[\"close-account × 250 #40;window 1#41;\"]:::api"))
    #expect(lines.contains("    s751[\"close-account × 250 #40;window 4#41;\"]:::api"))
    #expect(lines.contains("    s1001[\"await-account-closed × 1,000\"]:::wait"))
    let edges = lines.filter { $0.contains(" --> ") }
    #expect(edges.count == 9)
    #expect(Set(edges).count == edges.count)

    let dot = DOTRenderer().render(plan)
    #expect(dot.hasPrefix("digraph plan {\n  rankdir=LR;\n"))
    #expect(dot.contains("      s1 [label=\"close-account × 250 (window 1)\"];\n"))
    #expect(dot.contains("  subgraph cluster_w1 {\n"))
    #expect(
      dot.split(separator: "\n").filter { $0.contains(" -> ") && !$0.contains("legend") }.count
        == 9)
  }

  @Test func keepsEveryStepAsANodeUpToTheThreshold() {
    let plan = PlanFixtures.synthetic(members: 74)  // 150 steps
    let mermaid = MermaidRenderer().render(plan)
    #expect(mermaid.split(separator: "\n").filter { $0.hasPrefix("    s") }.count == 150)
    #expect(!mermaid.contains("%%"))
  }

  @Test func escapesHostileLabelsInMermaid() {
    let hostile = "a\"] --> x[\"pwned\"]\n<b>&`|#"
    let mermaid = MermaidRenderer().render(PlanFixtures.hostile(hostile))
    let nodeLines = mermaid.split(separator: "\n").filter { $0.hasPrefix("    s") }
    #expect(nodeLines.count == 7)
    for line in nodeLines {
      #expect(line.filter { $0 == "\"" }.count == 2)
      #expect(!line.contains("<") && !line.contains("`") && !line.contains("|"))
    }
    // Titles name accounts; the first step names none.
    #expect(
      nodeLines[1]
        == "    s1[\"Prepare a#quot;#93; --#gt; x#91;#quot;pwned#quot;#93; "
        + "#lt;b#gt;#amp;#96;#124;#35; #40;222222222222#41; for closure\"]:::manual")
  }

  @Test func escapesHostileLabelsInDOTSoTheyReadBackUnchanged() {
    let hostile = "a\"; evil [shape=star]; \\\"\nline two \\l"
    let dot = DOTRenderer().render(PlanFixtures.hostile(hostile))
    let nodeLines = dot.split(separator: "\n").filter {
      $0.drop { $0 == " " }.first == "s" && $0.contains(" [label=")
    }
    #expect(nodeLines.count == 7)
    // Every title but the first names an account, whose name is hostile.
    for line in nodeLines.dropFirst() {
      let parsed = quotedString(after: "label=", in: line)
      #expect(parsed?.text.contains(hostile) == true)
      #expect(parsed?.rest.first == "]" || parsed?.rest.first == ",")
    }
  }

  /// Reads the DOT double-quoted string that follows `marker`, undoing its escapes.
  private func quotedString(after marker: String, in line: Substring)
    -> (text: String, rest: Substring)?
  {
    guard let start = line.firstRange(of: marker + "\"") else { return nil }
    var text = ""
    var position = start.upperBound
    while position < line.endIndex {
      let character = line[position]
      position = line.index(after: position)
      if character == "\"" { return (text, line[position...]) }
      guard character == "\\", position < line.endIndex else {
        text.append(character)
        continue
      }
      let escaped = line[position]
      position = line.index(after: position)
      text.append(escaped == "n" ? "\n" : escaped)
    }
    return nil
  }
}

/// The DOT drawing: windows in order inside each wave, kinds and severities in colour, and a
/// legend that names them.
@Suite struct DOTLegendTests {
  @Test func drawsEachWindowAsAClusterInWindowOrder() {
    var plan = PlanFixtures.synthetic(members: 30)
    // Plan order (by step ID) is the reverse of window order here.
    for position in plan.steps.indices
    where plan.steps[position].action.name.rawValue == "close-account" {
      plan.steps[position].window = 3 - position % 3
    }
    let dot = DOTRenderer().render(plan)
    let lines = dot.split(separator: "\n").map(String.init)
    let clusters = lines.filter { $0.contains("label=\"Window") }
    #expect(
      clusters == [
        "      label=\"Window 1\";", "      label=\"Window 2\";", "      label=\"Window 3\";",
      ])
    // Every close step sits inside its window's cluster.
    var window: Int?
    for line in lines {
      if line.hasPrefix("    subgraph cluster_w1_") {
        window = Int(line.split(separator: "_")[2])
      } else if line == "    }" {
        window = nil
      } else if line.contains("with CloseAccount") {
        let id = line.split(separator: " ").first.map(String.init) ?? ""
        let position = Int(id.dropFirst()) ?? -1
        #expect(window == plan.steps[position].window, "\(line)")
      }
    }
  }

  @Test func outlinesStepsByTheirMostSevereFindingAndDrawsALegend() {
    var plan = PlanFixtures.small()
    let close = plan.steps.firstIndex { $0.id.rawValue.hasPrefix("close-account:") }!
    plan.findings = [
      .init(
        code: "A", severity: .warning, step: plan.steps[close].id, message: "m", remediation: "r"),
      .init(
        code: "B", severity: .blocking, step: plan.steps[close].id, message: "m",
        remediation: "r"),
    ].sorted { $0.severity < $1.severity }
    let dot = DOTRenderer().render(plan)
    #expect(dot.contains("s\(close) [label=") && dot.contains("color=\"#c62828\", penwidth=2.5];"))
    #expect(dot.contains("  subgraph cluster_legend {\n    label=\"Legend\";"))
    for entry in [
      "legend_api [label=\"api step\"]", "legend_manual [label=\"manual step\"",
      "legend_wait [label=\"wait step\", shape=ellipse",
      "legend_blocking [label=\"blocking finding\"",
      "legend_warning [label=\"warning finding\"", "legend_info [label=\"info finding\"",
    ] {
      #expect(dot.contains(entry), "no \(entry)")
    }
    #expect(dot.contains("fillcolor=\"#fff3c4\""), "manual steps are filled yellow")
  }
}

/// The by-wave graph the Markdown renderer draws is merged from the by-window one; it must be
/// the graph built from the plan.
@Suite struct StepGraphMergeTests {
  @Test("merging the by-window graph by wave gives the by-wave graph", arguments: [3, 40, 600])
  func mergedGraphIsTheByWaveGraph(_ members: Int) {
    for blocked in [false, true] {
      let plan = PlanFixtures.synthetic(members: members, everyAccountBlocked: blocked)
      let index = PlanIndex(plan)
      let built = StepGraph(plan, grouping: .byWave, index: index)
      let merged = StepGraph(plan, grouping: .byWindow, index: index).mergedByWave()
      #expect(merged.edges == built.edges)
      #expect(merged.nodes.map(\.id) == built.nodes.map(\.id))
      #expect(merged.nodes.map(\.label) == built.nodes.map(\.label))
      #expect(merged.nodes.map(\.count) == built.nodes.map(\.count))
      #expect(merged.nodes.map(\.windows) == built.nodes.map(\.windows))
      #expect(merged.nodes.map(\.severity) == built.nodes.map(\.severity))
      #expect(merged.nodes.map(\.wave) == built.nodes.map(\.wave))
    }
  }
}
