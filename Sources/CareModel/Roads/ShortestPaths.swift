/// Shortest-time paths from one node to every other (Dijkstra with a binary heap), at
/// free-flow speeds; congestion and season scale the times uniformly (see
/// ``TravelConditions``), so one tree per source serves every hour.
public struct PathTree: Sendable {
  /// The source node.
  public let source: Int
  /// Free-flow minutes and road kilometres from the source to each node (∞ if unreachable).
  public let minutes: [Float]
  public let kilometres: [Float]
  /// Previous node on the shortest path (-1 at the source and for unreachable nodes).
  public let parent: [Int32]

  /// Computes the tree of `source` on `graph`.
  /// - Complexity: O((V + E) log V).
  public init(graph: RoadGraph, source: Int) {
    let n = graph.nodes.count
    var time = [Float](repeating: .infinity, count: n)
    var km = [Float](repeating: .infinity, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var settled = [Bool](repeating: false, count: n)
    var heap = MinHeap()
    time[source] = 0
    km[source] = 0
    heap.push(0, source)
    while let (t, v) = heap.pop() {
      if t > time[v] || settled[v] { continue }
      settled[v] = true
      for e in Int(graph.firstEdge[v])..<Int(graph.firstEdge[v + 1]) {
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

  /// The nodes from the source to `destination`, or empty if it cannot be reached.
  public func path(to destination: Int) -> [Int] {
    guard minutes[destination].isFinite else { return [] }
    var nodes = [destination]
    var v = destination
    while parent[v] >= 0 && nodes.count <= parent.count {
      v = Int(parent[v])
      nodes.append(v)
    }
    return nodes.reversed()
  }
}

/// A binary min-heap of (key, node), ties broken by node index for determinism.
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

/// Travel-time multipliers: a congestion factor by hour of day and a season factor (the
/// monsoon slows rural roads). Free-flow minutes × factor(hour) × factor(season).
public struct TravelConditions: Sendable, Equatable {
  /// 24 factors, 00:00 first (1 = free flow).
  public var hourOfDay: [Double]
  /// Factor during the monsoon, and the days of the year (0-based) it spans.
  public var monsoonFactor: Double
  public var monsoonDays: Range<Int>

  public init(hourOfDay: [Double] = Array(repeating: 1, count: 24), monsoonFactor: Double = 1,
              monsoonDays: Range<Int> = 152..<273) {
    precondition(hourOfDay.count == 24 && hourOfDay.allSatisfy { $0 > 0 } && monsoonFactor > 0)
    self.hourOfDay = hourOfDay
    self.monsoonFactor = monsoonFactor
    self.monsoonDays = monsoonDays
  }

  /// The multiplier at `minutes` after the start, when the start is day `startDayOfYear`.
  public func factor(atMinutes t: Double, startDayOfYear: Int) -> Double {
    let day = Int(t / 1440)
    let hour = Int(t.truncatingRemainder(dividingBy: 1440) / 60)
    let season = monsoonDays.contains((startDayOfYear + day) % 365) ? monsoonFactor : 1
    return hourOfDay[min(max(hour, 0), 23)] * season
  }
}
