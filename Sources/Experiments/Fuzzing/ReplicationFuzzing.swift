import ScenarioIO

/// The fuzzer's second stage: whatever scenario text loads must also run. The loader's bounds
/// exist so that a model built from numbers at their edges never traps, spins or overflows;
/// this is where that is tried. `scripts/fuzz.sh` calls ``exercise(_:folder:budget:)`` for
/// every input, and `FuzzReplayTests` replays the regression corpus through it.
public enum ReplicationFuzzing {
  /// Loads `bytes` as ``ScenarioFuzzing/exercise(_:folder:)`` does and, when the scenario is
  /// valid and its estimated work is at most `budget` events, runs replication 0.
  ///
  /// Work beyond the budget is skipped, not run: `telesim run` would state it before starting
  /// and refuse it beyond ``WorkLimits``, and a fuzzer must spend its time on many inputs.
  /// - Precondition: The replication reports one value per metric; a trap anywhere in the
  ///   model is what the fuzzer is looking for.
  public static func exercise(_ bytes: [UInt8], folder: String, budget: Double = 200_000) {
    ScenarioFuzzing.exercise(bytes, folder: folder)
    let text = String(decoding: bytes, as: UTF8.self)
    guard let scenario = try? ScenarioLoader.parse(text, file: folder + "/fuzz.yaml"),
          WorkEstimate.eventsPerReplication(scenario) <= budget else { return }
    let output = ReplicationRunner(scenario: scenario, workers: 1).replicateWithTables(0)
    precondition(output.values.values.count == ReplicationRunner.metrics(of: scenario).count,
                 "a replication reported \(output.values.values.count) values")
  }
}
