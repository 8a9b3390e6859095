import Experiments
import Foundation
import ScenarioIO
import SimStats
import Testing

/// Calibrates mmc.yaml (4 servers) against figures that theory gives for a known arrival
/// rate (3 an hour: a mean gap of 20 min) and service mean (60 min): throughput λ = 3/h and
/// utilisation λ·s/c = 75%.
private func calibrate(throughput: Double, utilisation: Double, points: Int = 9) async throws -> (Calibration, Calibration.Fit) {
  let parameters = [try CalibrationParameter.parse("arrivals.mean=16min..24min", points: points).get(),
                    try CalibrationParameter.parse("service.mean=48min..72min", points: points).get()]
  let grid = SweepGrid(axes: parameters.map { p in (key: p.key, values: p.values.map(p.text)) })
  let common = [ScenarioOverride(key: "horizon", value: "2000h"), ScenarioOverride(key: "warmup", value: "50h")]
  let designs = try grid.points.map { point in
    Design(label: SweepGrid.label(point), settings: point, scenario: try scenario("mmc.yaml", common + point))
  }
  let metrics = ReplicationRunner.metrics(of: designs[0].scenario)
  let targets = [try CommandLineTargets.match("throughput = \(throughput)/h ± 0.03/h", metrics: metrics).get(),
                 try CommandLineTargets.match("utilisation = \(utilisation) ± 0.01", metrics: metrics).get()]
  let plan = ExperimentPlan(kind: .calibrate, designs: designs, seed: 17, replications: 5)
  var samples = [[[Double]]](repeating: [], count: designs.count)
  for r in await plan.run(plan.units, workers: 2) { samples[r.unit.design].append(r.values) }
  let calibration = Calibration(parameters: parameters, targets: targets, metricNames: metrics.map(\.name))
  return (calibration, calibration.fit(samples))
}

@Suite("Calibration: history matching recovers known inputs")
struct CalibrationTests {
  @Test("recovers a known arrival rate and service mean within the stated uncertainty")
  func recoversKnownInputs() async throws {
    let (_, fit) = try await calibrate(throughput: 3, utilisation: 0.75)
    let arrivals = try #require(fit.ranges[0])
    let service = try #require(fit.ranges[1])
    #expect(arrivals.contains(20), "\(arrivals)")
    #expect(service.contains(60), "\(service)")
    #expect(arrivals.contains(fit.fitted[0]) && service.contains(fit.fitted[1]))
    #expect(abs(fit.fitted[0] - 20) < 0.5 && abs(fit.fitted[1] - 60) < 1.5, "\(fit.fitted)")
    // Informative: neither range is the whole grid.
    #expect(fit.identified == [true, true])
    #expect(arrivals.upperBound - arrivals.lowerBound < 2 && service.upperBound - service.lowerBound < 10)
  }

  @Test("a target biased by 5% rules the true inputs out")
  func biasedTargetExcludesTruth() async throws {
    // Throughput 5% high: λ = 3.15/h, a mean gap of 19.05 min.
    let (_, fit) = try await calibrate(throughput: 3.15, utilisation: 0.75)
    let arrivals = try #require(fit.ranges[0])
    #expect(!arrivals.contains(20), "\(arrivals)")
    #expect(arrivals.contains(60 / 3.15))
  }

  @Test("targets no point can meet leave no plausible range")
  func nothingPlausible() async throws {
    let (_, fit) = try await calibrate(throughput: 9, utilisation: 0.75, points: 3)
    #expect(fit.points.allSatisfy { !$0.plausible })
    #expect(fit.ranges[0] == nil)
  }

  @Test("ranges keep their unit on every value and refuse what is not a range")
  func parameters() throws {
    let p = try CalibrationParameter.parse("ambulances.calls.daily=6000/d..12000/d", points: 4).get()
    #expect(p.values.map(p.text) == ["6000/d", "8000/d", "10000/d", "12000/d"])
    for bad in ["x=5..1", "x=1min..2h", "x=a..b", "x=1..2..3", "=1..2"] {
      if case .success = CalibrationParameter.parse(bad, points: 3) { Issue.record("'\(bad)' was accepted") }
    }
  }
}
