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
    /// The title of the node's first step, not escaped.
    var title: String
    var action: StepAction.Name
    var kind: ClosurePlan.StepKind
    var wave: Int
    /// How many steps the node stands for.
    var count: Int
    /// The closure windows of the node's steps, if any has one.
    var windows: ClosedRange<Int>? = nil
    /// The most severe finding on any of the node's steps.
    var severity: ClosurePlan.Severity? = nil

    /// The step's title, or `close-account × 1,000 (window 2)` for a group; not escaped.
    var label: String {
      guard count > 1 else { return title }
      let base = "\(action.rawValue) × \(TextFormatting.grouped(count))"
      guard let windows else { return base }
      let noun = windows.lowerBound == windows.upperBound ? "window" : "windows"
      return base + " (\(noun) \(TextFormatting.numbers(windows)))"
    }

    /// `other`'s steps added to this node's.
    mutating func absorb(_ other: Node) {
      count += other.count
      if let range = other.windows {
        windows = .spanning(.spanning(windows, range.lowerBound), range.upperBound)
      }
      if let mark = other.severity, severity.map({ mark < $0 }) ?? true { severity = mark }
    }
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
    var nodeOfStep: [Int] = []
    (nodes, nodeOfStep) = plan.steps.withUnsafeBufferPointer { steps in
      Self.nodes(steps, grouping: grouping, index: index)
    }
    for finding in plan.findings {
      guard let step = finding.step.flatMap({ index.position(of: $0) }) else { continue }
      let node = nodeOfStep[step]
      if nodes[node].severity.map({ finding.severity < $0 }) ?? true {
        nodes[node].severity = finding.severity
      }
    }
    var edgeSet = Set<Edge>()
    // Neighbouring steps mostly draw the same edge: only a new one is looked up in the set.
    var lastEdge: Edge?
    plan.steps.withUnsafeBufferPointer { steps in
      for position in steps.indices {
        for prerequisite in steps[position].after {
          guard let from = index.position(of: prerequisite) else { continue }
          let edge = Edge(from: nodeOfStep[from], to: nodeOfStep[position])
          guard edge.from != edge.to, edge != lastEdge else { continue }
          edgeSet.insert(edge)
          lastEdge = edge
        }
      }
    }
    edges = edgeSet.sorted()
  }

  /// This graph with its nodes merged by (wave, action): the graph grouped `.byWave`.
  ///
  /// It is the graph one built from the plan would be, without reading the steps again: each
  /// node holds steps of one wave and action, and nodes are in the order of their first
  /// steps, so a merged node keeps the first step's ID and title.
  func mergedByWave() -> StepGraph {
    var graph = StepGraph(grouping: .byWave)
    var nodeOfKey: [GroupKey: Int] = [:]
    var merged: [Int] = []
    merged.reserveCapacity(nodes.count)
    for node in nodes {
      let key = GroupKey(wave: node.wave, action: node.action, window: nil, position: nil)
      if let known = nodeOfKey[key] {
        graph.nodes[known].absorb(node)
        merged.append(known)
      } else {
        nodeOfKey[key] = graph.nodes.count
        merged.append(graph.nodes.count)
        graph.nodes.append(node)
      }
    }
    var edgeSet = Set<Edge>()
    for edge in edges {
      let regrouped = Edge(from: merged[edge.from], to: merged[edge.to])
      if regrouped.from != regrouped.to { edgeSet.insert(regrouped) }
    }
    graph.edges = edgeSet.sorted()
    return graph
  }

  private init(grouping: Grouping) { self.grouping = grouping }

  /// The nodes of `steps`, and the node of each step.
  private static func nodes(
    _ steps: UnsafeBufferPointer<ClosurePlan.Step>, grouping: Grouping, index: PlanIndex
  ) -> (nodes: [Node], nodeOfStep: [Int]) {
    var nodes: [Node] = []
    var nodeOfKey: [GroupKey: Int] = [:]
    var nodeOfStep: [Int] = []
    nodeOfStep.reserveCapacity(steps.count)
    // Steps in plan order mostly share the node of the step before them.
    var last: (key: GroupKey, node: Int)?
    for position in steps.indices {
      let key = GroupKey(steps[position], position: position, grouping: grouping)
      let node: Int
      if let last, last.key == key {
        node = last.node
        nodes[node].count += 1
      } else if let known = nodeOfKey[key] {
        node = known
        nodes[node].count += 1
      } else {
        node = nodes.count
        nodeOfKey[key] = node
        nodes.append(
          Node(
            id: "s\(position)", title: index.title(steps[position]),
            action: steps[position].action.name, kind: steps[position].kind,
            wave: steps[position].wave, count: 1))
      }
      if let window = steps[position].window {
        nodes[node].windows = .spanning(nodes[node].windows, window)
      }
      last = (key, node)
      nodeOfStep.append(node)
    }
    return (nodes, nodeOfStep)
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

  /// What decides which node a step belongs to.
  private struct GroupKey: Hashable {
    var wave: Int
    var action: StepAction.Name
    var window: Int?
    /// Set only when steps are not grouped, so every step is its own node.
    var position: Int?

    init(wave: Int, action: StepAction.Name, window: Int?, position: Int?) {
      self.wave = wave
      self.action = action
      self.window = window
      self.position = position
    }

    init(_ step: ClosurePlan.Step, position: Int, grouping: Grouping) {
      wave = step.wave
      action = step.action.name
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
