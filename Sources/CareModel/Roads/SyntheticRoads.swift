/// A road network built from facilities and habitations when no real one is given.
///
/// The documented rule:
/// 1. Habitations are grouped in cells of 0.05° (about 5.5 km); each cell with people becomes
///    a node at its population-weighted centre. Every facility is a node too.
/// 2. Each node is linked to its 4 nearest nodes (village roads; district roads where both ends
///    are facilities of CHC tier or above, or cells of more than 20,000 people).
/// 3. Each district hospital town is linked to its 3 nearest district hospital towns (trunk
///    roads).
/// 4. Disconnected pieces are joined to the largest one by their shortest link.
/// Edge length is the great-circle distance × `detour` (default 1.35, typical on the
/// Gangetic plain); speeds come from ``RoadClass``.
public struct SyntheticRoads: Sendable {
  /// The network.
  public let graph: RoadGraph
  /// Node of each facility (index aligned with the facilities given).
  public let facilityNode: [RoadNodeID]
  /// Node of each habitation (its cell's node).
  public let habitationNode: [RoadNodeID]
  /// Population served by each node (sum over its habitations), by node index.
  public let nodePopulation: [Int]

  static let cellDegrees = 0.05

  /// Builds the network.
  public init(facilities: [HealthCentre], habitations: [Habitation], detour: Double = 1.35,
              speeds: (RoadClass) -> Double = { $0.defaultSpeed }) {
    let cells = HabitationCells(habitations, cellDegrees: Self.cellDegrees)
    let nodes = facilities.map(\.location) + cells.centres
    let population = Array(repeating: 0, count: facilities.count) + cells.people
    var roads = RoadBuilder(nodes: nodes, detour: detour, speeds: RoadClass.allCases.map(speeds))
    roads.linkNearestNeighbours { v in
      v < facilities.count ? facilities[v].tier >= .chc : population[v] > 20_000
    }
    roads.linkTowns(facilities.indices.filter { facilities[$0].tier == .dh })
    graph = roads.joiningStrayPieces()
    facilityNode = facilities.indices.map(RoadNodeID.init)
    habitationNode = cells.cellOfHabitation.map { RoadNodeID(facilities.count + $0) }
    nodePopulation = population
  }
}

/// Step 1: habitations grouped into grid cells, in order of first appearance (deterministic).
struct HabitationCells {
  var centres: [GeoPoint] = []
  var people: [Int] = []
  var cellOfHabitation: [Int] = []

  init(_ habitations: [Habitation], cellDegrees cell: Double) {
    var cellIndex: [Int64: Int] = [:]
    var sums: [(lat: Double, lon: Double, people: Int)] = []
    for h in habitations {
      let key = Int64((h.location.latitude / cell).rounded(.down)) * 100_000
        + Int64((h.location.longitude / cell).rounded(.down))
      let c: Int
      if let existing = cellIndex[key] {
        c = existing
      } else {
        c = sums.count
        cellIndex[key] = c
        sums.append((0, 0, 0))
      }
      let w = Double(max(h.population, 1))
      sums[c].lat += h.location.latitude * w
      sums[c].lon += h.location.longitude * w
      sums[c].people += max(h.population, 1)
      cellOfHabitation.append(c)
    }
    centres = sums.map { GeoPoint(latitude: $0.lat / Double($0.people), longitude: $0.lon / Double($0.people)) }
    people = sums.map(\.people)
  }
}

/// Steps 2-4: the links of the synthetic network, each added once, in a fixed order.
struct RoadBuilder {
  let nodes: [GeoPoint]
  let detour: Double
  /// Speed of each road class, in `RoadClass.allCases` order.
  let speeds: [Double]
  private var seen = Set<Int64>()
  private var edges: [RoadGraph.Edge] = []

  init(nodes: [GeoPoint], detour: Double, speeds: [Double]) {
    self.nodes = nodes
    self.detour = detour
    self.speeds = speeds
  }

  /// Adds the road a–b unless it exists (the set is only asked, never iterated).
  mutating func link(_ a: Int, _ b: Int, _ road: RoadClass) {
    let key = Int64(min(a, b)) * 10_000_000 + Int64(max(a, b))
    guard a != b, seen.insert(key).inserted else { return }
    edges.append(.init(from: RoadNodeID(a), to: RoadNodeID(b), kilometres: nodes[a].kilometres(to: nodes[b]) * detour,
                       speed: speeds[RoadClass.allCases.firstIndex(of: road)!]))
  }

  /// Step 2: every node to its 4 nearest; district roads between major places.
  mutating func linkNearestNeighbours(isMajor: (Int) -> Bool) {
    let major = nodes.indices.map(isMajor)
    let grid = SpatialGrid(nodes, cellDegrees: SyntheticRoads.cellDegrees)
    for v in nodes.indices {
      for w in grid.nearest(4, to: nodes[v], skipping: v) {
        link(v, w, major[v] && major[w] ? .district : .village)
      }
    }
  }

  /// Step 3: trunk roads from each district hospital town to its 3 nearest.
  mutating func linkTowns(_ towns: [Int]) {
    let townGrid = SpatialGrid(towns.map { nodes[$0] }, cellDegrees: 0.5)
    for (i, t) in towns.enumerated() {
      for j in townGrid.nearest(3, to: nodes[t], skipping: i) { link(t, towns[j], .trunk) }
    }
  }

  /// Step 4: each piece not connected to the largest is joined to it by its shortest link.
  mutating func joiningStrayPieces() -> RoadGraph {
    let graph = RoadGraph(nodes: nodes, edges: edges)
    let label = graph.components().map(\.index)
    var sizes = Array(repeating: 0, count: nodes.count)
    for l in label { sizes[l] += 1 }
    // The largest piece; among equal sizes, the one with the lowest label.
    let giant = label.max { (sizes[$0], -$0) < (sizes[$1], -$1) } ?? 0
    // Labels are node indices, so marking them in node order lists the strays sorted.
    var isStray = Array(repeating: false, count: nodes.count)
    for l in label where l != giant { isStray[l] = true }
    let strays = nodes.indices.filter { isStray[$0] }
    guard !strays.isEmpty else { return graph }
    let giantNodes = nodes.indices.filter { label[$0] == giant }
    let giantGrid = SpatialGrid(giantNodes.map { nodes[$0] }, cellDegrees: SyntheticRoads.cellDegrees)
    for s in strays {
      var best: (Int, Int, Double)?
      for v in nodes.indices where label[v] == s {
        guard let g = giantGrid.nearest(to: nodes[v]) else { continue }
        let d = nodes[v].planarKilometresSquared(to: nodes[giantNodes[g]])
        if d < best?.2 ?? .infinity { best = (v, giantNodes[g], d) }
      }
      if let (v, w, _) = best { link(v, w, .village) }
    }
    return RoadGraph(nodes: nodes, edges: edges)
  }
}
