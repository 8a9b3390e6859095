import CareModel
import SimKernel
import SimRandom
import SimTestSupport
import Testing

/// Paths of the care model that had no test: referrals by ambulance, dated upgrades, hub
/// assignment under each policy.
@Suite("Care pathways")
struct PathwayTests {
  @Test("with an ambulance service, every referred patient travels by ambulance to a referral hospital")
  func referralsByAmbulance() throws {
    var net = LineNetwork(calls: 0.5)
    net.dailyRequests = 20
    net.refer = 0.5
    let r = try net.run(days: 20)
    let days = 20.0
    #expect(r.values["referrals.per_day"]! * days > 50)
    #expect(r.values["ambulance.transfers.per_day"] == r.values["referrals.per_day"], "each referral is one transfer call")
    var transferOf: [Int: Int] = [:]  // call serial → patient serial (lookup only)
    var delivered: [Int] = []
    var admitted: [Int: FacilityID] = [:]
    for record in r.records {
      switch record.event {
      case .travel: Issue.record("straight-line transport used although there are ambulances")
      case .callOpened(let call, let node, _, let patient?):
        transferOf[call] = patient
        #expect(node == RoadNodeID(1), "transfers start at the spoke's node")
      case .atHospital(_, let call, let hospital):
        if let p = transferOf[call] {
          delivered.append(p)
          #expect(hospital == FacilityID(2), "H is the only referral hospital")
        }
      case .admitted(let p, let at): admitted[p] = at
      default: break
      }
    }
    #expect(delivered.count > 40)
    for p in delivered { #expect(admitted[p] == FacilityID(2), "patient \(p) delivered but not admitted there") }
    #expect(r.ledger.admittedOnReferral == delivered.count)
    #expect(r.ledger.arrived == r.ledger.ended + r.patientsInSystem)
  }

  /// S2 is a PHC with 2 beds, fed by 20 outside admissions a day (stays of 2 days): it is
  /// full until its upgrades to 10 beds on day 10 and to 30 on day 20.
  @Test("dated bed upgrades take effect on their dates")
  func upgradesOnTheirDates() throws {
    var net = TinyNetwork()
    net.otherAdmissions = 20
    net.dailyRequests = 1
    var spec = net.spec()
    spec.upgrades = [.init(at: .startOfDay(10), facilities: [FacilityID(1)], beds: 10),
                     .init(at: .startOfDay(20), facilities: [FacilityID(1)], beds: 30)]
    let layout = try CareLayout(spec: spec, horizon: .days(40))
    let r = CareNetworkModel.replicate(spec, layout: layout, seeder: StreamSeeder(masterSeed: 2, replication: 0),
                                       horizon: .days(40), warmUp: .zero)
    let daily = try #require(r.tables.first { $0.name == "daily" })
    let beds = daily.values.map { $0[daily.valueColumns.firstIndex(of: "beds_occupied")!] }
    // Other pools: the CHC (3 beds, also 20 outside admissions a day) and the hub (4 beds).
    let others = 3.0 + 4
    #expect(beds[..<10].allSatisfy { $0 <= 2 + others }, "\(beds[..<10])")
    #expect(beds[10..<20].allSatisfy { $0 <= 10 + others } && beds[12..<20].contains { $0 > 2 + others })
    #expect(beds[22...].contains { $0 > 10 + others + 5 }, "\(beds[20...])")
  }

  /// Three hubs, two districts: North has the district hospital HN (near S1) and the medical
  /// college HM (far north); South has HS, which is nearer to S1 than HN is. Paediatricians work
  /// only at the medical college.
  static func threeHubs(_ assignment: CareNetworkSpec.Assignment) throws -> CareReplication {
    var net = TinyNetwork()
    net.assignment = assignment
    net.dailyRequests = 20
    var spec = net.spec()
    spec.facilities = [
      HealthCentre(id: "S1", name: "s1", tier: .hwc, district: "North", location: GeoPoint(latitude: 25.0, longitude: 85.0), beds: 0),
      HealthCentre(id: "S2", name: "s2", tier: .hwc, district: "South", location: GeoPoint(latitude: 24.6, longitude: 85.0), beds: 0),
      HealthCentre(id: "HN", name: "hn", tier: .dh, district: "North", location: GeoPoint(latitude: 25.2, longitude: 85.0), beds: 4),
      HealthCentre(id: "HM", name: "hm", tier: .mch, district: "North", location: GeoPoint(latitude: 25.8, longitude: 85.0), beds: 4),
      HealthCentre(id: "HS", name: "hs", tier: .dh, district: "South", location: GeoPoint(latitude: 24.9, longitude: 85.0), beds: 4),
    ]
    spec.hubs = [FacilityID(2), FacilityID(3), FacilityID(4)]
    var paediatrics = spec.specialties[1].specialistsByHubTier.map { _ in 0 }
    paediatrics[Tier.mch.rank] = 1
    spec.specialties[1].specialistsByHubTier = paediatrics
    let layout = try CareLayout(spec: spec, horizon: .days(14))
    return CareNetworkModel.replicate(spec, layout: layout, seeder: StreamSeeder(masterSeed: 9, replication: 0),
                                      horizon: .days(14), warmUp: .zero, tracing: true)
  }

  /// The queue each (spoke, specialty) joined, read from the trace: queue = hub × 2 + specialty.
  static func queues(_ r: CareReplication) -> Set<[Int]> {
    var patient: [Int: (spoke: FacilityID, specialty: SpecialtyID)] = [:]
    var joined = Set<[Int]>()
    for record in r.records {
      switch record.event {
      case .arrival(let p, let spoke, let specialty): patient[p] = (spoke, specialty)
      case .consultStart(let p, let queue, _):
        if let who = patient[p] { joined.insert([who.spoke.index, who.specialty.index, queue.index]) }
      default: break
      }
    }
    return joined
  }

  @Test("own-district sends a spoke to its district's nearest hub that has the specialty; nearest ignores districts; the statewide pool has one queue per specialty",
        arguments: CareNetworkSpec.Assignment.allCases)
  func assignment(policy: CareNetworkSpec.Assignment) throws {
    let joined = Self.queues(try Self.threeHubs(policy))
    // (spoke S1 = 0 / S2 = 1, specialty medicine = 0 / paediatrics = 1, queue)
    let expected: Set<[Int]>
    switch policy {
    case .ownDistrict:  // S1 → HN (North); S2 → HS; paediatrics only at HM (hub 1).
      expected = [[0, 0, 0], [0, 1, 3], [1, 0, 4], [1, 1, 3]]
    case .nearest:  // S1 → HS (hub 2), nearer than HN.
      expected = [[0, 0, 4], [0, 1, 3], [1, 0, 4], [1, 1, 3]]
    case .statewidePool:  // One queue per specialty.
      expected = [[0, 0, 0], [0, 1, 1], [1, 0, 0], [1, 1, 1]]
    }
    #expect(joined == expected, "\(policy): \(joined.sorted { $0.lexicographicallyPrecedes($1) })")
  }
}
