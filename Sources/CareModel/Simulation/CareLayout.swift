import Foundation
import SimRandom

/// Everything about a network that does not change between replications, computed once:
/// arrival processes, which queue each spoke's patients join, referral candidates, bed pools
/// and the session timetable.
public struct CareLayout: Sendable {
  let arrivals: [ArrivalProcess]
  let specialtyChoice: CategoricalChoice
  /// Queue of each (spoke, specialty) at `spoke * specialties + specialty`: the hub's queue
  /// `hub * specialties + specialty`, or the specialty alone for the statewide pool.
  let poolOfSpoke: [Int]
  let specialtyCount: Int
  let statewide: Bool
  /// Specialists on duty in each queue during sessions.
  let poolSpecialists: [Int]
  /// Facilities with a bed pool (now or after an upgrade), and the maps to their pools.
  let bedFacilities: [Int]
  let facilityBedPool: [Int?]
  let spokeBedPool: [Int?]
  /// For each spoke: hospitals to try on referral, nearest suitable first.
  let referralCandidates: [[Int]]
  /// District index of each spoke, and the district names.
  let spokeDistrict: [Int]
  public let districts: [String]
  /// Session opening and closing instants within a week starting at the start date.
  let sessionChanges: [(minute: Double, open: Bool)]
  /// Sessions never close (every day, 00:00-24:00).
  let sessionsAlwaysOpen: Bool
  let monthlyGrowth: Double
  let growthMax: Double
  /// Roads, trees and call origins of the ambulance service, when there is one.
  let fleet: FleetLayout?

  /// Precomputes the layout of `spec` for runs of length `horizonMinutes`.
  public init(spec: CareNetworkSpec, horizonMinutes: Double) throws(DistributionError) {
    let names = spec.districts
    districts = names
    spokeDistrict = spec.spokes.map { names.firstIndex(of: spec.facilities[$0].district)! }
    let totalPopulation = Double(spec.spokePopulation.reduce(0, +))
    let hours = spec.demand.hourOfDay
    let days = (0..<7).map { spec.demand.dayOfWeek[($0 + spec.startWeekday) % 7] }
    let shape = (hours.reduce(0, +) / 24) * (days.reduce(0, +) / 7)
    let peakGrowth = pow(1 + spec.demand.monthlyGrowth, max(horizonMinutes, 0) / (30 * 1440))
    var processes: [ArrivalProcess] = []
    for population in spec.spokePopulation {
      // Candidates come at the peak growth factor; thinning keeps g(t)/g(peak) of them.
      let perMinute = peakGrowth * spec.demand.dailyTotal / 1440 * Double(max(population, 1)) / max(totalPopulation, 1)
      processes.append(.poisson(try .weekly(basePerMinute: perMinute / shape, hourOfDay: hours, dayOfWeek: days)))
    }
    arrivals = processes
    specialtyChoice = CategoricalChoice(weights: spec.specialties.map(\.share))
    specialtyCount = spec.specialties.count
    statewide = spec.policy.assignment == .statewidePool
    let perHub = spec.hubs.flatMap { h in spec.specialties.map { $0.specialistsByHubTier[spec.facilities[h].tier.rank] } }
    if statewide {
      poolSpecialists = spec.specialties.indices.map { c in
        spec.hubs.indices.reduce(0) { $0 + perHub[$1 * spec.specialties.count + c] }
      }
      poolOfSpoke = spec.spokes.flatMap { _ in Array(spec.specialties.indices) }
    } else {
      poolSpecialists = perHub
      poolOfSpoke = Self.assignHubs(spec, specialists: perHub)
    }
    var bedded = spec.facilities.indices.filter { spec.facilities[$0].beds > 0 }
    for u in spec.upgrades { for f in u.facilities where !bedded.contains(f) { bedded.append(f) } }
    bedded.sort()
    bedFacilities = bedded
    var map = [Int?](repeating: nil, count: spec.facilities.count)
    for (b, f) in bedded.enumerated() { map[f] = b }
    facilityBedPool = map
    spokeBedPool = spec.spokes.map { map[$0] }
    referralCandidates = Self.referralCandidates(spec)
    (sessionChanges, sessionsAlwaysOpen) = Self.sessionChanges(spec)
    monthlyGrowth = spec.demand.monthlyGrowth
    growthMax = peakGrowth
    fleet = try spec.fleet.map { f throws(DistributionError) in try FleetLayout(spec: spec, fleet: f, districts: names) }
  }

  /// Number of teleconsultation queues.
  public var poolCount: Int { poolSpecialists.count }

  func pool(spoke: Int, specialty: Int) -> Int { poolOfSpoke[spoke * specialtyCount + specialty] }

  /// Demand growth factor at `t` minutes.
  func growth(at t: Double) -> Double { pow(1 + monthlyGrowth, t / (30 * 1440)) }

  /// Day number (0 = the start date) of instant `t`.
  func day(of t: Double) -> Int { Int((t / 1440).rounded(.down)) }

  /// The first session change at or after `t` that flips the state from `isOpen` (so a
  /// close at the end of one week and an open at the start of the next, at the same instant,
  /// both happen).
  func nextSessionChange(from t: Double, isOpen: Bool) -> (Double, Bool)? {
    guard !sessionChanges.isEmpty else { return nil }
    let week = 7.0 * 1440
    let base = (t / week).rounded(.down) * week
    for cycle in 0..<3 {
      for c in sessionChanges where c.open != isOpen && base + Double(cycle) * week + c.minute >= t {
        return (base + Double(cycle) * week + c.minute, c.open)
      }
    }
    return nil
  }
}
