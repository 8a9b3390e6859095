import CareModel
import Pathways
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
  /// The model to replicate, with a care network's precomputed, replication-independent parts.
  let model: PreparedModel

  /// Creates a runner.
  /// - Precondition: `workers >= 1`.
  public init(scenario: Scenario, seed: UInt64? = nil, workers: Int) {
    precondition(workers >= 1, "need at least one worker")
    self.scenario = scenario
    self.seed = seed ?? scenario.seed
    self.workers = workers
    model = PreparedModel(scenario)
  }

  /// The metrics each replication reports.
  public var metrics: [Metric] { Self.metrics(of: scenario) }

  /// The metrics a replication of `scenario` reports (no model is built).
  public static func metrics(of scenario: Scenario) -> [Metric] {
    switch scenario.model {
    case .queueNetwork(let spec): return spec.metrics
    case .pathways(let spec): return spec.metrics
    case .careNetwork(let spec): return spec.metrics
    }
  }

  /// Runs replication `index` alone (the unit of work everywhere: threads, shards, nodes).
  public func replicate(_ index: Int) -> MetricValues { replicateWithTables(index).values }

  /// The event log and ambulance movements of replication `index` that `filter` keeps (care
  /// networks; nil for queueing models).
  public func trace(_ index: Int, filter: TraceFilter = .everything) -> CareTrace? {
    guard case .care(let spec, let layout) = model else { return nil }
    let seeder = StreamSeeder(masterSeed: seed, replication: index, algorithm: scenario.generator)
    return CareNetworkModel.replicate(spec, layout: layout, seeder: seeder, horizon: scenario.horizon,
                                      warmUp: scenario.warmUp, tracing: true, traceFilter: filter).trace
  }

  /// Runs replication `index` and returns the number of events it processed (care networks;
  /// 0 for queueing models, whose benchmark counts them itself).
  public func eventCount(_ index: Int) -> UInt64 {
    guard case .care(let spec, let layout) = model else { return 0 }
    let seeder = StreamSeeder(masterSeed: seed, replication: index, algorithm: scenario.generator)
    return CareNetworkModel.replicate(spec, layout: layout, seeder: seeder, horizon: scenario.horizon,
                                      warmUp: scenario.warmUp).events
  }

  /// Runs replication `index` and returns its figures and breakdown tables.
  public func replicateWithTables(_ index: Int) -> ReplicationOutput {
    let seeder = StreamSeeder(masterSeed: seed, replication: index, algorithm: scenario.generator)
    switch model {
    case .queue(let spec):
      let r = QueueNetworkModel.replicateCountingEvents(spec, seeder: seeder, horizon: scenario.horizon,
                                                        warmUp: scenario.warmUp)
      return ReplicationOutput(values: r.values, tables: [], fingerprint: r.fingerprint)
    case .pathways(let spec):
      let r = PathwayModel.replicate(spec, seeder: seeder, horizon: scenario.horizon, warmUp: scenario.warmUp)
      return ReplicationOutput(values: r.values, tables: [], fingerprint: r.fingerprint)
    case .care(let spec, let layout):
      let r = CareNetworkModel.replicate(spec, layout: layout, seeder: seeder, horizon: scenario.horizon,
                                         warmUp: scenario.warmUp)
      return ReplicationOutput(values: r.values, tables: r.tables, fingerprint: r.fingerprint)
    }
  }

  /// Runs replications `indices`, at most `workers` at a time, and returns their results in
  /// the order of `indices`. `progress` is called (on any thread) after each one finishes.
  public func run(_ indices: [Int], progress: (@Sendable (Int) -> Void)? = nil) async -> [MetricValues] {
    await runWithTables(indices, progress: progress).map(\.values)
  }

  /// Like ``run(_:progress:)``, keeping each replication's breakdown tables.
  public func runWithTables(_ indices: [Int], progress: (@Sendable (Int) -> Void)? = nil) async
    -> [ReplicationOutput]
  {
    let runner = self
    return await parallelMap(indices.count, workers: workers, progress: progress) {
      runner.replicateWithTables(indices[$0])
    }
  }
}

/// A scenario's model, ready to replicate.
enum PreparedModel: Sendable {
  case queue(NetworkSpec)
  case pathways(PathwaySpec)
  case care(CareNetworkSpec, CareLayout)

  init(_ scenario: Scenario) {
    switch scenario.model {
    case .queueNetwork(let spec): self = .queue(spec)
    case .pathways(let spec): self = .pathways(spec)
    case .careNetwork(let spec):
      do {
        self = .care(spec, try CareLayout(spec: spec, horizon: scenario.horizon))
      } catch {
        // The reader validated every rate and profile, so the arrival processes build.
        preconditionFailure("a validated care network failed to build: \(error)")
      }
    }
  }
}

/// What one replication produces.
public struct ReplicationOutput: Sendable {
  /// Headline figures.
  public var values: MetricValues
  /// Breakdowns by district, hub, specialty, tier and day (care networks).
  public var tables: [BreakdownTable]
  /// The trajectory fingerprint: a hash over every event's time and kind.
  public var fingerprint: UInt64
}
