import SimKernel
import SimRandom

/// Everything about a network that does not change between replications, computed once and
/// shared by every replication: demand, queues, the session timetable, bed pools, referral
/// candidates, districts and, when there is one, the ambulance service's roads and rankings.
public struct CareLayout: Sendable {
  let demand: DemandLayout
  let queues: QueueLayout
  let sessions: SessionTimetable
  let beds: BedLayout
  let referrals: ReferralLayout
  /// District names, and the district of each spoke.
  public let districts: [String]
  let spokeDistrict: EntityTable<EntityKind.Spoke, DistrictID>
  /// Roads, trees and call origins of the ambulance service, when there is one.
  public let fleet: FleetLayout?
  /// Stock items, levels and travel candidates, when the scenario has medicines.
  let medicines: MedicineLayout?
  /// ASHA-mobilised arrivals, when the scenario has them.
  let asha: AshaLayout?

  /// Precomputes the layout of `spec` for runs of length `horizon`.
  public init(spec: CareNetworkSpec, horizon: SimDuration) throws(DistributionError) {
    let names = spec.districts
    districts = names
    let districtOfSpoke = EntityTable<EntityKind.Spoke, DistrictID>(spec.spokes.map {
      DistrictID(names.firstIndex(of: spec[facility: $0].district)!)
    })
    spokeDistrict = districtOfSpoke
    demand = try DemandLayout(spec: spec, horizon: horizon)
    queues = QueueLayout(spec: spec)
    sessions = SessionTimetable(spec.sessions, startWeekday: spec.startWeekday)
    beds = BedLayout(spec: spec)
    referrals = ReferralLayout(spec: spec, beds: beds)
    fleet = try spec.fleet.map { f throws(DistributionError) in try FleetLayout(spec: spec, fleet: f, districts: names) }
    medicines = spec.medicines.map {
      MedicineLayout(spec: spec, supply: $0, spokeDistrict: districtOfSpoke, districts: names.count, horizon: horizon)
    }
    asha = try spec.asha.map { a throws(DistributionError) in try AshaLayout(spec: spec, asha: a) }
  }

  /// Number of teleconsultation queues.
  public var queueCount: Int { queues.specialists.count }
}

/// Picks an entity with probability proportional to its weight (one uniform per draw),
/// through the discrete distribution of SimRandom.
struct CategoricalChoice<Kind>: Sendable {
  let table: Distribution

  /// Weights by ID (the first for ID 0).
  /// - Precondition: weights are finite, non-negative and not all zero (the reader checks).
  init(weights: [Double]) {
    do {
      table = try Distribution.discrete(values: weights.indices.map(Double.init), probabilities: weights)
    } catch {
      preconditionFailure("categorical weights must be non-negative with a positive total: \(weights)")
    }
  }

  /// The entity drawn.
  func sample(using stream: RandomStream) -> EntityID<Kind> { EntityID(Int(table.sample(using: stream))) }
}
