/// A failure of a graph algorithm.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No order exists; `path` is one cycle, its first node repeated at the end.
  case cycle(path: [Int])
  /// A node lists a prerequisite outside `0..<nodeCount`.
  case unknownNode(Int, referencedBy: Int)

  public var description: String {
    switch self {
    case .cycle(let path):
      "the graph has a cycle: " + path.map(String.init).joined(separator: " -> ")
    case .unknownNode(let node, let referrer):
      "node \(referrer) depends on node \(node), which does not exist"
    }
  }
}

/// Orders nodes `0..<nodeCount` so that every node comes after all of its prerequisites.
///
/// Kahn's algorithm with a first-in, first-out frontier seeded in index order, so the
/// result depends only on the graph and the node numbering, never on hash order.
///
/// - Parameters:
///   - nodeCount: The number of nodes; nodes are `0..<nodeCount`.
///   - prerequisites: The nodes that must come before a node.
/// - Returns: Every node once, prerequisites first.
/// - Throws: `GraphError.cycle` with one concrete cycle when no order exists, or
///   `GraphError.unknownNode` for a prerequisite out of range.
/// - Complexity: O(*v* + *e*).
public func topologicalOrder(
  nodeCount: Int, prerequisites: (Int) -> [Int]
) throws(GraphError) -> [Int] {
  var unmet = [Int](repeating: 0, count: nodeCount)
  // Dependents in compressed form: offsets into one flat array, built in two passes,
  // so that a graph of a few hundred thousand steps needs no per-node arrays.
  var dependentCount = [Int](repeating: 0, count: nodeCount + 1)
  for node in 0..<nodeCount {
    let before = prerequisites(node)
    unmet[node] = before.count
    for prerequisite in before {
      guard (0..<nodeCount).contains(prerequisite) else {
        throw .unknownNode(prerequisite, referencedBy: node)
      }
      dependentCount[prerequisite + 1] += 1
    }
  }
  var offsets = dependentCount
  for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
  var fill = offsets
  var dependents = [Int](repeating: 0, count: offsets[nodeCount])
  for node in 0..<nodeCount {
    for prerequisite in prerequisites(node) {
      dependents[fill[prerequisite]] = node
      fill[prerequisite] += 1
    }
  }

  var order: [Int] = []
  order.reserveCapacity(nodeCount)
  for node in 0..<nodeCount where unmet[node] == 0 { order.append(node) }
  var next = 0
  while next < order.count {
    let node = order[next]
    next += 1
    for dependent in dependents[offsets[node]..<offsets[node + 1]] {
      unmet[dependent] -= 1
      if unmet[dependent] == 0 { order.append(dependent) }
    }
  }
  guard order.count == nodeCount else {
    throw .cycle(path: cycleWitness(unmet: unmet, prerequisites: prerequisites))
  }
  return order
}

/// One cycle among the nodes Kahn's algorithm could not order.
///
/// Every stuck node has a stuck prerequisite, so following the smallest stuck prerequisite
/// must eventually revisit a node; the loop from that node is the witness, rotated to start
/// at its smallest node so the message is stable.
private func cycleWitness(unmet: [Int], prerequisites: (Int) -> [Int]) -> [Int] {
  guard var current = unmet.firstIndex(where: { $0 > 0 }) else { return [] }
  var seenAt: [Int: Int] = [:]
  var walk: [Int] = []
  while seenAt[current] == nil {
    seenAt[current] = walk.count
    walk.append(current)
    guard let stuck = prerequisites(current).filter({ unmet[$0] > 0 }).min() else { return walk }
    current = stuck
  }
  // The walk follows prerequisites; reverse it so the path reads in dependency order.
  var loop = Array(walk[(seenAt[current] ?? 0)...].reversed())
  if let smallest = loop.indices.min(by: { loop[$0] < loop[$1] }) {
    loop = Array(loop[smallest...] + loop[..<smallest])
  }
  return loop + [loop[0]]
}

/// The wave of each node: 0 for a node without prerequisites, otherwise one more than the
/// largest wave among its prerequisites (the longest path from a start node).
///
/// - Parameters:
///   - order: A topological order of all nodes, as `topologicalOrder` returns.
///   - prerequisites: The nodes that must come before a node.
/// - Returns: The wave of every node, indexed by node.
/// - Complexity: O(*v* + *e*).
public func waves(order: [Int], prerequisites: (Int) -> [Int]) -> [Int] {
  var wave = [Int](repeating: 0, count: order.count)
  for node in order {
    var level = 0
    for prerequisite in prerequisites(node) { level = max(level, wave[prerequisite] + 1) }
    wave[node] = level
  }
  return wave
}
