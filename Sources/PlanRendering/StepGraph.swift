import ClosurePlanner
import OrgGraph

/// The step graph as the graph renderers draw it: one node per step for small plans, one node
/// per group of similar steps for large ones, and deduplicated edges between nodes.
struct StepGraph {
  /// How steps become nodes.
  enum Grouping {
    /// One node per step.
    case none
    /// One node per (wave, action, window).
    case byWindow
    /// One node per (wave, action).
    case byWave
  }

  /// A step, or a group of steps, as drawn.
  struct Node {
    /// `s` and the index of the node's first step in `plan.steps`.
    var id: String
    /// The step's title, or `action × count` for a group; not escaped.
    var label: String
    var kind: ClosurePlan.StepKind
    var wave: Int
    /// How many steps the node stands for.
    var count: Int
    /// The closure windows of the node's steps, if any has one.
    var windows: ClosedRange<Int>? = nil
    /// The most severe finding on any of the node's steps.
    var severity: ClosurePlan.Severity? = nil
  }

  /// A prerequisite edge between two nodes, as positions in `nodes`.
  struct Edge: Hashable, Comparable {
    var from: Int
    var to: Int

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
  }

  /// Plans with more steps than this are grouped by window when drawn on their own.
  static let groupingThreshold = 150

  let grouping: Grouping
  private(set) var nodes: [Node] = []
  /// Sorted and without duplicates.
  private(set) var edges: [Edge] = []

  /// The graph of `plan`, grouped by window when it has more than `groupingThreshold` steps.
  init(automatic plan: ClosurePlan) {
    self.init(
      plan, grouping: plan.steps.count > Self.groupingThreshold ? .byWindow : .none,
      index: PlanIndex(plan))
  }

  init(_ plan: ClosurePlan, grouping: Grouping, index: PlanIndex) {
    self.grouping = grouping
    // Steps are read in place through a buffer; a loop over the array copied every step.
    // Findings are sorted by severity, so a step's first finding is its most severe.
    var severityOfStep: [StepID: ClosurePlan.Severity] = [:]
    for finding in plan.findings {
      if let step = finding.step, severityOfStep[step] == nil {
        severityOfStep[step] = finding.severity
      }
    }
    (nodes, edges) = plan.steps.withUnsafeBufferPointer { steps in
      Self.build(steps, grouping: grouping, severityOfStep: severityOfStep, index: index)
    }
  }

  private static func build(
    _ steps: UnsafeBufferPointer<ClosurePlan.Step>, grouping: Grouping,
    severityOfStep: [StepID: ClosurePlan.Severity], index: PlanIndex
  ) -> (nodes: [Node], edges: [Edge]) {
    var nodes: [Node] = []
    var nodeOfKey: [GroupKey: Int] = [:]
    var windows: [ClosedRange<Int>?] = []
    var titles: [String] = []
    var actions: [StepAction.Name] = []
    var nodeOfStep: [Int] = []
    nodeOfStep.reserveCapacity(steps.count)
    for position in steps.indices {
      let key = GroupKey(steps[position], position: position, grouping: grouping)
      let node: Int
      if let known = nodeOfKey[key] {
        node = known
        nodes[node].count += 1
      } else {
        node = nodes.count
        nodeOfKey[key] = node
        nodes.append(
          Node(
            id: "s\(position)", label: "", kind: steps[position].kind,
            wave: steps[position].wave, count: 1))
        windows.append(nil)
        titles.append(index.title(steps[position]))
        actions.append(steps[position].action.name)
      }
      if let window = steps[position].window { windows[node] = .spanning(windows[node], window) }
      if let severity = severityOfStep[steps[position].id],
        nodes[node].severity.map({ severity < $0 }) ?? true
      {
        nodes[node].severity = severity
      }
      nodeOfStep.append(node)
    }
    for node in nodes.indices {
      nodes[node].windows = windows[node]
      nodes[node].label = Self.label(
        count: nodes[node].count, title: titles[node], action: actions[node],
        windows: windows[node])
    }
    var edgeSet = Set<Edge>()
    for position in steps.indices {
      for prerequisite in steps[position].after {
        guard let from = index.position(of: prerequisite) else { continue }
        let edge = Edge(from: nodeOfStep[from], to: nodeOfStep[position])
        if edge.from != edge.to { edgeSet.insert(edge) }
      }
    }
    return (nodes, edgeSet.sorted())
  }

  /// Whether some node stands for more than one step.
  var isGrouped: Bool { nodes.contains { $0.count > 1 } }

  /// The nodes of each wave, in wave order, each wave's nodes in plan order.
  var waves: [(wave: Int, nodes: [Int])] {
    var result: [(wave: Int, nodes: [Int])] = []
    var positionOfWave: [Int: Int] = [:]
    for (position, node) in nodes.enumerated() {
      if let known = positionOfWave[node.wave] {
        result[known].nodes.append(position)
      } else {
        positionOfWave[node.wave] = result.count
        result.append((node.wave, [position]))
      }
    }
    return result.sorted { $0.wave < $1.wave }
  }

  /// A step's title; `close-account × 1,000 (window 2)` for a group.
  private static func label(
    count: Int, title: String, action: StepAction.Name, windows: ClosedRange<Int>?
  ) -> String {
    guard count > 1 else { return title }
    let base = "\(action.rawValue) × \(TextFormatting.grouped(count))"
    guard let windows else { return base }
    let noun = windows.lowerBound == windows.upperBound ? "window" : "windows"
    return base + " (\(noun) \(TextFormatting.numbers(windows)))"
  }

  /// What decides which node a step belongs to.
  private struct GroupKey: Hashable {
    var wave: Int
    /// `StepAction.Name.ordinal`: hashing a name would hash its text.
    var action: Int
    var window: Int?
    /// Set only when steps are not grouped, so every step is its own node.
    var position: Int?

    init(_ step: ClosurePlan.Step, position: Int, grouping: Grouping) {
      wave = step.wave
      action = step.action.name.ordinal
      switch grouping {
      case .none:
        self.position = position
      case .byWindow:
        window = step.window
      case .byWave:
        break
      }
    }
  }
}
