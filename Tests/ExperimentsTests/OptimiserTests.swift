import Experiments
import Foundation
import ScenarioIO
import SimStats
import Testing

/// The M/M/c staffing problem with a known optimum: the smallest c whose Erlang C
/// probability of waiting is at most α.
private func staffing(seed: UInt64, servers: ClosedRange<Int>, alpha: Double) async throws -> (Optimiser.Outcome, [Int]) {
  let values = Array(servers)
  let designs = try values.map { c in
    Design(label: "servers=\(c)", settings: [.init(key: "servers", value: "\(c)")],
           scenario: try scenario("mmc.yaml", [.init(key: "servers", value: "\(c)"), .init(key: "horizon", value: "1500h"),
                                               .init(key: "warmup", value: "50h")]))
  }
  let plan = ExperimentPlan(kind: .optimise, designs: designs, seed: seed, replications: 40)
  let metrics = ReplicationRunner.metrics(of: designs[0].scenario)
  let target = try CommandLineTargets.threshold("wait.probability <= \(alpha)", metrics: metrics).get()
  let optimiser = Optimiser(designCount: designs.count, metricNames: metrics.map(\.name), targets: [target],
                            objective: .exact("servers", values: values.map(Double.init)), settings: .init())
  let outcome = try await optimiser.search { units in await plan.run(units, workers: 2) }
  return (outcome, values)
}

@Suite("Optimiser: target-seeking with sequential intervals and Kim-Nelson selection")
struct OptimiserTests {
  @Test("finds the smallest M/M/c staffing meeting an Erlang C target, for each of 20 seeds")
  func erlangCStaffing() async throws {
    // mmc.yaml: 3 arrivals an hour, 1-hour consultations (load 3). P(wait) by Erlang C:
    // c = 5: 0.236, c = 6: 0.099, so with α = 0.15 the optimum is 6.
    let alpha = 0.15
    let optimum = try (4...10).first { try QueueingTheory.erlangC(servers: $0, load: 3) <= alpha }
    #expect(optimum == 6)
    for seed in UInt64(1)...20 {
      let (outcome, values) = try await staffing(seed: seed, servers: 4...10, alpha: alpha)
      #expect(outcome.chosen.map { values[$0] } == optimum, "seed \(seed)")
      // Designs costing more than the answer were not run beyond the first stage.
      #expect(outcome.assessments.filter { values[$0.design] > 6 }.allSatisfy { $0.replications == 5 })
    }
  }

  @Test("says no design meets the target when the range stops short, and names the best reached")
  func infeasibleRange() async throws {
    let (outcome, values) = try await staffing(seed: 3, servers: 4...5, alpha: 0.15)
    #expect(outcome.chosen == nil)
    #expect(outcome.assessments.allSatisfy { $0.status == .fails })
    let best = outcome.assessments.min { $0.targets[0].estimate!.mean < $1.targets[0].estimate!.mean }!
    #expect(values[best.design] == 5)
  }

  @Test("a design whose first-stage interval straddles the limit gets more replications, others do not")
  func sequentialReplications() async throws {
    // At c = 5 the exact P(wait) is 0.236: a limit of 0.236 is inside its first-stage interval.
    let exact = try QueueingTheory.erlangC(servers: 5, load: 3)
    let (outcome, values) = try await staffing(seed: 5, servers: 5...7, alpha: exact)
    let replications = outcome.assessments.map { (values[$0.design], $0.replications) }
    #expect(replications.first { $0.0 == 5 }!.1 > 5)
    #expect(replications.filter { $0.0 > 5 }.allSatisfy { $0.1 == 5 })
    #expect(outcome.chosen.map { values[$0] } != 7)
  }

  @Test("Kim-Nelson picks the best noisy objective among feasible designs at least 95% of the time")
  func kimNelsonSelection() async throws {
    // Design means of the objective: 5.0 (best feasible), 5.3, 6.0, and 4.0 (infeasible).
    let means = [5.3, 5.0, 6.0, 4.0]
    var correct = 0
    for seed in UInt64(1)...40 {
      var settings = Optimiser.Settings()
      settings.indifference = 0.2
      let optimiser = Optimiser(
        designCount: 4, metricNames: ["ok", "cost"],
        targets: [.init(metric: "ok", comparison: .atLeast, limit: 0.5, text: "ok >= 0.5",
                        location: .init(file: "", line: 1, column: 1))],
        objective: .metric("cost"), settings: settings)
      let outcome = try await optimiser.search { units in
        units.map { u in
          // A normal draw per (seed, replication), shared by designs (common random numbers),
          // plus a design's own noise.
          let shared = normal(seed: seed, stream: UInt64(u.replication))
          let own = normal(seed: seed &+ 1000, stream: UInt64(u.replication * 10 + u.design))
          return UnitRecord(unit: u, values: [u.design == 3 ? 0 : 1, means[u.design] + 1.0 * shared + 0.4 * own],
                            tables: [], fingerprint: 0)
        }
      }
      #expect(outcome.chosen != 3)
      if outcome.chosen == 1 { correct += 1 }
      // Selection stopped early: not every candidate ran to the 40 replications allowed.
      #expect(outcome.replicationsRun < 4 * 40)
    }
    #expect(correct >= 38, "chose the best in \(correct) of 40")
  }

  @Test("targets read rupees in lakh and crore, and refuse negative figures and shares above 100%")
  func targets() throws {
    let metrics = ReplicationRunner.metrics(of: try scenario("care-small.yaml"))
    #expect(try CommandLineTargets.threshold("cost.total <= 5.3 lakh", metrics: metrics).get().limit == 530_000)
    #expect(try CommandLineTargets.threshold("cost.total <= 1.2 crore Rs/d", metrics: metrics).get().limit == 12_000_000)
    #expect(try CommandLineTargets.threshold("teleconsult.same_day >= 80%", metrics: metrics).get().limit == 0.8)
    for bad in ["teleconsult.wait.mean <= -5h", "teleconsult.same_day >= 175%", "cost.total <= 5 lakhs"] {
      if case .success = CommandLineTargets.threshold(bad, metrics: metrics) { Issue.record("'\(bad)' was accepted") }
    }
    if case .success = CommandLineTargets.match("teleconsult.same_day = 175% ± 1%", metrics: metrics) {
      Issue.record("a share of 175% was accepted")
    }
    #expect(try CommandLineTargets.match("teleconsult.wait.mean = 20h +- 2h", metrics: metrics).get().tolerance == 2)
  }

  @Test("ranges: a..b, a..b/step and lists; errors for the rest")
  func ranges() throws {
    #expect(try DecisionRange.parse("servers=2..5").get().values == ["2", "3", "4", "5"])
    #expect(try DecisionRange.parse("x=0..10/5").get().values == ["0", "5", "10"])
    #expect(try DecisionRange.parse("specialists_scale=[0.5, 1, 1.5]").get().values == ["0.5", "1", "1.5"])
    for bad in ["servers", "servers=5..2", "x=1..a", "x=0..10/0", "x=0..1000000", "=1..2"] {
      if case .success = DecisionRange.parse(bad) { Issue.record("'\(bad)' was accepted") }
    }
  }
}

/// A standard normal draw from (seed, stream) by Box-Muller over SplitMix64.
private func normal(seed: UInt64, stream: UInt64) -> Double {
  var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ stream
  func next() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
  }
  return (-2 * log(next())).squareRoot() * cos(2 * .pi * next())
}
