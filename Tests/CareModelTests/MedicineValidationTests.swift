import CareModel
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

/// The tiny network reduced so that each spoke's prescriptions are a Poisson stream of single
/// units: sessions never close, demand is flat, 50 specialists per specialty see everyone at
/// once in a constant minute (a Poisson stream shifted by a constant is Poisson), no call
/// fails, no one is referred, and every prescription holds one unit of the one medicine.
/// Spoke S1 (tier hwc) gets 75% of the requests, S2 (tier phc) 25%.
func poissonPrescriptions(perDay: Double, policy: MedicineSupply.Policy) throws -> TinyNetwork {
  var net = TinyNetwork.reduced()
  net.consult = try .constant(1)
  net.specialists = 50
  net.dailyRequests = perDay
  let line = MedicineSupply.Line(medicine: MedicineID(0), share: 1, quantity: 1)
  net.medicines = MedicineSupply(
    medicines: [.init(name: "m", unit: "tablet", unitCost: 1, retailPrice: 3)], lines: [[line], [line]],
    spokePolicy: policy, warehousePolicy: nil, unfilled: .outOfPocket, travelCostPerKm: 3, travelCandidates: 5)
  return net
}

/// A row of a breakdown table by its first key.
func row(_ r: CareReplication, _ table: String, _ key: String) -> (String) -> Double {
  let t = r.tables.first { $0.name == table }!
  let values = t.values[t.keys.firstIndex { $0[0] == key }!]
  return { values[t.valueColumns.firstIndex(of: $0)!] }
}

@Suite("Medicines against inventory theory", .tags(.validation))
struct MedicineValidationTests {
  /// Base-stock with lost sales is an Erlang loss system (the units on order are the busy
  /// servers): fill rate 1 − B(S, λL) with a constant lead time L. Levels are 1.99 days of
  /// cover, so S = ⌈14.925⌉ = 15 at S1 (7.5 a day, load 15) and S = ⌈4.975⌉ = 5 at S2 (2.5 a
  /// day, load 5): just below whole numbers, so rounding in the demand cannot move them.
  @Test("base-stock fill rate and stock match the Erlang loss system")
  func baseStockIsErlangLoss() throws {
    let policy = MedicineSupply.Policy(
      review: .continuous, orderUpTo: .daysOfCover(1.99), leadTime: try .constant(2 * 1440))
    let theory = try [(7.5, 15), (2.5, 5)].map { perDay, level in
      try QueueingTheory.baseStockLostSales(demandRate: perDay, meanLeadTime: 2, level: level)
    }
    try expectSpokesMatch(try poissonPrescriptions(perDay: 10, policy: policy), seed: 11,
                          fillRate: theory.map(\.fillRate), meanOnHand: theory.map(\.meanOnHand))
  }

  /// (s, S) with continuous review, lost sales and exponential lead times, when S − s > s so
  /// that at most one order is out: a Markov chain on (on hand, order out), solved here.
  @Test("(s, S) fill rate and stock match its Markov chain")
  func minMaxMatchesMarkovChain() throws {
    let (s, top, leadDays) = (3, 10, 1.0)
    let policy = MedicineSupply.Policy(
      review: .continuous, orderUpTo: .units(top), reorderAt: .units(s),
      leadTime: try .exponential(mean: leadDays * 1440))
    let chains = [7.5, 2.5].map { MinMaxChain(demand: $0, deliveryRate: 1 / leadDays, reorderAt: s, orderUpTo: top) }
    try expectSpokesMatch(try poissonPrescriptions(perDay: 10, policy: policy), seed: 12,
                          fillRate: chains.map(\.fillRate), meanOnHand: chains.map(\.meanOnHand))
  }

  /// Fill rate and mean stock at S1 (tier hwc) and S2 (phc) over 30 replications of 1,500
  /// days, each within 4 standard errors of its exact value, with teeth for a 5% bias.
  func expectSpokesMatch(_ net: TinyNetwork, seed: UInt64, fillRate: [Double], meanOnHand: [Double]) throws {
    var fill: [[Double]] = [[], []]
    var stock: [[Double]] = [[], []]
    for r in 0..<30 {
      let result = try net.run(seed: seed, replication: r, days: 1500, warmUp: 20)
      for (i, tier) in ["hwc", "phc"].enumerated() {
        let cell = row(result, "medicines-by-tier", tier)
        fill[i].append(cell("fill_rate"))
        stock[i].append(cell("stock_value_rs"))  // unit cost 1: mean units on hand
      }
    }
    for i in 0..<2 {
      for (label, exact, estimates) in [("fill rate", fillRate[i], fill[i]), ("stock", meanOnHand[i], stock[i])] {
        let check = TheoryCheck("spoke \(i + 1) \(label)", theory: exact, estimate: ReplicationEstimate(estimates)!)
        #expect(check.isWithin(standardErrors: 4), "\(check)")
        #expect(check.detectsBias(of: 0.05), "no teeth: \(check)")
      }
    }
  }

  /// Little's law on stock: mean units on the shelf = units given a day × days a unit spends
  /// on the shelf (first in, first out), under periodic review with random lead times. The
  /// window starts after a warm-up: the time units on the shelf at its start had spent there
  /// before it then balances, in expectation, the time of those still there at its end.
  /// (Without warm-up the initial stock is brand new, and L exceeds λW by 0.35% at 1,000 days.)
  @Test("stock obeys Little's law")
  func littleOnStock() throws {
    let policy = MedicineSupply.Policy(
      review: .periodic(days: 7), orderUpTo: .daysOfCover(12),
      leadTime: try .lognormal(mean: 3 * 1440, sd: 1440))
    let net = try poissonPrescriptions(perDay: 10, policy: policy)
    try TheoryCheck.ratioIsOne("L / (λ W) for stock", replications: 12) { r in
      let result = try net.run(seed: 13, replication: r, days: 1000, warmUp: 50)
      let v = result.values
      let m = row(result, "medicines-by-medicine", "m")
      let given = m("prescribed_units_per_day") * m("fill_rate")
      return v["medicines.stock.value"]! / (given * v["medicines.days_on_shelf"]!)
    }.expectAgreement()
  }
}

/// The (s, S) lost-sales chain with at most one order out (S − s > s): states (i, none) for
/// i in s+1...S and (i, out) for i in 0...s. Demand λ takes one unit (lost at 0); an order of
/// S − s is placed when on hand reaches s and arrives at rate μ.
struct MinMaxChain {
  let fillRate: Double
  let meanOnHand: Double

  init(demand lambda: Double, deliveryRate mu: Double, reorderAt s: Int, orderUpTo top: Int) {
    precondition(top - s > s)
    // Index: (i, out) → i for i ≤ s; (i, none) → s + 1 + (i − s − 1) = i for i > s. The two
    // ranges do not overlap, so state i is simply the on-hand level, with an order out iff i ≤ s.
    let n = top + 1
    var q = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    for i in 0..<n {
      if i > 0 { q[i][i - 1] += lambda }  // a demand; at s + 1 it places the order
      if i <= s { q[i][i + top - s] += mu }  // the order arrives
    }
    for i in 0..<n { q[i][i] = -q[i].reduce(0, +) }
    let pi = stationaryDistribution(generator: q)
    fillRate = 1 - pi[0]
    meanOnHand = pi.indices.reduce(0.0) { $0 + Double($1) * pi[$1] }
  }
}
