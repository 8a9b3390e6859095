import SimRandom

/// The parts of an ambulance service that do not change between replications: the road
/// network, shortest-time trees from every base and hospital, where calls come from, and
/// which places count as urban.
public struct FleetLayout: Sendable {
  let graph: RoadGraph
  /// Node of each facility.
  let facilityNode: [Int]
  /// Tree slot of each facility that is a base or a hospital (nil otherwise).
  let treeOfFacility: [Int?]
  /// Free-flow minutes and kilometres from each tree's source to every node.
  let treeMinutes: [[Float]]
  let treeKm: [[Float]]
  /// Call origins: nodes and their population weights.
  let callNodes: [Int]
  let callOrigin: CategoricalChoice
  let priorityChoice: CategoricalChoice
  let calls: ArrivalProcess
  /// Hospitals that receive emergency patients (facility indices, tier ≥ hospital tier, with beds).
  let hospitals: [Int]
  /// Hospitals that receive referrals (tier ≥ the referral tier, with beds).
  let referralHospitals: [Int]
  /// For each node: bases within the dispatch limit, nearest first (by the dispatch policy),
  /// and the ambulances stationed at each base.
  let basesNear: [[Int32]]
  let ambulancesAtBase: [[Int32]]
  /// Base facility of each base slot.
  let baseFacilities: [Int]
  /// For each node: the 12 nearest hospitals by road, for emergencies and for referrals.
  let hospitalsNear: [[Int32]]
  let referralHospitalsNear: [[Int32]]
  let nodeUrban: [Bool]
  let nodeDistrict: [Int]
  let nodeBlock: [Int]
  public let blocks: [String]

  /// Builds roads (unless given) and the trees; `districts` are the care layout's district names.
  public init(spec: CareNetworkSpec, fleet: FleetSpec, districts: [String]) throws(DistributionError) {
    let facilities = spec.facilities
    let nodes: [GeoPoint]
    let facilityNode: [Int]
    var population: [Int]
    if let given = fleet.roads {
      graph = given
      nodes = given.nodes
      let grid = SpatialGrid(nodes)
      facilityNode = facilities.map { grid.nearest(to: $0.location) ?? 0 }
      population = Array(repeating: 0, count: nodes.count)
      for h in fleet.habitations { population[grid.nearest(to: h.location) ?? 0] += h.population }
    } else {
      let roads = SyntheticRoads(facilities: facilities, habitations: fleet.habitations, detour: fleet.detour)
      graph = roads.graph
      nodes = roads.graph.nodes
      facilityNode = roads.facilityNode
      population = roads.nodePopulation
    }
    self.facilityNode = facilityNode
    let upgraded = Set(spec.upgrades.flatMap(\.facilities))
    let bedded = facilities.indices.filter { facilities[$0].beds > 0 || upgraded.contains($0) }
    hospitals = bedded.filter { facilities[$0].tier >= fleet.hospitalTier }
    referralHospitals = bedded.filter { facilities[$0].tier >= spec.referralTier }
    // Trees from every base and every hospital.
    var sources: [Int] = []
    var slot = [Int?](repeating: nil, count: facilities.count)
    for f in fleet.ambulances.map(\.base) + hospitals + referralHospitals where slot[f] == nil {
      slot[f] = sources.count
      sources.append(f)
    }
    treeOfFacility = slot
    let graphCopy = graph
    let trees = sources.map { PathTree(graph: graphCopy, source: facilityNode[$0]) }
    let minutesTable = trees.map(\.minutes)
    treeMinutes = minutesTable
    treeKm = trees.map(\.kilometres)
    // Nearest bases and hospitals of every node, ranked once (the trees are free-flow, and
    // congestion scales all times alike, so the ranking holds at every hour).
    var baseList: [Int] = []
    var stationed: [[Int32]] = []
    for (a, amb) in fleet.ambulances.enumerated() {
      if let i = baseList.firstIndex(of: amb.base) { stationed[i].append(Int32(a)) } else {
        baseList.append(amb.base)
        stationed.append([Int32(a)])
      }
    }
    baseFacilities = baseList
    ambulancesAtBase = stationed
    let nodeCount = nodes.count
    var near = [[(Float, Int32)]](repeating: [], count: nodeCount)
    for (b, f) in baseList.enumerated() {
      let t = minutesTable[slot[f]!]
      for v in 0..<nodeCount where Double(t[v]) <= fleet.maxDispatchMinutes {
        let key: Float = fleet.dispatch == .road ? t[v] : Float(facilities[f].location.planarKilometresSquared(to: nodes[v]))
        near[v].append((key, Int32(b)))
      }
    }
    basesNear = near.map { $0.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1) }
    func ranked(_ list: [Int]) -> [[Int32]] {
      (0..<nodeCount).map { v in
        var all = list.map { (minutesTable[slot[$0]!][v], Int32($0)) }
        all.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return all.prefix(12).map(\.1)
      }
    }
    hospitalsNear = ranked(hospitals)
    referralHospitalsNear = ranked(referralHospitals)
    // Calls come from populated nodes, in proportion to population.
    callNodes = population.indices.filter { population[$0] > 0 }
    callOrigin = CategoricalChoice(weights: callNodes.map { Double(population[$0]) })
    priorityChoice = CategoricalChoice(weights: fleet.priorities.map(\.share))
    let days = (0..<7).map { fleet.dayOfWeek[($0 + spec.startWeekday) % 7] }
    let shape = (fleet.hourOfDay.reduce(0, +) / 24) * (days.reduce(0, +) / 7)
    calls = .poisson(try .weekly(basePerMinute: fleet.callsPerDay / 1440 / shape, hourOfDay: fleet.hourOfDay, dayOfWeek: days))
    // Urban: near a district hospital town. District and block: of the nearest facility.
    let towns = facilities.filter { $0.tier == .dh }.map(\.location)
    let townGrid = SpatialGrid(towns, cellDegrees: 0.5)
    nodeUrban = nodes.map { n in
      townGrid.nearest(to: n).map { n.kilometres(to: towns[$0]) <= fleet.urbanRadiusKm } ?? false
    }
    let facilityGrid = SpatialGrid(facilities.map(\.location))
    var blockNames: [String] = []
    var districtOf: [Int] = []
    var blockOf: [Int] = []
    for n in nodes {
      let f = facilities[facilityGrid.nearest(to: n) ?? 0]
      districtOf.append(districts.firstIndex(of: f.district) ?? 0)
      let name = f.block.isEmpty ? f.district : "\(f.district)/\(f.block)"
      if let i = blockNames.firstIndex(of: name) { blockOf.append(i) } else { blockOf.append(blockNames.count); blockNames.append(name) }
    }
    nodeDistrict = districtOf
    nodeBlock = blockOf
    blocks = blockNames
  }

  /// Free-flow minutes from facility `from` (a base or hospital) to `node`.
  func minutes(from facility: Int, to node: Int) -> Double { Double(treeMinutes[treeOfFacility[facility]!][node]) }

  /// Road kilometres from facility `from` to `node`.
  func kilometres(from facility: Int, to node: Int) -> Double { Double(treeKm[treeOfFacility[facility]!][node]) }

  /// Number of road nodes.
  public var nodeCount: Int { graph.nodes.count }
}
