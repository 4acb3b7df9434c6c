import OrgGraph
import Testing

@Suite struct GraphAlgorithmTests {
  @Test("prerequisites come first and ties keep index order")
  func topologicalOrderIsStable() throws {
    // 0 ← 2, 1 ← 2, 2 ← 3; 4 alone.
    let prerequisites: [[Int]] = [[], [], [0, 1], [2], []]
    let order = try topologicalOrder(nodeCount: 5) { prerequisites[$0] }
    #expect(order == [0, 1, 4, 2, 3])
    #expect(waves(order: order) { prerequisites[$0] } == [0, 0, 1, 2, 0])
  }

  @Test("a cycle is reported with one concrete witness")
  func reportsTheCycle() {
    let prerequisites: [[Int]] = [[2], [0], [1], []]
    #expect(throws: GraphError.cycle(path: [0, 1, 2, 0])) {
      try topologicalOrder(nodeCount: 4) { prerequisites[$0] }
    }
  }

  @Test("an unknown prerequisite is an error, not a crash")
  func unknownNode() {
    #expect(throws: GraphError.unknownNode(7, referencedBy: 0)) {
      try topologicalOrder(nodeCount: 1) { _ in [7] }
    }
  }

  @Test("a long chain is ordered without recursion")
  func longChain() throws {
    let count = 200_000
    let order = try topologicalOrder(nodeCount: count) { $0 == 0 ? [] : [$0 - 1] }
    #expect(order.first == 0 && order.last == count - 1)
    #expect(waves(order: order) { $0 == 0 ? [] : [$0 - 1] }.last == count - 1)
  }
}
