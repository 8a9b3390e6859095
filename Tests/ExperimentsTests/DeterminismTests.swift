import Experiments
import Foundation
import Reporting
import ScenarioIO
import Testing

let scenarioFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

func shortRun(_ name: String, horizon: String = "500h") throws -> Scenario {
  var s = try ScenarioLoader.load(path: scenarioFolder.appendingPathComponent(name).path)
  s.horizon = .hours(Double(horizon.dropLast())!)
  s.warmUp = .hours(10)
  return s
}

@Suite("Experiment determinism and outputs")
struct DeterminismTests {
  @Test("the same seed gives byte-identical JSON and CSV with 1 and 2 worker threads",
        arguments: ["mmc.yaml", "jackson.yaml", "priority-clinic.yaml", "rostered-opd.yaml", "teaching-network.yaml"])
  func identicalAcrossThreads(name: String) async throws {
    let scenario = try shortRun(name)
    func run(_ workers: Int) async -> ExperimentResult {
      let runner = ReplicationRunner(scenario: scenario, workers: workers)
      let values = await runner.run(Array(0..<6))
      return ExperimentResult(scenario: scenario, seed: runner.seed, metrics: runner.metrics,
                              indices: Array(0..<6), replications: values)
    }
    let one = await run(1)
    let two = await run(2)
    #expect(SummaryReport.json(one) == SummaryReport.json(two))
    #expect(SummaryReport.replicationsCSV(one) == SummaryReport.replicationsCSV(two))
    let again = await run(2)
    #expect(SummaryReport.json(again) == SummaryReport.json(one))
  }

  @Test("a replication's figures do not depend on which others run with it, or how many at once",
        arguments: ["mmck.yaml", "teaching-network.yaml"])
  func replicationIsSelfContained(name: String) async throws {
    let scenario = try shortRun(name)
    let alone = ReplicationRunner(scenario: scenario, workers: 1).replicate(4)
    // In a batch, run two at a time, after and beside others, on a runner that ran others first.
    let busy = ReplicationRunner(scenario: scenario, workers: 2)
    _ = await busy.run([0, 1, 2])
    let batch = await busy.run([5, 4, 3, 6])
    #expect(batch[1] == alone)
    #expect(batch[0] != alone, "replications 4 and 5 must differ")
  }

  @Test("the summary JSON is self-describing and well formed")
  func summaryShape() async throws {
    let scenario = try shortRun("mmc.yaml")
    let runner = ReplicationRunner(scenario: scenario, workers: 2)
    let values = await runner.run(Array(0..<3))
    let result = ExperimentResult(scenario: scenario, seed: runner.seed, metrics: runner.metrics,
                                  indices: [0, 1, 2], replications: values)
    let json = SummaryReport.json(result)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    #expect(object["schema"] as? String == "telesim/summary/v1")
    #expect(object["seed"] as? Int == 42)
    #expect(object["replications"] as? Int == 3)
    #expect((object["scenario_hash"] as? String)?.count == 16)
    let metrics = object["metrics"] as! [String: Any]
    for name in ["wait.mean", "wait.p90", "wait.p95", "sojourn.mean", "queue_length.mean", "utilisation",
                 "blocking", "throughput"] {
      let m = metrics[name] as? [String: Any]
      #expect(m?["mean"] is Double || m?["mean"] is Int, "\(name)")
      #expect((m?["ci95"] as? [Any])?.count == 2, "\(name)")
      #expect(m?["unit"] is String, "\(name)")
    }
    let csv = SummaryReport.replicationsCSV(result).split(separator: "\n")
    #expect(csv.count == 4)
    #expect(csv[0].hasPrefix("replication,wait.mean,"))
  }
}
