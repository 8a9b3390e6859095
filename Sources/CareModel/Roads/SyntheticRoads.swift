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
  public let facilityNode: [Int]
  /// Node of each habitation (its cell's node).
  public let habitationNode: [Int]
  /// Population served by each node (sum over its habitations).
  public let nodePopulation: [Int]

  public init(facilities: [HealthCentre], habitations: [Habitation], detour: Double = 1.35,
              speeds: (RoadClass) -> Double = { $0.defaultSpeed }) {
    let cell = 0.05
    // 1. Cells of habitations, in order of first appearance (deterministic).
    var cellIndex: [Int64: Int] = [:]
    var sums: [(lat: Double, lon: Double, people: Int)] = []
    var habitationCell: [Int] = []
    for h in habitations {
      let key = Int64((h.location.latitude / cell).rounded(.down)) * 100_000 + Int64((h.location.longitude / cell).rounded(.down))
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
      habitationCell.append(c)
    }
    var nodes = facilities.map(\.location)
    var population = [Int](repeating: 0, count: facilities.count)
    for s in sums {
      nodes.append(GeoPoint(latitude: s.lat / Double(s.people), longitude: s.lon / Double(s.people)))
      population.append(s.people)
    }
    let cellBase = facilities.count
    let major = nodes.indices.map { v in
      v < cellBase ? facilities[v].tier >= .chc : population[v] > 20_000
    }
    // 2. Nearest-neighbour links.
    let grid = SpatialGrid(nodes, cellDegrees: cell)
    var seen = Set<Int64>()
    var edges: [RoadGraph.Edge] = []
    func link(_ a: Int, _ b: Int, _ road: RoadClass) {
      let key = Int64(min(a, b)) * 10_000_000 + Int64(max(a, b))
      guard a != b, seen.insert(key).inserted else { return }
      edges.append(.init(from: a, to: b, kilometres: nodes[a].kilometres(to: nodes[b]) * detour, speed: speeds(road)))
    }
    for v in nodes.indices {
      for w in grid.nearest(4, to: nodes[v], skipping: v) {
        link(v, w, major[v] && major[w] ? .district : .village)
      }
    }
    // 3. Trunk roads between district hospital towns.
    let towns = facilities.indices.filter { facilities[$0].tier == .dh }
    let townGrid = SpatialGrid(towns.map { nodes[$0] }, cellDegrees: 0.5)
    for (i, t) in towns.enumerated() {
      for j in townGrid.nearest(3, to: nodes[t], skipping: i) { link(t, towns[j], .trunk) }
    }
    // 4. Join stray pieces to the largest.
    var graph = RoadGraph(nodes: nodes, edges: edges)
    var label = graph.components()
    var sizes: [Int: Int] = [:]
    for l in label { sizes[l, default: 0] += 1 }
    let giant = label.indices.map { label[$0] }.max { (sizes[$0]!, -$0) < (sizes[$1]!, -$1) } ?? 0
    var strays = Array(Set(label.filter { $0 != giant })).sorted()
    if !strays.isEmpty {
      let giantNodes = nodes.indices.filter { label[$0] == giant }
      let giantGrid = SpatialGrid(giantNodes.map { nodes[$0] }, cellDegrees: cell)
      for s in strays {
        var best: (Int, Int, Double)?
        for v in nodes.indices where label[v] == s {
          guard let g = giantGrid.nearest(to: nodes[v]) else { continue }
          let d = nodes[v].planarKilometresSquared(to: nodes[giantNodes[g]])
          if best == nil || d < best!.2 { best = (v, giantNodes[g], d) }
        }
        if let (v, w, _) = best { link(v, w, .village) }
      }
      graph = RoadGraph(nodes: nodes, edges: edges)
      label = graph.components()
      strays = []
    }
    self.graph = graph
    facilityNode = Array(0..<facilities.count)
    habitationNode = habitationCell.map { cellBase + $0 }
    nodePopulation = population
  }
}
