import CMallocCounter
import CareModel
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

@Suite("ASHA-mobilised demand, kitchens and medicine trips")
struct CommunitySupplyTests {
  /// 4,000 people, one ASHA per 100: 40 ASHAs each bringing 3 + 0.6 × 50/(50 + 50) = 3.3
  /// patients a month, so 4.4 a day averaged over the week, all on session days (Mon-Sat).
  static func mobilised(incentive: Double = 50) -> TinyNetwork {
    var net = TinyNetwork()
    net.asha = AshaMobilisation(peoplePerAsha: 100, incentive: incentive,
                                response: .init(base: 3, extra: 0.6, halfAt: 50))
    return net
  }

  @Test("ASHAs bring the patients their response promises, only on session days, and are paid per patient seen")
  func ashaRateAndIncentive() throws {
    let net = Self.mobilised()
    var rates: [Double] = []
    for r in 0..<20 {
      let result = try net.run(seed: 21, replication: r, days: 301, warmUp: 7)
      let v = result.values
      rates.append(v["asha.mobilised.per_day"]!)
      #expect(v["asha.workers"] == 40)
      #expect(abs(v["cost.asha_incentives"]! - v["asha.seen.per_day"]! * 50) < 1e-9)
      // Day 0 is a Monday: no request at all on Sundays (ordinary demand has none either).
      let daily = result.tables.first { $0.name == "daily" }!
      let requests = daily.valueColumns.firstIndex(of: "requests")!
      let day = daily.keyColumns.firstIndex(of: "day") ?? 0
      for (k, values) in zip(daily.keys, daily.values) where Int(k[day])! % 7 == 6 {
        #expect(values[requests] == 0, "requests on Sunday \(k)")
      }
    }
    let check = TheoryCheck("ASHA-mobilised a day", theory: 40 * 3.3 / 30, estimate: ReplicationEstimate(rates)!)
    #expect(check.isWithin(standardErrors: 4), "\(check)")
    #expect(check.detectsBias(of: 0.05), "no teeth: \(check)")
  }

  /// With no failed call and sessions that keep their queues, every patient is seen in the
  /// end, ASHA-mobilised ones included: the share seen is the same for both (a patient seen
  /// the moment they arrived was once not counted as mobilised).
  @Test("ASHA-mobilised patients are seen like everyone else")
  func mobilisedPatientsAreSeen() throws {
    var net = Self.mobilised()
    net.connectionFailure = 0
    net.doctorUnavailable = 0
    net.specialists = 3
    let v = try net.run(seed: 26, days: 200, warmUp: 7).values
    let all = v["teleconsult.completed.per_day"]! / v["teleconsult.requests.per_day"]!
    let mobilised = v["asha.seen.per_day"]! / v["asha.mobilised.per_day"]!
    #expect(all > 0.98)
    #expect(abs(mobilised - all) < 0.02, "seen: \(mobilised) of the mobilised, \(all) of all")
  }

  @Test("a higher incentive brings more patients, to the response's ceiling")
  func incentiveResponse() {
    let r = AshaMobilisation.Response(base: 0.1, extra: 0.6, halfAt: 50)
    #expect(r.patientsPerMonth(incentive: 0) == 0.1)
    #expect(abs(r.patientsPerMonth(incentive: 50) - 0.4) < 1e-15)
    #expect(r.patientsPerMonth(incentive: 100) > r.patientsPerMonth(incentive: 25))
    #expect(r.patientsPerMonth(incentive: 1e9) < 0.7 && r.patientsPerMonth(incentive: 1e9) > 0.6999)
  }

  /// With room for every meal, meals a day = meals per day × mean inpatients, where each pool
  /// with a kitchen is an Erlang loss system fed by outside admissions only (1 a day, stays
  /// exponential with mean 2 days): the PHC spoke (2 beds) and the CHC (3 beds).
  @Test("kitchens with room for all serve meals × mean inpatients of the Erlang loss system")
  func kitchenMealsMatchErlangLoss() throws {
    var net = TinyNetwork()
    net.admit = 0
    net.refer = 0
    net.otherAdmissions = 1
    var capacity = [Int?](repeating: nil, count: Tier.allCases.count)
    capacity[Tier.phc.rank] = 1000
    capacity[Tier.chc.rank] = 1000
    net.kitchens = KitchenSupply(mealTimes: [8, 12, 16, 20].map { .hours($0) }, capacityByTier: capacity, costPerMeal: 37.5)
    var meals: [Double] = []
    for r in 0..<20 {
      let v = try net.run(seed: 22, replication: r, days: 1000, warmUp: 20).values
      meals.append(v["kitchen.meals.per_day"]!)
      #expect(v["kitchen.shortfall"] == 0 && v["kitchen.short_days"] == 0)
    }
    let inpatients = [(2, 2.0), (3, 2.0)].reduce(0.0) { sum, pool in
      sum + pool.1 * (1 - QueueingTheory.erlangB(servers: pool.0, load: pool.1))
    }
    let check = TheoryCheck("meals a day", theory: 4 * inpatients, estimate: ReplicationEstimate(meals)!)
    #expect(check.isWithin(standardErrors: 4), "\(check)")
    #expect(check.detectsBias(of: 0.05), "no teeth: \(check)")
  }

  /// A kitchen of 5 meals a day at a CHC whose 3 beds need up to 12: it never serves more than
  /// 5 a day, serves exactly what was owed less the shortfall, and meals cost what was served.
  @Test("a small kitchen serves at most its meals a day, and meals cost what was served")
  func kitchenCapacityBinds() throws {
    var net = TinyNetwork()
    net.admit = 0
    net.refer = 0
    net.otherAdmissions = 2
    var capacity = [Int?](repeating: nil, count: Tier.allCases.count)
    capacity[Tier.chc.rank] = 5
    net.kitchens = KitchenSupply(mealTimes: [8, 13, 20].map { .hours($0) }, capacityByTier: capacity, costPerMeal: 40)
    let r = try net.run(seed: 23, days: 200, warmUp: 10)
    let k = row(r, "kitchens", "C")
    #expect(k("meals_per_day") <= 5 + 1e-9 && k("meals_per_day") > 4)
    #expect(abs(k("meals_per_day") - k("meals_owed_per_day") * (1 - k("shortfall"))) < 1e-9)
    #expect(k("short_days") > 0.5)
    // Meals: the CHC's served at Rs 40; the other pools' inpatient-days at Rs 150 on top.
    let v = r.values
    #expect(abs(v["kitchen.meals.per_day"]! - k("meals_per_day")) < 1e-9)
    #expect(v["cost.meals"]! > k("meals_per_day") * 40)
  }

  /// S1 (7.5 prescriptions a day) and S2 (2.5) start with 20 units and no delivery comes
  /// within the run: S1 runs out first and its patients fetch from S2 while S2 lasts. Each
  /// trip is both ways of the road distance between them.
  @Test("patients travel to the nearest spoke with stock, both ways, and stop when it runs out")
  func travelToNeighbour() throws {
    let policy = MedicineSupply.Policy(review: .continuous, orderUpTo: .units(20), leadTime: try .constant(10_000 * 1440))
    var net = try poissonPrescriptions(perDay: 10, policy: policy)
    net.medicines!.unfilled = .travel
    let r = try net.run(seed: 24, days: 60)
    let v = r.values
    let trips = v["medicines.trips.per_day"]! * 60
    #expect(trips >= 1)
    let s1 = GeoPoint(latitude: 25.00, longitude: 85.00)
    let s2 = GeoPoint(latitude: 25.05, longitude: 85.10)
    let km = s1.kilometres(to: s2) * 1.35
    #expect(abs(v["medicines.trip_cost.per_day"]! * 60 - trips * 2 * km * 3) < 1e-6)
    // Both shelves start with 20 and nothing comes: 40 units given in all, within 60 days.
    let given = row(r, "medicines-by-medicine", "m")
    #expect(abs(given("prescribed_units_per_day") * given("fill_rate") * 60 + trips - 40) < 1e-6)
    #expect(v["medicines.stockout"]! > 0.5)
  }

  /// Medicines, ASHA arrivals and kitchens allocate nothing per event once warmed up.
  @Test("no heap allocation per event with medicines, ASHAs and kitchens")
  func noAllocationsPerEvent() throws {
    let policy = MedicineSupply.Policy(review: .periodic(days: 7), orderUpTo: .daysOfCover(10),
                                       leadTime: try .lognormal(mean: 3 * 1440, sd: 1440))
    var net = try poissonPrescriptions(perDay: 200, policy: policy)
    net.medicines!.warehousePolicy = .init(review: .continuous, orderUpTo: .daysOfCover(30), reorderAt: .daysOfCover(10),
                                           leadTime: try .constant(5 * 1440))
    net.medicines!.unfilled = .travel
    net.otherAdmissions = 1
    net.asha = AshaMobilisation(peoplePerAsha: 100, incentive: 20, response: .init(base: 3, extra: 1, halfAt: 20))
    var capacity = [Int?](repeating: nil, count: Tier.allCases.count)
    capacity[Tier.chc.rank] = 8
    net.kitchens = KitchenSupply(mealTimes: [.hours(8), .hours(20)], capacityByTier: capacity, costPerMeal: 30)
    // The results (a row a day in the daily table) allocate in proportion to the days, so the
    // growth with the features is compared with the growth without them.
    var plain = net
    plain.medicines = nil
    plain.asha = nil
    plain.kitchens = nil
    func growth(_ n: TinyNetwork) throws -> (allocations: Int, events: UInt64) {
      func allocations(days: Double) throws -> (UInt64, UInt64) {
        let before = telesim_thread_allocations()
        let r = try n.run(seed: 25, days: days)
        return (telesim_thread_allocations() - before, r.events)
      }
      let (short, shortEvents) = try allocations(days: 200)
      let (long, longEvents) = try allocations(days: 400)
      return (Int(long) - Int(short), longEvents - shortEvents)
    }
    let with = try growth(net)
    let without = try growth(plain)
    #expect(with.allocations - without.allocations <= 64, "\(with) with the features, \(without) without")
    #expect(with.events > without.events + 1_000)
    // Every feature ran: prescriptions were filled, orders cut, meals served, ASHAs came.
    let v = try net.run(seed: 25, days: 200).values
    for name in ["medicines.orders.per_day", "kitchen.meals.per_day", "asha.mobilised.per_day"] {
      #expect(v[name]! > 0, "\(name)")
    }
  }
}
