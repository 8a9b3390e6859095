import CareModel
import SimKernel
import SimRandom

/// A small network built in code: two spokes (one with beds), one hub, a CHC and a district
/// hospital for referrals. Parameters are overridable per test.
public struct TinyNetwork {
  public init() {}

  public var dailyRequests = 30.0
  public var consult: Distribution = try! .constant(10)
  public var specialists = 1
  public var sessionDays = [true, true, true, true, true, true, false]
  public var opensAt = SimDuration.hours(9)
  public var closesAt = SimDuration.hours(14)
  public var flatDemand = false
  public var connectionFailure = 0.05
  public var doctorUnavailable = 0.03
  public var sessionEnd = CareNetworkSpec.SessionEnd.wait
  public var assignment = CareNetworkSpec.Assignment.nearest
  public var spokeBeds = 2
  public var chcBeds = 3
  public var admit = 0.1
  public var refer = 0.1
  public var otherAdmissions = 0.0
  /// Compound growth of demand per 30 days, and the most requests a day growth can reach.
  public var monthlyGrowth = 0.0
  public var maxDaily: Double?
  /// Medicines, ASHA-mobilised demand and kitchens, when a test wants them.
  public var medicines: MedicineSupply?
  public var asha: AshaMobilisation?
  public var kitchens: KitchenSupply?

  /// The network reduced for checks against theory: flat demand, sessions that never close,
  /// no failed call, no admission and no referral.
  public static func reduced() -> TinyNetwork {
    var net = TinyNetwork()
    net.flatDemand = true
    net.sessionDays = Array(repeating: true, count: 7)
    net.opensAt = .zero
    net.closesAt = .day
    net.connectionFailure = 0
    net.doctorUnavailable = 0
    net.admit = 0
    net.refer = 0
    return net
  }

  public func spec() -> CareNetworkSpec {
    let facilities = [
      HealthCentre(id: "S1", name: "spoke one", tier: .hwc, district: "North", location: GeoPoint(latitude: 25.00, longitude: 85.00), beds: 0),
      HealthCentre(id: "S2", name: "spoke two", tier: .phc, district: "North", location: GeoPoint(latitude: 25.05, longitude: 85.10), beds: spokeBeds),
      HealthCentre(id: "H", name: "hub", tier: .dh, district: "North", location: GeoPoint(latitude: 25.10, longitude: 85.00), beds: 4),
      HealthCentre(id: "C", name: "chc", tier: .chc, district: "North", location: GeoPoint(latitude: 25.02, longitude: 85.05), beds: chcBeds),
    ]
    let hours = flatDemand ? Array(repeating: 1.0, count: 24)
      : (0..<24).map { (9..<16).contains($0) ? 1.0 : 0.0 }
    var spec = CareNetworkSpec(
      facilities: facilities, spokes: [FacilityID(0), FacilityID(1)], spokePopulation: [3000, 1000], hubs: [FacilityID(2)],
      specialties: [
        .init(name: "medicine", share: 0.7, consult: consult, specialistsByHubTier: Array(repeating: specialists, count: 8),
              admitProbability: admit, referProbability: refer),
        .init(name: "paediatrics", share: 0.3, consult: consult, specialistsByHubTier: Array(repeating: specialists, count: 8),
              admitProbability: admit, referProbability: refer),
      ],
      sessions: .init(days: sessionDays, opensAt: opensAt, closesAt: closesAt),
      policy: .init(assignment: assignment, sessionEnd: sessionEnd, connectionFailure: connectionFailure,
                    doctorUnavailable: doctorUnavailable, retryProbability: 0.7, maxAttempts: 3,
                    failedCall: SimDuration(minutes: 3)),
      demand: .init(dailyTotal: dailyRequests, hourOfDay: hours, dayOfWeek: flatDemand ? Array(repeating: 1, count: 7) : [1, 1, 1, 1, 1, 1, 0],
                    monthlyGrowth: monthlyGrowth, maxDaily: maxDaily),
      stays: Array(repeating: try! .exponential(mean: SimDuration.days(2).minutes), count: 8), referralTier: .chc,
      transport: .init(detour: 1.35, speedKmPerHour: 30, dispatchDelay: SimDuration(minutes: 20), costPerKm: 12),
      upgrades: [], mealCostPerPatientDay: 150, startWeekday: 0, startDate: "2021-03-01")
    var other = Array(repeating: 0.0, count: 8)
    other[Tier.phc.rank] = otherAdmissions
    other[Tier.chc.rank] = otherAdmissions
    spec.otherAdmissionsPerDay = other
    spec.medicines = medicines
    spec.asha = asha
    spec.kitchens = kitchens
    return spec
  }

  public func run(seed: UInt64 = 1, replication: Int = 0, days: Double = 28, warmUp: Double = 0, tracing: Bool = false)
    throws -> CareReplication
  {
    let s = spec()
    let layout = try CareLayout(spec: s, horizon: .days(days))
    return CareNetworkModel.replicate(s, layout: layout, seeder: StreamSeeder(masterSeed: seed, replication: replication),
                                      horizon: .days(days), warmUp: .days(warmUp), tracing: tracing)
  }
}
