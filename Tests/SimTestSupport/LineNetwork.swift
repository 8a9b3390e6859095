import CareModel
import SimKernel
import SimRandom

/// A line of road, 6 km a segment at 20 km/h (18 min):
///
///     A (base P1) —— B (village, all calls) —— C (hospital H, base P2)
///
/// Consultation demand is tiny and never refers, so the fleet's work is the emergency calls.
public struct LineNetwork {
  public init(secondAmbulance: Bool = false, calls: Double = 4, duty: FleetSpec.Shift? = nil,
              dispatch: FleetSpec.Dispatch = .road, hospitalBeds: Int = 5, admit: Double = 1,
              secondHospital: Bool = false, stay: SimDuration = .days(2)) {
    self.secondAmbulance = secondAmbulance
    self.calls = calls
    self.duty = duty
    self.dispatch = dispatch
    self.hospitalBeds = hospitalBeds
    self.admit = admit
    self.secondHospital = secondHospital
    self.stay = stay
  }

  public var secondAmbulance = false
  public var calls = 4.0
  public var duty: FleetSpec.Shift?
  public var dispatch = FleetSpec.Dispatch.road
  public var hospitalBeds = 5
  public var admit = 1.0
  /// A second hospital, at A (ties with H on time from B; H comes first by table order).
  public var secondHospital = false
  /// Mean length of stay.
  public var stay = SimDuration.days(2)
  /// Teleconsultation demand at the spoke (a day) and the share of consultations referred.
  public var dailyRequests = 1.0
  public var refer = 0.0
  /// The longest a call may wait for an ambulance.
  public var maxQueue = SimDuration.hours(10)
  /// Chute, time at scene and handover (constant unless a test varies them).
  public var chute: Distribution = try! .constant(2)
  public var atScene: Distribution = try! .constant(10)
  public var handover: Distribution = try! .constant(5)

  public static let a = GeoPoint(latitude: 25, longitude: 85)
  public static let b = GeoPoint(latitude: 25, longitude: 85.06)
  public static let c = GeoPoint(latitude: 25, longitude: 85.12)

  public func spec() throws -> CareNetworkSpec {
    var net = TinyNetwork()
    net.dailyRequests = dailyRequests
    net.admit = 0
    net.refer = refer
    var spec = net.spec()
    spec.facilities = [
      HealthCentre(id: "S", name: "spoke", tier: .hwc, district: "North", location: Self.b, beds: 0),
      HealthCentre(id: "P1", name: "base one", tier: .phc, district: "North", location: Self.a, beds: 0),
      HealthCentre(id: "H", name: "hospital", tier: .chc, district: "North", location: Self.c, beds: hospitalBeds),
      HealthCentre(id: "P2", name: "base two", tier: .phc, district: "North", location: Self.c, beds: 0),
    ] + (secondHospital ? [HealthCentre(id: "H2", name: "hospital two", tier: .chc, district: "North", location: Self.a,
                                        beds: hospitalBeds)] : [])
    spec.stays = Array(repeating: try .exponential(mean: stay.minutes), count: Tier.allCases.count)
    spec.spokes = [FacilityID(0)]
    spec.spokePopulation = [1000]
    spec.hubs = [FacilityID(2)]
    var fleet = FleetSpec(
      ambulances: [.init(kind: .basic, base: FacilityID(1))] + (secondAmbulance ? [.init(kind: .basic, base: FacilityID(3))] : []),
      callsPerDay: calls, hourOfDay: Array(repeating: 1, count: 24), dayOfWeek: Array(repeating: 1, count: 7),
      priorities: [.init(name: "emergency", share: 1, needsAdvanced: false, admitProbability: admit)], dispatch: dispatch,
      chute: chute, atScene: atScene, handover: handover, maxQueue: maxQueue,
      urbanTarget: SimDuration(minutes: 20), ruralTarget: SimDuration(minutes: 35), urbanRadiusKm: 0, hospitalTier: .chc,
      conditions: TravelConditions(), detour: 1, startDayOfYear: 0)
    fleet.habitations = [Habitation(location: Self.b, population: 1000)]
    fleet.roads = RoadGraph(nodes: [Self.a, Self.b, Self.c], edges: [
      .init(from: RoadNodeID(0), to: RoadNodeID(1), kilometres: 6, speed: 20),
      .init(from: RoadNodeID(1), to: RoadNodeID(2), kilometres: 6, speed: 20),
    ])
    if let duty { fleet.dutyHours[.basic] = duty }
    spec.fleet = fleet
    return spec
  }

  public func run(seed: UInt64 = 1, days: Double = 20, warmUp: Double = 0, tracing: Bool = true) throws -> CareReplication {
    try Self.run(spec(), seed: seed, days: days, warmUp: warmUp, tracing: tracing)
  }

  /// Runs `spec` (a line network changed by a test) for `days` days.
  public static func run(_ spec: CareNetworkSpec, seed: UInt64 = 1, days: Double = 20, warmUp: Double = 0,
                         tracing: Bool = true) throws -> CareReplication {
    let layout = try CareLayout(spec: spec, horizon: .days(days))
    return CareNetworkModel.replicate(spec, layout: layout, seeder: StreamSeeder(masterSeed: seed, replication: 0),
                                      horizon: .days(days), warmUp: .days(warmUp), tracing: tracing)
  }
}

