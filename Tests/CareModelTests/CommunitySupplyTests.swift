import CMallocCounter
import CareModel
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

/// Kitchens of `meals` a day at the facilities of each tier listed, serving at `hours` o'clock.
func kitchens(_ meals: [(Tier, Int)], at hours: [Double], costPerMeal: Double) -> KitchenSupply {
  var capacity = [Int?](repeating: nil, count: Tier.allCases.count)
  for (tier, perDay) in meals { capacity[tier.rank] = perDay }
  return KitchenSupply(mealTimes: hours.map { .hours($0) }, capacityByTier: capacity, costPerMeal: costPerMeal)
}

/// The tiny network whose beds take only outside admissions (`perDay` at the PHC spoke and at
/// the CHC; no consultation ends in admission or referral), with `kitchens`.
func inpatientsOnly(_ perDay: Double, _ kitchens: KitchenSupply) -> TinyNetwork {
  var net = TinyNetwork()
  net.admit = 0
  net.refer = 0
  net.otherAdmissions = perDay
  net.kitchens = kitchens
  return net
}

@Suite("ASHA-mobilised demand, kitchens and medicine trips")
struct CommunitySupplyTests {
  /// 4,000 people, one ASHA per 100: 40 ASHAs each bringing 3 + 0.6 × 50/(50 + 50) = 3.3
  /// patients a month, so 4.4 a day averaged over the week, all on session days (Mon-Sat).
  static func mobilised(incentive: Double = 50) -> TinyNetwork {
    var net = TinyNetwork()
    net.asha = AshaMobilisation(
      peoplePerAsha: 100, incentive: incentive,
      response: .init(base: 3, extra: 0.6, halfAt: 50))
    return net
  }

  @Test("ASHAs bring the patients their response promises, only on session days, and are paid per patient seen")
  func ashaRateAndIncentive() throws {
    var net = Self.mobilised()
    // Failed calls and retries: a patient seen after a failure is paid for once.
    net.connectionFailure = 0.2
    var rates: [Double] = []
    for r in 0..<20 {
      let result = try net.run(seed: 21, replication: r, days: 301, warmUp: 7)
      let v = result.values
      rates.append(v["asha.mobilised.per_day"]!)
      #expect(v["asha.workers"] == 40)
      #expect(abs(v["cost.asha_incentives"]! - v["asha.seen.per_day"]! * 50) < 1e-9)
      #expect(v["asha.seen.per_day"]! <= v["asha.mobilised.per_day"]!)
      #expect(v["asha.seen.per_day"]! <= v["teleconsult.completed.per_day"]!)
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
    let net = inpatientsOnly(1, kitchens([(.phc, 1000), (.chc, 1000)], at: [8, 12, 16, 20], costPerMeal: 37.5))
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
    let net = inpatientsOnly(2, kitchens([(.chc, 5)], at: [8, 13, 20], costPerMeal: 40))
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
    let policy = MedicineSupply.Policy(
      review: .continuous, orderUpTo: .units(20), leadTime: try .constant(10_000 * 1440))
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
  @Test("no heap allocation per event with medicines, ASHAs and kitchens (release builds)", .enabled(if: isOptimizedBuild))
  func noAllocationsPerEvent() throws {
    let policy = MedicineSupply.Policy(
      review: .periodic(days: 7), orderUpTo: .daysOfCover(10),
      leadTime: try .lognormal(mean: 3 * 1440, sd: 1440))
    var net = try poissonPrescriptions(perDay: 200, policy: policy)
    net.medicines!.warehousePolicy = .init(
      review: .continuous, orderUpTo: .daysOfCover(30), reorderAt: .daysOfCover(10),
      leadTime: try .constant(5 * 1440))
    net.medicines!.unfilled = .travel
    net.otherAdmissions = 1
    net.asha = AshaMobilisation(peoplePerAsha: 100, incentive: 20, response: .init(base: 3, extra: 1, halfAt: 20))
    net.kitchens = kitchens([(.chc, 8)], at: [8, 20], costPerMeal: 30)
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
    // Every feature ran: prescriptions were filled and ordered, meals served, ASHAs came.
    let v = try net.run(seed: 25, days: 200).values
    for name in ["medicines.orders.per_day", "kitchen.meals.per_day", "asha.mobilised.per_day"] {
      #expect(v[name]! > 0, "\(name)")
    }
  }
}

@Suite("Medicines, ASHAs and kitchens: accounting")
struct SupplyAccountingTests {
  /// ASHA-mobilised patients draw their specialty from the ASHA stream, so adding them leaves
  /// every request that came by itself exactly as it was (common random numbers).
  @Test("adding ASHAs leaves the spokes' own requests unchanged")
  func ashaKeepsCommonRandomNumbers() throws {
    var plain = TinyNetwork()
    plain.connectionFailure = 0
    plain.doctorUnavailable = 0
    var with = CommunitySupplyTests.mobilised()
    with.connectionFailure = 0
    with.doctorUnavailable = 0
    let a = try plain.run(seed: 31, days: 120).values
    let b = try with.run(seed: 31, days: 120).values
    #expect(b["asha.mobilised.per_day"]! > 1)
    let own = (b["teleconsult.requests.per_day"]! - b["asha.mobilised.per_day"]!) * 120
    #expect(abs(own - a["teleconsult.requests.per_day"]! * 120) < 1e-6, "\(own) requests came by themselves")
  }

  /// No incentive and no unpaid mobilisation: ASHAs bring no one, and the run goes on.
  @Test("ASHAs who bring no one are a run with none mobilised")
  func zeroAshaRate() throws {
    var net = TinyNetwork()
    net.asha = AshaMobilisation(peoplePerAsha: 1000, incentive: 0, response: .init(base: 0, extra: 0.6, halfAt: 50))
    let v = try net.run(seed: 32, days: 30).values
    #expect(v["asha.mobilised.per_day"] == 0 && v["cost.asha_incentives"] == 0)
  }

  /// Warehouses that can never run out (S of a million, delivered at once) change nothing at
  /// the spokes: the same orders, fill rate and stock as with no warehouses modelled.
  @Test("warehouses that never run out are the same as no warehouses")
  func ampleWarehousesChangeNothing() throws {
    let policy = MedicineSupply.Policy(
      review: .continuous, orderUpTo: .units(6), reorderAt: .units(2),
      leadTime: try .exponential(mean: 1440))
    let without = try poissonPrescriptions(perDay: 10, policy: policy)
    var with = without
    with.medicines!.warehousePolicy = .init(
      review: .continuous, orderUpTo: .units(1_000_000), leadTime: try .constant(0))
    let a = try without.run(seed: 33, days: 300).values
    let b = try with.run(seed: 33, days: 300).values
    for name in ["medicines.fill_rate", "medicines.orders.per_day", "medicines.stock.value", "medicines.days_on_shelf"]
    {
      #expect(a[name] == b[name], "\(name)")
    }
    #expect(b["medicines.order_cut"] == 0)
    // The state pays for what reaches the warehouses (here, at the instant spokes order).
    #expect(abs(b["cost.medicines"]! - a["cost.medicines"]!) <= 6 / 300 + 1e-9)
  }

  /// A warehouse with 20 units that never restocks: once empty, every spoke order is cut, and
  /// a spoke whose order was cut asks again the next day, not at every patient.
  @Test("an empty warehouse cuts orders, and spokes ask again once a day")
  func emptyWarehouseCutsOrders() throws {
    let policy = MedicineSupply.Policy(review: .continuous, orderUpTo: .units(6), leadTime: try .constant(1440))
    var net = try poissonPrescriptions(perDay: 20, policy: policy)
    net.medicines!.warehousePolicy = .init(
      review: .periodic(days: 3000), orderUpTo: .units(20),
      leadTime: try .constant(1440))
    let v = try net.run(seed: 34, days: 200).values
    #expect(v["medicines.order_cut"]! > 0.5)
    // Two spokes, one medicine: at most one order each a day once the warehouse is empty
    // (and the 20 units it had took a few orders).
    #expect(v["medicines.orders.per_day"]! <= 2 + 20.0 / 200)
    #expect(v["medicines.fill_rate"]! < 0.2)
  }

  /// With kitchens, meals cost every meal owed at the meal price (a shortfall is bought by
  /// the family, not saved), other pools their inpatient-days at the daily price, and the
  /// tiers' meal costs add up to the statewide line.
  @Test("meal costs with kitchens: owed meals at the meal price, and the tiers add up")
  func mealCostsAddUp() throws {
    let net = inpatientsOnly(2, kitchens([(.chc, 5)], at: [8, 13, 20], costPerMeal: 40))
    let r = try net.run(seed: 35, days: 200, warmUp: 10)
    let k = row(r, "kitchens", "C")
    #expect(abs(row(r, "by-tier", "chc")("meal_cost_rs_per_day") - k("meals_owed_per_day") * 40) < 1e-6)
    let tiers = r.tables.first { $0.name == "by-tier" }!
    let column = tiers.valueColumns.firstIndex(of: "meal_cost_rs_per_day")!
    #expect(abs(tiers.values.reduce(0.0) { $0 + $1[column] } - r.values["cost.meals"]!) < 1e-6)
    // A kitchen of none owes the same meals, so costs the same: the shortfall shows, not a saving.
    let none = inpatientsOnly(2, kitchens([(.chc, 0)], at: [8, 13, 20], costPerMeal: 40))
    let v = try none.run(seed: 35, days: 200, warmUp: 10).values
    #expect(v["cost.meals"] == r.values["cost.meals"] && v["kitchen.shortfall"] == 1)
  }

  /// A meal at the horizon (00:00 of the day after the run) is not served within it: a
  /// kitchen of 10 meals a day at one meal time serves at most 10 a day.
  @Test("a meal at the horizon is outside the run")
  func mealAtHorizon() throws {
    var net = TinyNetwork()
    net.otherAdmissions = 3
    net.kitchens = kitchens([(.chc, 1)], at: [0], costPerMeal: 40)
    let r = try net.run(seed: 36, days: 30)
    #expect(row(r, "kitchens", "C")("meals_per_day") <= 1)
  }

  /// A medicine no specialty prescribes (share 0) and so with no stock is not "out of stock":
  /// it leaves stock-out time as it is with the medicine left out.
  @Test("a medicine no one is prescribed does not count as out of stock")
  func unprescribedMedicineIsNotOut() throws {
    let policy = MedicineSupply.Policy(
      review: .continuous, orderUpTo: .daysOfCover(3), leadTime: try .constant(2 * 1440))
    let one = try poissonPrescriptions(perDay: 10, policy: policy)
    var two = one
    let unused = MedicineSupply.Line(medicine: MedicineID(1), share: 0, quantity: 1)
    two.medicines!.medicines.append(.init(name: "unused", unit: "vial", unitCost: 100, retailPrice: 300))
    two.medicines!.lines = two.medicines!.lines.map { $0 + [unused] }
    let a = try one.run(seed: 37, days: 200).values
    let b = try two.run(seed: 37, days: 200).values
    #expect(a["medicines.stockout"]! > 0.01)
    #expect(a["medicines.stockout"] == b["medicines.stockout"])
  }
}
