import CareModel
import SimKernel
import SimRandom
import SimTestSupport
import Testing

/// `beds.refused` counts admission requests that found no bed at the first hospital tried,
/// in every mode: a patient turned away by the spoke, the CHC and the district hospital is
/// one refusal, not three.
@Suite("Bed refusals")
struct BedRefusalTests {
  /// Every pool has one bed and stays last about a year, so after the first few admissions
  /// every request is refused everywhere.
  @Test("without ambulances, a patient refused everywhere counts once")
  func referralChainCountsOnce() throws {
    var net = TinyNetwork()
    net.spokeBeds = 1
    net.chcBeds = 1
    net.admit = 0.5
    net.refer = 0.5
    var spec = net.spec()
    spec.facilities[2].beds = 1
    spec.stays = Array(repeating: try .exponential(mean: SimDuration.days(365).minutes), count: Tier.allCases.count)
    let days = 60.0
    let layout = try CareLayout(spec: spec, horizon: .days(days))
    let r = CareNetworkModel.replicate(spec, layout: layout, seeder: StreamSeeder(masterSeed: 3, replication: 0),
                                       horizon: .days(days), warmUp: .zero)
    let requests = r.ledger.admittedAtSpoke + r.ledger.admittedOnReferral + r.ledger.unplaced
    let refused = r.values["beds.refused"]! * days
    #expect(requests > 500, "every consultation ends in a bed request")
    // At most one refusal per request; and every unplaced patient was refused at least once.
    #expect(refused <= Double(requests) + 1e-6, "\(refused) refusals for \(requests) requests")
    #expect(refused >= Double(r.ledger.unplaced) - 1e-6)
    #expect(abs(r.values["referrals.unplaced.per_day"]! * days - Double(r.ledger.unplaced)) < 1e-6)
    // The daily series counts the same refusals, day by day.
    let daily = try #require(r.tables.first { $0.name == "daily" })
    let column = try #require(daily.valueColumns.firstIndex(of: "beds_refused"))
    let byDay = daily.values.map { $0[column] }.reduce(0, +)
    #expect(abs(byDay - refused) < 1e-6, "\(byDay) refusals day by day, \(refused) in all")
  }

  @Test("with ambulances, an emergency that finds every hospital full counts once")
  func ambulanceScanCountsOnce() throws {
    let r = try LineNetwork(calls: 4, hospitalBeds: 1, secondHospital: true, stay: .days(365)).run(days: 60, tracing: false)
    let days = 60.0
    let calls = r.values["ambulance.calls.per_day"]! * days
    let refused = r.values["beds.refused"]! * days
    let unplaced = r.values["ambulance.unplaced.per_day"]! * days
    #expect(unplaced > 150, "both hospitals are full after the first two admissions")
    #expect(refused <= calls + 1e-6, "\(refused) refusals for \(calls) calls")
    // Each unplaced call was refused once, at its first hospital; at most one call per
    // second-hospital bed was refused at the first and placed at the second.
    #expect(refused >= unplaced - 1e-6 && refused <= unplaced + 1 + 1e-6, "\(refused) refused, \(unplaced) unplaced")
  }
}

@Suite("Bed upgrades from none")
struct UpgradeFromNoBedsTests {
  /// S1, a health & wellness centre with no beds, is to get 5 beds on day 20. Before that it
  /// is not a hospital a patient tries: its patients who need admission are referred, and no
  /// refusal is counted for it.
  @Test("a facility that has no beds yet refuses nobody and is passed over")
  func notYetUpgraded() throws {
    var net = TinyNetwork()
    net.admit = 0.5
    net.refer = 0
    var spec = net.spec()
    spec.upgrades = [.init(at: .startOfDay(20), facilities: [FacilityID(0)], beds: 5)]
    let layout = try CareLayout(spec: spec, horizon: .days(30))
    let r = CareNetworkModel.replicate(spec, layout: layout, seeder: StreamSeeder(masterSeed: 4, replication: 0),
                                       horizon: .days(30), warmUp: .zero, tracing: true)
    var admittedAtS1 = 0
    for record in r.records {
      switch record.event {
      case .admitted(_, let at) where at == FacilityID(0):
        #expect(record.time >= .startOfDay(20), "admitted at S1 before it had beds")
        admittedAtS1 += 1
      case .bedRefused(let at) where at == FacilityID(0):
        #expect(record.time >= .startOfDay(20), "S1 refused a patient before it had beds to refuse with")
      default: break
      }
    }
    #expect(admittedAtS1 > 0, "after day 20, S1 admits its own patients")
    #expect(r.values["referrals.per_day"]! > 0, "before day 20, S1's admissions are referred")
  }
}
