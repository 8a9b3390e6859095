import SimStats
import Testing

@Suite("Priority and abandonment formulas")
struct PriorityTheoryTests {
  @Test("one class of Cobham's M/M/c is Erlang C; two classes keep the conservation law")
  func cobhamMMC() throws {
    let one = try QueueingTheory.priorityMMC(arrivalRates: [3], serviceRate: 1, servers: 4)
    #expect(abs(one[0] - (try QueueingTheory.mmc(arrivalRate: 3, serviceRate: 1, servers: 4).meanWait)) < 1e-12)
    // M/M/1, λ₁ = λ₂ = 0.25, μ = 1 (Kleinrock's example): W₁ = 2/3, W₂ = 4/3, and the
    // rate-weighted mean wait is FCFS's ρ/(μ − λ) = 1.
    let two = try QueueingTheory.priorityMMC(arrivalRates: [0.25, 0.25], serviceRate: 1, servers: 1)
    #expect(abs(two[0] - 2.0 / 3) < 1e-12 && abs(two[1] - 4.0 / 3) < 1e-12)
    #expect(abs((two[0] + two[1]) / 2 - 1) < 1e-12)
    #expect(throws: TheoryError.self) { try QueueingTheory.priorityMMC(arrivalRates: [0.6, 0.5], serviceRate: 1, servers: 1) }
  }

  @Test("one class of Cobham's M/G/1 is Pollaczek-Khinchine; bad moments are refused")
  func cobhamMG1() throws {
    let one = try QueueingTheory.priorityMG1(arrivalRates: [0.5], meanService: [1], secondMoments: [1 + 0.25])
    let pk = try QueueingTheory.mg1(arrivalRate: 0.5, serviceMean: 1, serviceVariance: 0.25)
    #expect(abs(one[0] - pk.meanWait) < 1e-12)
    #expect(throws: TheoryError.self) {
      try QueueingTheory.priorityMG1(arrivalRates: [0.5], meanService: [1], secondMoments: [0.5])
    }
    #expect(throws: TheoryError.self) {
      try QueueingTheory.priorityMG1(arrivalRates: [-0.1], meanService: [1], secondMoments: [2])
    }
  }

  @Test("Erlang A with patience as fast as service is M/M/∞; slow patience approaches Erlang C")
  func erlangA() throws {
    let fast = try QueueingTheory.erlangA(arrivalRate: 3, serviceRate: 1, servers: 2, patienceRate: 1)
    #expect(abs(fast.meanInSystem - 3) < 1e-9)
    let slow = try QueueingTheory.erlangA(arrivalRate: 3, serviceRate: 1, servers: 4, patienceRate: 1e-7)
    let c = try QueueingTheory.mmc(arrivalRate: 3, serviceRate: 1, servers: 4)
    #expect(abs(slow.meanQueueLength - c.meanQueueLength) < 1e-3 * c.meanQueueLength)
    #expect(slow.abandonment < 1e-6)
  }
}
