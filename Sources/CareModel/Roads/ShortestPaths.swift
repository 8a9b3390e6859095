/// Shortest-time paths from one node to every other (Dijkstra with a binary heap), at
/// free-flow speeds; congestion and season scale the times uniformly (see
/// ``TravelConditions``), so one tree per source serves every hour.
public struct PathTree: Sendable {
  /// The source node.
  public let source: RoadNodeID
  /// Free-flow minutes and road kilometres from the source to each node, by node index (∞ if
  /// unreachable). Single precision halves the memory of the many trees a state needs.
  public let minutes: [Float]
  public let kilometres: [Float]
  /// Previous node on the shortest path (-1 at the source and for unreachable nodes).
  let parent: [Int32]

  /// Computes the tree of `source` on `graph`.
  /// - Complexity: O((V + E) log V).
  public init(graph: RoadGraph, source: RoadNodeID) {
    let n = graph.nodes.count
    var time = [Float](repeating: .infinity, count: n)
    var km = [Float](repeating: .infinity, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var settled = [Bool](repeating: false, count: n)
    var heap = MinHeap()
    time[source.index] = 0
    km[source.index] = 0
    heap.push(0, source.index)
    while let (t, v) = heap.pop() {
      if t > time[v] || settled[v] { continue }
      settled[v] = true
      for e in graph.edges(of: RoadNodeID(v)) {
        let w = Int(graph.target[e])
        if settled[w] { continue }
        let candidate = t + graph.minutes[e]
        // Ties go to the lower-numbered parent, so trees do not depend on edge order. Only
        // unsettled nodes change parent, so zero-length roads cannot make a cycle.
        if candidate < time[w] || (candidate == time[w] && Int32(v) < parent[w]) {
          time[w] = candidate
          km[w] = km[v] + graph.kilometres[e]
          parent[w] = Int32(v)
          heap.push(candidate, w)
        }
      }
    }
    self.source = source
    minutes = time
    kilometres = km
    self.parent = parent
  }

  /// Free-flow minutes from the source to `node` (∞ if unreachable).
  public func minutes(to node: RoadNodeID) -> Double { Double(minutes[node.index]) }

  /// Road kilometres from the source to `node` (∞ if unreachable).
  public func kilometres(to node: RoadNodeID) -> Double { Double(kilometres[node.index]) }

  /// The nodes from the source to `destination`, or empty if it cannot be reached.
  public func path(to destination: RoadNodeID) -> [RoadNodeID] {
    guard minutes[destination.index].isFinite else { return [] }
    var nodes = [destination]
    var v = destination.index
    while parent[v] >= 0 && nodes.count <= parent.count {
      v = Int(parent[v])
      nodes.append(RoadNodeID(v))
    }
    return nodes.reversed()
  }
}

/// A binary min-heap of (key, node index), ties broken by node index for determinism.
struct MinHeap {
  private var keys: [Float] = []
  private var values: [Int] = []

  private func less(_ i: Int, _ j: Int) -> Bool {
    keys[i] < keys[j] || (keys[i] == keys[j] && values[i] < values[j])
  }

  mutating func push(_ key: Float, _ value: Int) {
    keys.append(key)
    values.append(value)
    var child = keys.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard less(child, parent) else { break }
      keys.swapAt(child, parent)
      values.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Float, Int)? {
    guard let key = keys.first, let value = values.first else { return nil }
    keys.swapAt(0, keys.count - 1)
    values.swapAt(0, values.count - 1)
    keys.removeLast()
    values.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < keys.count else { break }
      var best = left
      if left + 1 < keys.count && less(left + 1, left) { best = left + 1 }
      guard less(best, parent) else { break }
      keys.swapAt(best, parent)
      values.swapAt(best, parent)
      parent = best
    }
    return (key, value)
  }
}

