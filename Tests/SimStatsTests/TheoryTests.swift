import SimStats
import Foundation
import Testing

@Suite("Queueing formulas")
struct TheoryTests {
  @Test("Erlang B and C match published table values")
  func erlangTables() throws {
    // Erlang B(c = 10, a = 5) = 0.018385; B(5, 3) = 0.110054 (standard tables).
    #expect(abs(QueueingTheory.erlangB(servers: 10, load: 5) - 0.0183846) < 1e-6)
    #expect(abs(QueueingTheory.erlangB(servers: 5, load: 3) - 0.1100543) < 1e-6)
    // Erlang C(c = 2, a = 1) = 1/3; C(1, ρ) = ρ.
    #expect(abs(try QueueingTheory.erlangC(servers: 2, load: 1) - 1.0 / 3) < 1e-12)
    #expect(abs(try QueueingTheory.erlangC(servers: 1, load: 0.7) - 0.7) < 1e-12)
    #expect(throws: TheoryError.self) { try QueueingTheory.erlangC(servers: 3, load: 3) }
  }

  @Test("M/M/1 closed forms")
  func mm1() throws {
    let m = try QueueingTheory.mmc(arrivalRate: 0.8, serviceRate: 1, servers: 1)
    #expect(abs(m.meanWait - 4) < 1e-12)          // ρ/(μ − λ)
    #expect(abs(m.meanSojourn - 5) < 1e-12)       // 1/(μ − λ)
    #expect(abs(m.meanInSystem - 4) < 1e-12)      // ρ/(1 − ρ)
    #expect(abs(m.meanQueueLength - 3.2) < 1e-12) // ρ²/(1 − ρ)
    // P(W_q > t) = ρ e^{−(μ−λ)t}: the 90% point solves 0.8 e^{−0.2 t} = 0.1.
    let p90 = m.waitQuantiles.first { $0.level == 0.9 }!.value
    #expect(abs(p90 - log(8) / 0.2) < 1e-9)
    #expect(abs(try QueueingTheory.mmcWaitExceeds(p90, arrivalRate: 0.8, serviceRate: 1, servers: 1) - 0.1) < 1e-12)
  }

  @Test("M/M/c/K with K = c gives Erlang B, and large K approaches M/M/c")
  func mmckLimits() throws {
    let loss = try QueueingTheory.mmck(arrivalRate: 5, serviceRate: 1, servers: 10, capacity: 10)
    #expect(abs(loss.blocking - QueueingTheory.erlangB(servers: 10, load: 5)) < 1e-12)
    #expect(loss.meanWait == 0)
    let big = try QueueingTheory.mmck(arrivalRate: 3, serviceRate: 1, servers: 4, capacity: 400)
    let open = try QueueingTheory.mmc(arrivalRate: 3, serviceRate: 1, servers: 4)
    #expect(abs(big.meanWait - open.meanWait) < 1e-9)
    #expect(abs(big.probabilityOfWaiting! - open.probabilityOfWaiting!) < 1e-9)
    // M/M/1/K: p_K = (1 − ρ)ρ^K / (1 − ρ^{K+1}).
    let k = try QueueingTheory.mmck(arrivalRate: 0.5, serviceRate: 1, servers: 1, capacity: 3)
    #expect(abs(k.blocking - 0.5 * 0.125 / (1 - 0.0625)) < 1e-12)
    let probabilities = QueueingTheory.mmckStateProbabilities(load: 0.5, servers: 1, capacity: 3)
    #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
  }

  @Test("M/G/1 with exponential service equals M/M/1; deterministic service halves the wait")
  func pollaczekKhinchine() throws {
    let mg1 = try QueueingTheory.mg1(arrivalRate: 0.8, serviceMean: 1, serviceVariance: 1)
    #expect(abs(mg1.meanWait - 4) < 1e-12)
    let md1 = try QueueingTheory.mg1(arrivalRate: 0.8, serviceMean: 1, serviceVariance: 0)
    #expect(abs(md1.meanWait - 2) < 1e-12)
    #expect(throws: TheoryError.self) { try QueueingTheory.mg1(arrivalRate: 1, serviceMean: 1, serviceVariance: 0) }
  }

  @Test("Jackson traffic equations: a tandem line and a feedback loop")
  func jackson() throws {
    // Feedback: λ = γ + 0.5 λ ⇒ λ = 2γ.
    let loop = try QueueingTheory.solveTrafficEquations(external: [1], routing: [[0.5]])
    #expect(abs(loop[0] - 2) < 1e-12)
    let tandem = try QueueingTheory.jackson(
      stations: [.init(servers: 1, serviceRate: 2, externalArrivalRate: 1),
                 .init(servers: 2, serviceRate: 1, externalArrivalRate: 0)],
      routing: [[0, 1], [0, 0]])
    #expect(abs(tandem.stations[1].throughput - 1) < 1e-12)
    // Σ L_i / γ: M/M/1 with ρ = 1/2 has L = 1; M/M/2 with a = 1 has L = 4/3.
    #expect(abs(tandem.meanNetworkSojourn - (1 + 4.0 / 3)) < 1e-12)
    #expect(throws: TheoryError.self) {
      try QueueingTheory.solveTrafficEquations(external: [1], routing: [[1]])
    }
  }

  @Test("Student-t quantiles and confidence intervals")
  func studentT() {
    #expect(abs(studentTQuantile(0.975, degreesOfFreedom: 9) - 2.262157) < 1e-6)
    let e = ReplicationEstimate([1, 2, 3, 4, 5])!
    #expect(e.mean == 3)
    #expect(abs(e.halfWidth - 2.776445 * (2.5).squareRoot() / (5.0).squareRoot()) < 1e-5)
    #expect(ReplicationEstimate([7])!.halfWidth.isNaN)
    #expect(ReplicationEstimate([]) == nil)
  }
}

@Suite("Inventory formulas")
struct InventoryTheoryTests {
  /// The Erlang-B route and the truncated-Poisson route agree, and the limits are right: with
  /// no stock nothing is filled, and a level far above lead-time demand fills everything.
  @Test("base-stock lost-sales fill rate: Erlang B equals the truncated Poisson")
  func baseStockFillRate() throws {
    for (a, s) in [(15.0, 15), (5.0, 5), (0.5, 1), (40.0, 30)] {
      let r = try QueueingTheory.baseStockLostSales(demandRate: a, meanLeadTime: 1, level: s)
      #expect(abs(r.fillRate - QueueingTheory.truncatedPoissonFillRate(leadTimeDemand: a, level: s)) < 1e-12)
      #expect(r.meanOnHand > 0 && r.meanOnHand <= Double(s))
    }
    // One unit, load 1: B(1, 1) = 1/2; mean on hand 1 − 1 × 1/2.
    let one = try QueueingTheory.baseStockLostSales(demandRate: 2, meanLeadTime: 0.5, level: 1)
    #expect(abs(one.fillRate - 0.5) < 1e-15 && abs(one.meanOnHand - 0.5) < 1e-15)
    #expect(try QueueingTheory.baseStockLostSales(demandRate: 1, meanLeadTime: 1, level: 0).fillRate == 0)
    #expect(try QueueingTheory.baseStockLostSales(demandRate: 1, meanLeadTime: 1, level: 40).fillRate > 1 - 1e-12)
    #expect(throws: TheoryError.self) { try QueueingTheory.baseStockLostSales(demandRate: 0, meanLeadTime: 1, level: 3) }
  }
}
