import Experiments
import Foundation
import Reporting
import ScenarioIO
import SimStats
import Testing

let fixtureFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("ScenarioIOTests/Fixtures/valid")

func scenario(_ name: String, _ overrides: [ScenarioOverride] = []) throws -> Scenario {
  let folder = name.hasPrefix("care") ? fixtureFolder : scenarioFolder
  return try ScenarioLoader.load(path: folder.appendingPathComponent(name).path, overrides: overrides)
}

func results(_ designs: [Design], replications: Int, seed: UInt64 = 11, workers: Int = 2) async -> [ExperimentResult] {
  let plan = ExperimentPlan(kind: .compare, designs: designs, seed: seed, replications: replications)
  return plan.header.results(from: await plan.run(plan.units, workers: workers))
}

@Suite("Experiment design: CIs, CRN, comparisons, shards")
struct ExperimentDesignTests {
  @Test("confidence-interval half-widths shrink as 1/√n")
  func halfWidthsShrink() async throws {
    var s = try scenario("mmc.yaml")
    s.horizon = .hours(300)
    s.warmUp = .hours(20)
    let r = await results([Design(label: "mmc", scenario: s)], replications: 64)[0]
    let values = r.replications.map { $0["wait.mean"]! }
    var previous = Double.infinity
    for n in [8, 16, 32, 64] {
      let e = ReplicationEstimate(Array(values.prefix(n)))!
      // Half-width × √n / t is the sample SD, which should hold steady as n grows.
      let sd = e.halfWidth * Double(n).squareRoot() / studentTQuantile(0.975, degreesOfFreedom: n - 1)
      #expect(abs(sd / e.standardDeviation - 1) < 1e-9)
      #expect(e.halfWidth < previous, "n = \(n)")
      previous = e.halfWidth
    }
    // Quadrupling n halves the half-width (times the ratio of t quantiles), up to the noise
    // of a 16-replication standard deviation (about ±18%).
    let e16 = ReplicationEstimate(Array(values.prefix(16)))!
    let e64 = ReplicationEstimate(values)!
    let expected = 2 * studentTQuantile(0.975, degreesOfFreedom: 15) / studentTQuantile(0.975, degreesOfFreedom: 63)
    let ratio = e16.halfWidth / e64.halfWidth
    #expect(ratio > expected * 0.6 && ratio < expected * 1.6, "ratio \(ratio), expected about \(expected)")
  }

  /// A known case: consultations 5% shorter, same clinic. Both designs see the same arrivals
  /// and the same service draws (streams line up by name), so their waits move together.
  @Test("common random numbers give a smaller variance of the difference than independent streams")
  func commonRandomNumbers() async throws {
    var a = try scenario("mmc.yaml")
    a.horizon = .hours(2000)
    var b = try scenario("mmc.yaml", [ScenarioOverride(key: "service", value: "{dist: exponential, mean: 57min}")])
    b.horizon = .hours(2000)
    let crn = await results([Design(label: "A", scenario: a), Design(label: "B", scenario: b)], replications: 20)
    let independentB = await results([Design(label: "B", scenario: b)], replications: 20, seed: 999)[0]
    func diffVariance(_ x: ExperimentResult, _ y: ExperimentResult) -> Double {
      let d = zip(x.replications, y.replications).map { $1["wait.mean"]! - $0["wait.mean"]! }
      return ReplicationEstimate(d)!.standardDeviation * ReplicationEstimate(d)!.standardDeviation
    }
    let paired = diffVariance(crn[0], crn[1])
    let independent = diffVariance(crn[0], independentB)
    #expect(paired < 0.5 * independent, "paired \(paired), independent \(independent)")
    let comparison = Comparison(crn, labels: ["A", "B"])
    let row = comparison.rows.first { $0.metric.name == "wait.mean" }!
    #expect(row.varianceReduction > 0.5, "CRN removed \(row.varianceReduction)")
  }

  @Test("compare finds one specialist fewer and nothing between identical scenarios")
  func compareVerdicts() async throws {
    let two = try scenario("care-small.yaml", [ScenarioOverride(key: "specialties[0].specialists_per_hub", value: "2")])
    let one = try scenario("care-small.yaml", [ScenarioOverride(key: "specialties[0].specialists_per_hub", value: "1")])
    let r = await results([Design(label: "two", scenario: two), Design(label: "one", scenario: one),
                           Design(label: "same", scenario: two)], replications: 10)
    let c = Comparison(r, labels: ["two", "one", "same"])
    let fewer = c.rows.first { $0.alternative == 1 && $0.metric.name == "teleconsult.wait.mean" }!
    #expect(fewer.verdict == "worse", "\(fewer.verdict): \(fewer.difference!.mean)")
    #expect(c.rows.filter { $0.alternative == 2 }.allSatisfy { $0.verdict == "identical" || $0.verdict == "too few replications" })
  }

  /// The verdict follows each metric's declared direction, not its name: a metric called
  /// `cost.meals` that rises is "higher" (meals follow admissions), and one called
  /// `wait_free_share` declared higher-is-better that rises is "better".
  @Test("verdicts follow the declared direction of each metric")
  func verdictsFollowDeclaredDirection() throws {
    let mmc = try scenario("mmc.yaml")
    let metrics = [Metric("cost.meals", unit: "Rs/d", better: .neither),
                   Metric("wait_free_share", unit: "ratio", better: .higherIsBetter),
                   Metric("refusals", unit: "/d", better: .lowerIsBetter)]
    func result(_ values: [Double], spread: Double) -> ExperimentResult {
      ExperimentResult(scenario: mmc, seed: 1, metrics: metrics, indices: [0, 1, 2],
                       replications: [-spread, 0, spread].map { e in
                         MetricValues(metrics: metrics, values: values.map { $0 + e })
                       })
    }
    let base = result([100, 0.5, 10], spread: 0.01)
    let more = result([130, 0.7, 13], spread: 0.02)
    let verdicts = Comparison([base, more], labels: ["a", "b"]).rows.map(\.verdict)
    #expect(verdicts == ["higher", "better", "worse"])
  }

  /// Quantiles come from a sketch with buckets 1/256 wide (relative): three replications
  /// that land in the same buckets would otherwise give an interval of zero width.
  @Test("quantile intervals include the sketch's resolution; exact figures do not")
  func quantileIntervalsIncludeResolution() throws {
    let mmc = try scenario("mmc.yaml")
    let metrics = [Metric.quantile("wait.p90", unit: "min", better: .lowerIsBetter),
                   Metric("served", unit: "count", better: .higherIsBetter)]
    func result(_ p90: Double, _ served: Double) -> ExperimentResult {
      ExperimentResult(scenario: mmc, seed: 1, metrics: metrics, indices: [0, 1, 2],
                       replications: Array(repeating: MetricValues(metrics: metrics, values: [p90, served]), count: 3))
    }
    let a = result(100, 50)
    let b = result(99, 50)
    #expect(a.estimate("wait.p90")!.halfWidth == 100.0 / 256)
    #expect(a.estimate("served")!.halfWidth == 0)
    let c = Comparison([a, b], labels: ["a", "b"])
    let p90 = c.rows.first { $0.metric.name == "wait.p90" }!
    #expect(p90.difference!.mean == -1)
    #expect(abs(p90.difference!.halfWidth - 199.0 / 256) < 1e-12)
    #expect(p90.verdict == "better")
    #expect(c.rows.first { $0.metric.name == "served" }!.verdict == "identical")
    // A quantile every replication gives alike in both designs differs by exactly zero:
    // "identical" with the interval [0, 0], not ± the resolution.
    let same = Comparison([a, result(100, 50)], labels: ["a", "a2"]).rows.first { $0.metric.name == "wait.p90" }!
    #expect(same.verdict == "identical")
    #expect(same.difference!.halfWidth == 0)
  }

  @Test("results are byte-identical for 1 or 2 threads and any split into shards", arguments: [1, 2, 3, 5])
  func determinismAcrossShards(shards: Int) async throws {
    var s = try scenario("care-small.yaml")
    s.horizon = .days(10)
    let plan = ExperimentPlan(kind: .run, designs: [Design(label: "x", scenario: s)], seed: 3, replications: 5)
    let serial = plan.header.results(from: await plan.run(plan.units, workers: 1))[0]
    var files: [(path: String, file: ShardFile)] = []
    for i in 0..<shards {
      let records = await plan.run(plan.units(shard: i, of: shards), workers: 2)
      // Through JSON and back, as between machines.
      let text = try ShardFile(header: plan.header, shard: i, of: shards, records: records).encoded()
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("telesim-test-\(UUID().uuidString).json")
      try text.write(to: url, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: url) }
      files.append((url.path, try ShardFile.read(url.path)))
    }
    let (header, records) = try ShardMerge.merge(files)
    let merged = header.results(from: records)[0]
    #expect(SummaryReport.json(merged) == SummaryReport.json(serial))
    #expect(SummaryReport.replicationsCSV(merged) == SummaryReport.replicationsCSV(serial))
    #expect(merged.tables.map { SummaryReport.csv($0) } == serial.tables.map { SummaryReport.csv($0) })
  }

  @Test("the precision rule stops at the same replication however runs were batched")
  func precisionRule() async throws {
    var s = try scenario("mmc.yaml")
    s.horizon = .hours(2000)
    let runner = ReplicationRunner(scenario: s, workers: 2)
    let runs = await runner.run(Array(0..<80))
    let rule = PrecisionRule(target: 0.1, maximum: 80, headline: ["wait.mean", "utilisation"])
    let stop = try #require(rule.stoppingPoint(runs))
    #expect(stop > 3 && stop < 80)
    #expect(rule.stoppingPoint(Array(runs.prefix(stop))) == stop, "deciding on a prefix gives the same point")
    #expect(rule.precision(runs, first: stop).allSatisfy { $0 <= 0.1 })
    #expect(rule.stoppingPoint(Array(runs.prefix(4))) == nil)
  }

  @Test("shard specs parse i/n and scheduler array indices")
  func shardSpecs() throws {
    #expect(try ShardSpec.parse("2/5", environment: [:]) == ShardSpec(index: 2, count: 5))
    #expect(try ShardSpec.parse("auto", environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"])
            == ShardSpec(index: 3, count: 4))
    #expect(try ShardSpec.parse("auto", environment: ["SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "5",
                                                      "SLURM_ARRAY_TASK_MAX": "8"]) == ShardSpec(index: 2, count: 4))
    #expect(try ShardSpec.parse("auto/6", environment: ["JOB_COMPLETION_INDEX": "5"]) == ShardSpec(index: 5, count: 6))
    #expect(try ShardSpec.parse("auto", environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "2"])
            == ShardSpec(index: 0, count: 2))
    #expect(throws: MergeError.self) { try ShardSpec.parse("auto", environment: ["JOB_COMPLETION_INDEX": "1"]) }
    #expect(throws: MergeError.self) { try ShardSpec.parse("3/3", environment: [:]) }
  }
}
