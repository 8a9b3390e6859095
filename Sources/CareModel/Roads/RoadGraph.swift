import SimKernel

/// Class of a road, which sets its free-flow speed unless an edge gives its own.
public enum RoadClass: String, Sendable, CaseIterable {
  case trunk, district, village

  /// Default free-flow speed (km/h) for ambulances: about 35 on trunk roads, 25 on district
  /// roads and 20 on village roads (Uttar Pradesh GVK EMRI figures for cities are 25-35 km/h;
  /// rural roads are slower for an ambulance; an assumption until measured).
  public var defaultSpeed: Double {
    switch self {
    case .trunk: return 35
    case .district: return 25
    case .village: return 20
    }
  }
}

/// An undirected road network in compressed adjacency form: nodes with coordinates, edges with
/// length and free-flow travel time.
public struct RoadGraph: Sendable {
  /// Node coordinates.
  public let nodes: [GeoPoint]
  // Adjacency: the edges of node v are firstEdge[v] ..< firstEdge[v + 1].
  let firstEdge: [Int32]
  let target: [Int32]
  let kilometres: [Float]
  let minutes: [Float]

  /// One road segment.
  public struct Edge: Sendable, Equatable {
    public var from: RoadNodeID
    public var to: RoadNodeID
    public var kilometres: Double
    /// Free-flow speed, km/h.
    public var speed: Double
    /// Creates a segment.
    public init(from: RoadNodeID, to: RoadNodeID, kilometres: Double, speed: Double) {
      self.from = from
      self.to = to
      self.kilometres = kilometres
      self.speed = speed
    }
  }

  /// Builds the graph; every edge is usable in both directions.
  /// - Precondition: edge endpoints are valid node indices; lengths ≥ 0; speeds > 0.
  public init(nodes: [GeoPoint], edges: [Edge]) {
    var degree = [Int32](repeating: 0, count: nodes.count + 1)
    for e in edges {
      precondition(e.from.index < nodes.count && e.to.index < nodes.count, "edge endpoint out of range")
      precondition(e.kilometres >= 0 && e.speed > 0, "edge length must be ≥ 0 and speed > 0")
      degree[e.from.index + 1] += 1
      degree[e.to.index + 1] += 1
    }
    for v in 0..<nodes.count { degree[v + 1] += degree[v] }
    var next = Array(degree.dropLast())
    var target = [Int32](repeating: 0, count: edges.count * 2)
    var km = [Float](repeating: 0, count: edges.count * 2)
    var time = [Float](repeating: 0, count: edges.count * 2)
    for e in edges {
      for (a, b) in [(e.from.index, e.to), (e.to.index, e.from)] {
        let slot = Int(next[a])
        target[slot] = b.rawValue
        km[slot] = Float(e.kilometres)
        time[slot] = Float(SimDuration.hours(e.kilometres / e.speed).minutes)
        next[a] += 1
      }
    }
    self.nodes = nodes
    firstEdge = degree
    self.target = target
    kilometres = km
    minutes = time
  }

  /// Number of undirected edges.
  public var edgeCount: Int { target.count / 2 }

  /// Every node ID, in order.
  public var nodeIDs: [RoadNodeID] { nodes.indices.map(RoadNodeID.init) }

  /// The location of node `v`.
  public subscript(node v: RoadNodeID) -> GeoPoint { nodes[v.index] }

  /// The edges leaving node `v`, as positions in the adjacency arrays.
  func edges(of v: RoadNodeID) -> Range<Int> { Int(firstEdge[v.index])..<Int(firstEdge[v.index + 1]) }

  /// The component of every node, labelled by its lowest-numbered node.
  public func components() -> [RoadNodeID] {
    var label = [RoadNodeID?](repeating: nil, count: nodes.count)
    for start in nodeIDs where label[start.index] == nil {
      var stack = [start]
      label[start.index] = start
      while let v = stack.popLast() {
        for e in edges(of: v) where label[Int(target[e])] == nil {
          label[Int(target[e])] = start
          stack.append(RoadNodeID(Int(target[e])))
        }
      }
    }
    return label.map { $0! }
  }
}
