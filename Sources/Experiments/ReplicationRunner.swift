import QueueNetwork
import ScenarioIO
import SimKernel
import SimRandom
import SimStats

/// Runs replications of a scenario, in parallel, with results independent of the number of
/// workers: replication r always uses the streams seeded from (seed, r, name), and results are
/// gathered by replication index.
public struct ReplicationRunner: Sendable {
  /// The scenario to run.
  public let scenario: Scenario
  /// Master seed (the scenario's unless overridden).
  public let seed: UInt64
  /// How many replications run at once (≥ 1).
  public let workers: Int

  /// Creates a runner.
  /// - Precondition: `workers >= 1`.
  public init(scenario: Scenario, seed: UInt64? = nil, workers: Int) {
    precondition(workers >= 1, "need at least one worker")
    self.scenario = scenario
    self.seed = seed ?? scenario.seed
    self.workers = workers
  }

  /// The metrics each replication reports.
  public var metrics: [Metric] {
    switch scenario.model {
    case .queueNetwork(let spec): return spec.metrics
    }
  }

  /// Runs replication `index` alone (the unit of work everywhere: threads, shards, nodes).
  public func replicate(_ index: Int) -> MetricValues {
    let seeder = StreamSeeder(masterSeed: seed, replication: index, algorithm: scenario.generator)
    switch scenario.model {
    case .queueNetwork(let spec):
      return QueueNetworkModel.replicate(spec, seeder: seeder, horizon: scenario.horizon,
                                         warmUp: scenario.warmUp)
    }
  }

  /// Runs replications `indices`, at most `workers` at a time, and returns their results in
  /// the order of `indices`. `progress` is called (on any thread) after each one finishes.
  public func run(_ indices: [Int], progress: (@Sendable (Int) -> Void)? = nil) async -> [MetricValues] {
    var results = [MetricValues?](repeating: nil, count: indices.count)
    await withTaskGroup(of: (Int, MetricValues).self) { group in
      var next = 0
      func launch() {
        let slot = next
        let index = indices[slot]
        group.addTask { (slot, self.replicate(index)) }
        next += 1
      }
      while next < indices.count && next < workers { launch() }
      var finished = 0
      for await (slot, values) in group {
        results[slot] = values
        finished += 1
        progress?(finished)
        if next < indices.count { launch() }
      }
    }
    return results.map { $0! }
  }
}
