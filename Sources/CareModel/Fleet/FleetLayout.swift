import SimKernel
import SimRandom

/// The parts of an ambulance service that do not change between replications: the road
/// network, shortest-time trees from every base and hospital, which bases and hospitals are
/// nearest each place, where calls come from, and which places count as urban.
public struct FleetLayout: Sendable {
  /// The roads and where facilities sit on them.
  let roads: RoadPlacement
  /// Free-flow times and distances from every base and hospital.
  let travel: TravelTable
  /// Facilities with ambulances, and the ambulances at each.
  let bases: BaseTable
  /// Bases within the dispatch limit of each node, nearest first (by the dispatch policy).
  let basesNear: EntityTable<EntityKind.RoadNode, [BaseID]>
  /// Hospitals that take emergency patients (tier ≥ the hospital tier, with beds) and those
  /// that take referrals (tier ≥ the referral tier, with beds), and for each node the 12
  /// nearest of each by road.
  let hospitals: HospitalRanking
  let referralHospitals: HospitalRanking
  /// Where calls come from and of what priority.
  let callSource: CallSource
  /// Urban flag, district and block of every node.
  let places: NodePlaces
  /// Duty hours of each ambulance kind (nil: all day).
  let duty: [FleetSpec.Shift?]

  /// Builds roads (unless given) and the trees; `districts` are the care layout's district names.
  public init(spec: CareNetworkSpec, fleet: FleetSpec, districts: [String]) throws(DistributionError) {
    roads = RoadPlacement(spec: spec, fleet: fleet)
    let bedded = BedLayout(spec: spec).facilities.values
    let emergency = bedded.filter { spec[facility: $0].tier >= fleet.hospitalTier }
    let referral = bedded.filter { spec[facility: $0].tier >= spec.referralTier }
    bases = BaseTable(fleet.ambulances)
    travel = TravelTable(roads: roads, sources: bases.facilities.values + emergency + referral)
    basesNear = Self.rankBases(bases, spec: spec, fleet: fleet, roads: roads, travel: travel)
    hospitals = HospitalRanking(emergency, nodes: roads.graph.nodeIDs, travel: travel)
    referralHospitals = HospitalRanking(referral, nodes: roads.graph.nodeIDs, travel: travel)
    callSource = try CallSource(fleet: fleet, startWeekday: spec.startWeekday, nodePopulation: roads.nodePopulation)
    places = NodePlaces(roads: roads, facilities: spec.facilities, districts: districts, urbanRadiusKm: fleet.urbanRadiusKm)
    duty = FleetSpec.Kind.allCases.map { fleet.dutyHours[$0] }
  }

  /// Number of road nodes.
  public var nodeCount: Int { roads.graph.nodes.count }
  /// Blocks (sub-districts) in order of first appearance among the road nodes.
  public var blocks: [String] { places.blockNames }
  /// The road network (for drawing drives on a map).
  public var graph: RoadGraph { roads.graph }

  /// Whether an ambulance of `kind` is on duty at `time`.
  func isOnDuty(_ kind: FleetSpec.Kind, at time: SimTime) -> Bool {
    guard let shift = duty[kind.position] else { return true }
    return shift.covers(time.timeOfDay)
  }

  /// For each node, the bases within the dispatch limit, ranked by road time (or straight
  /// line with that policy), ties by base order. Congestion scales every time alike, so the
  /// free-flow ranking holds at every hour.
  private static func rankBases(_ bases: BaseTable, spec: CareNetworkSpec, fleet: FleetSpec, roads: RoadPlacement,
                                travel: TravelTable) -> EntityTable<EntityKind.RoadNode, [BaseID]> {
    var near = [[(Float, BaseID)]](repeating: [], count: roads.graph.nodes.count)
    for b in bases.facilities.ids {
      let f = bases.facilities[b]
      for v in roads.graph.nodeIDs where travel.minutes(from: f, to: v) <= fleet.maxDispatch.minutes {
        let key: Float = fleet.dispatch == .road
          ? Float(travel.minutes(from: f, to: v))
          : Float(spec[facility: f].location.planarKilometresSquared(to: roads.graph[node: v]))
        near[v.index].append((key, b))
      }
    }
    return EntityTable(near.map { $0.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1) })
  }
}
