import SimKernel
import SimRandom

/// A road network and the node of every facility.
struct RoadPlacement: Sendable {
  let graph: RoadGraph
  /// Node of each facility, by facility index.
  let facilityNode: [RoadNodeID]
  /// People living nearest each node, by node index (call origins are weighted by it).
  let nodePopulation: [Int]

  /// The user's roads (facilities and habitations snapped to their nearest node) or, when
  /// none are given, the synthetic network.
  init(spec: CareNetworkSpec, fleet: FleetSpec) {
    if let given = fleet.roads {
      // Everything is placed on the largest connected part of the roads: a node that no base
      // or hospital can reach would strand an ambulance (an extract often has small islands).
      let main = Self.largestComponent(of: given)
      let grid = SpatialGrid(main.map { given.nodes[$0.index] })
      func nearest(_ point: GeoPoint) -> RoadNodeID { main[grid.nearest(to: point) ?? 0] }
      graph = given
      facilityNode = spec.facilities.map { nearest($0.location) }
      var population = Array(repeating: 0, count: given.nodes.count)
      for h in fleet.habitations { population[nearest(h.location).index] += h.population }
      nodePopulation = population
    } else {
      let roads = SyntheticRoads(facilities: spec.facilities, habitations: fleet.habitations, detour: fleet.detour)
      graph = roads.graph
      facilityNode = roads.facilityNode
      nodePopulation = roads.nodePopulation
    }
  }

  /// The nodes of the largest connected component (the lowest-numbered one among equals).
  static func largestComponent(of graph: RoadGraph) -> [RoadNodeID] {
    let label = graph.components()
    var size = [Int](repeating: 0, count: label.count)
    for l in label { size[l.index] += 1 }
    let biggest = size.indices.max { (size[$0], $1) < (size[$1], $0) } ?? 0
    return graph.nodeIDs.filter { label[$0.index].index == biggest }
  }

  /// The node of `facility`.
  func node(of facility: FacilityID) -> RoadNodeID { facilityNode[facility.index] }
}

/// Shortest-time trees from a set of facilities (bases and hospitals), one per facility.
struct TravelTable: Sendable {
  /// Tree of each source facility, by facility index (nil for facilities that are neither).
  private let treeOfFacility: [Int?]
  private let minutes: [[Float]]
  private let kilometres: [[Float]]

  init(roads: RoadPlacement, sources: [FacilityID]) {
    var order: [FacilityID] = []
    var slot = [Int?](repeating: nil, count: roads.facilityNode.count)
    for f in sources where slot[f.index] == nil {
      slot[f.index] = order.count
      order.append(f)
    }
    treeOfFacility = slot
    let trees = order.map { PathTree(graph: roads.graph, source: roads.node(of: $0)) }
    minutes = trees.map(\.minutes)
    kilometres = trees.map(\.kilometres)
  }

  /// Free-flow minutes between `facility` (a base or hospital) and `node` (roads run both ways).
  /// - Precondition: `facility` is one of the sources.
  func minutes(from facility: FacilityID, to node: RoadNodeID) -> Double {
    Double(minutes[treeOfFacility[facility.index]!][node.index])
  }

  /// Road kilometres between `facility` (a base or hospital) and `node`.
  func kilometres(from facility: FacilityID, to node: RoadNodeID) -> Double {
    Double(kilometres[treeOfFacility[facility.index]!][node.index])
  }

  /// Free-flow minutes from `facility` to every node, by node index.
  func minutesRow(from facility: FacilityID) -> [Float] { minutes[treeOfFacility[facility.index]!] }
}

/// The facilities that have ambulances, in order of their first ambulance, and the ambulances
/// stationed at each.
struct BaseTable: Sendable {
  let facilities: EntityTable<EntityKind.Base, FacilityID>
  let ambulances: EntityTable<EntityKind.Base, [AmbulanceID]>

  init(_ fleet: [FleetSpec.Ambulance]) {
    var bases: [FacilityID] = []
    var stationed: [[AmbulanceID]] = []
    for (a, ambulance) in fleet.enumerated() {
      if let i = bases.firstIndex(of: ambulance.base) {
        stationed[i].append(AmbulanceID(a))
      } else {
        bases.append(ambulance.base)
        stationed.append([AmbulanceID(a)])
      }
    }
    facilities = EntityTable(bases)
    ambulances = EntityTable(stationed)
  }
}

/// A set of hospitals and, for each road node, the nearest of them by road.
struct HospitalRanking: Sendable {
  /// The hospitals, in table order.
  let all: [FacilityID]
  /// For each node, the `nearCount` nearest hospitals, nearest first (ties by facility).
  let near: EntityTable<EntityKind.RoadNode, [FacilityID]>

  /// How many hospitals are ranked per node; a search beyond them is rare and done on demand.
  static let nearCount = 12

  init(_ hospitals: [FacilityID], nodes: [RoadNodeID], travel: TravelTable) {
    all = hospitals
    near = EntityTable(nodes.map { v in
      var ranked = hospitals.map { (Float(travel.minutes(from: $0, to: v)), $0) }
      ranked.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
      return ranked.prefix(Self.nearCount).map(\.1)
    })
  }
}

/// Where emergency calls come from (populated nodes, weighted by population), when (a
/// weekly profile), and of which priority.
struct CallSource: Sendable {
  let nodes: EntityTable<EntityKind.CallOrigin, RoadNodeID>
  let origin: CategoricalChoice<EntityKind.CallOrigin>
  let priority: CategoricalChoice<EntityKind.CallPriority>
  let process: ArrivalProcess

  init(fleet: FleetSpec, startWeekday: Int, nodePopulation: [Int]) throws(DistributionError) {
    let populated = nodePopulation.indices.filter { nodePopulation[$0] > 0 }
    nodes = EntityTable(populated.map(RoadNodeID.init))
    origin = CategoricalChoice(weights: populated.map { Double(nodePopulation[$0]) })
    priority = CategoricalChoice(weights: fleet.priorities.map(\.share))
    let days = (0..<7).map { fleet.dayOfWeek[($0 + startWeekday) % 7] }
    let shape = (fleet.hourOfDay.reduce(0, +) / 24) * (days.reduce(0, +) / 7)
    process = .poisson(try .weekly(basePerMinute: fleet.callsPerDay / SimDuration.day.minutes / shape,
                                   hourOfDay: fleet.hourOfDay, dayOfWeek: days))
  }
}

/// What each road node is: urban or rural, and its district and block (those of the nearest
/// facility).
struct NodePlaces: Sendable {
  let isUrban: EntityTable<EntityKind.RoadNode, Bool>
  let district: EntityTable<EntityKind.RoadNode, DistrictID>
  let block: EntityTable<EntityKind.RoadNode, BlockID>
  /// `DISTRICT/BLOCK` (or the district alone where the block is unknown), in order of first
  /// appearance.
  let blockNames: [String]

  init(roads: RoadPlacement, facilities: [HealthCentre], districts: [String], urbanRadiusKm: Double) {
    let nodes = roads.graph.nodes
    // Urban: within the radius of a district hospital town.
    let towns = facilities.filter { $0.tier == .dh }.map(\.location)
    let townGrid = SpatialGrid(towns, cellDegrees: 0.5)
    isUrban = EntityTable(nodes.map { n in
      townGrid.nearest(to: n).map { n.kilometres(to: towns[$0]) <= urbanRadiusKm } ?? false
    })
    let facilityGrid = SpatialGrid(facilities.map(\.location))
    var names: [String] = []
    var districtOf: [DistrictID] = []
    var blockOf: [BlockID] = []
    for n in nodes {
      let f = facilities[facilityGrid.nearest(to: n) ?? 0]
      districtOf.append(DistrictID(districts.firstIndex(of: f.district) ?? 0))
      let name = f.block.isEmpty ? f.district : "\(f.district)/\(f.block)"
      if let i = names.firstIndex(of: name) {
        blockOf.append(BlockID(i))
      } else {
        blockOf.append(BlockID(names.count))
        names.append(name)
      }
    }
    district = EntityTable(districtOf)
    block = EntityTable(blockOf)
    blockNames = names
  }
}
