import CareModel
import ScenarioIO
import SimStats

/// What identifies a scenario's results: enough to reproduce them and to write them again
/// from shard files.
public struct ScenarioInfo: Sendable, Codable, Equatable {
  public var name: String
  public var file: String
  public var hash: String
  public var kind: String
  public var generator: String
  public var horizonMinutes: Double
  public var warmUpMinutes: Double
  /// `fixed`, or `mser5` when the warm-up was detected from a pilot run.
  public var warmUpMethod: String
  /// Day 0 of the run (`YYYY-MM-DD`), for models that have a calendar date.
  public var startDate: String?
  /// The data files the scenario read, relative to its file, with their hashes.
  public var dataFiles: [DataFile] = []
  /// The planner's targets: the thresholds of the scenario's `expect:` section.
  public var targets: [Target] = []
  /// Every setting of the scenario (key path and text), to say what differs between designs.
  public var settings: [ScenarioSetting] = []
  /// How much of everything the scenario has (hubs, specialists, beds, ambulances; stations
  /// and servers), in a fixed order: the totals a planner pays for.
  public var capacity: [Count] = []

  /// A named total.
  public struct Count: Sendable, Codable, Equatable {
    /// `specialists`, `beds`, `beds_at_end`, `servers`, ….
    public var name: String
    public var value: Int
  }

  /// A threshold a metric should meet (`teleconsult.wait.p90 <= 48h`), and how it is judged.
  public struct Target: Sendable, Codable, Equatable {
    public var metric: String
    /// `<=`, `<`, `>=` or `>`.
    public var comparison: String
    /// In the metric's own unit.
    public var limit: Double
    /// As written in the scenario.
    public var text: String
    /// `ci` (the whole 95% interval must meet it) or `mean`.
    public var judge: String
  }

  /// The description of `scenario`.
  public init(_ scenario: Scenario) {
    name = scenario.name
    file = scenario.file
    hash = scenario.contentHash
    kind = scenario.kind
    generator = scenario.generator.rawValue
    horizonMinutes = scenario.horizon.minutes
    warmUpMinutes = scenario.warmUp.minutes
    warmUpMethod = scenario.warmUpIsAuto ? "mser5" : "fixed"
    if case .careNetwork(let spec) = scenario.model { startDate = spec.startDate }
    dataFiles = scenario.dataFiles
    settings = scenario.settings
    capacity = Self.capacity(of: scenario)
    if let e = scenario.expectations {
      targets = e.thresholds.map {
        Target(metric: $0.metric, comparison: $0.comparison.rawValue, limit: $0.limit, text: $0.text, judge: e.judge.rawValue)
      }
    }
  }

  private enum CodingKeys: String, CodingKey {
    case name, file, hash, kind, generator, horizonMinutes, warmUpMinutes, warmUpMethod, startDate, dataFiles, targets
    case settings, capacity
  }

  // Shard files written before `dataFiles`, `targets` and `settings` existed decode without them.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    file = try c.decode(String.self, forKey: .file)
    hash = try c.decode(String.self, forKey: .hash)
    kind = try c.decode(String.self, forKey: .kind)
    generator = try c.decode(String.self, forKey: .generator)
    horizonMinutes = try c.decode(Double.self, forKey: .horizonMinutes)
    warmUpMinutes = try c.decode(Double.self, forKey: .warmUpMinutes)
    warmUpMethod = try c.decode(String.self, forKey: .warmUpMethod)
    startDate = try c.decodeIfPresent(String.self, forKey: .startDate)
    dataFiles = try c.decodeIfPresent([DataFile].self, forKey: .dataFiles) ?? []
    targets = try c.decodeIfPresent([Target].self, forKey: .targets) ?? []
    settings = try c.decodeIfPresent([ScenarioSetting].self, forKey: .settings) ?? []
    capacity = try c.decodeIfPresent([Count].self, forKey: .capacity) ?? []
  }
}

/// Results of running replications of one scenario: every replication's figures and the
/// across-replication estimate of each metric.
public struct ExperimentResult: Sendable {
  /// The scenario as described in results.
  public let info: ScenarioInfo
  /// Master seed.
  public let seed: UInt64
  /// The scenario's name.
  public var scenarioName: String { info.name }
  /// The scenario file as given.
  public var scenarioFile: String { info.file }
  /// Hash of the scenario text.
  public var scenarioHash: String { info.hash }
  /// The scenario's `kind`.
  public var kind: String { info.kind }
  /// Generator algorithm name.
  public var generator: String { info.generator }
  /// Horizon and warm-up, in minutes.
  public var horizonMinutes: Double { info.horizonMinutes }
  public var warmUpMinutes: Double { info.warmUpMinutes }
  /// `fixed` or `mser5`.
  public var warmUpMethod: String { info.warmUpMethod }
  /// Day 0 of the run (`YYYY-MM-DD`), when the model has a calendar date.
  public var startDate: String? { info.startDate }
  /// The data files the scenario read, relative to its file, with their hashes.
  public var dataFiles: [DataFile] { info.dataFiles }
  /// Metric definitions, in report order.
  public let metrics: [Metric]
  /// Replication indices, ascending.
  public let replicationIndices: [Int]
  /// Figures of each replication, aligned with `replicationIndices`.
  public let replications: [MetricValues]
  /// Each replication's breakdown tables (district, hub, specialty, tier, day…), aligned with
  /// `replicationIndices`.
  public let replicationTables: [[BreakdownTable]]
  /// Breakdown tables over replications: each value's mean and 95% CI half-width (see
  /// ``BreakdownTable/summary(of:)``).
  public let tables: [BreakdownTable]
  /// Each replication's trajectory fingerprint, aligned with `replicationIndices` (empty when
  /// not known).
  public let fingerprints: [UInt64]

  /// One fingerprint for the whole experiment: the replications' fingerprints folded in order.
  public var fingerprint: UInt64 { Fingerprint.combine(fingerprints) }

  /// Gathers replications of `scenario` run with `seed`.
  public init(scenario: Scenario, seed: UInt64, metrics: [Metric], indices: [Int],
              replications: [MetricValues], tables: [[BreakdownTable]] = [], fingerprints: [UInt64] = []) {
    self.init(info: ScenarioInfo(scenario), seed: seed, metrics: metrics, indices: indices,
              replications: replications, tables: tables, fingerprints: fingerprints)
  }

  /// Gathers replications of the scenario described by `info`.
  public init(info: ScenarioInfo, seed: UInt64, metrics: [Metric], indices: [Int],
              replications: [MetricValues], tables: [[BreakdownTable]] = [], fingerprints: [UInt64] = []) {
    self.info = info
    self.fingerprints = fingerprints
    self.seed = seed
    self.metrics = metrics
    replicationIndices = indices
    self.replications = replications
    replicationTables = tables
    let kinds = tables.first?.count ?? 0
    self.tables = (0..<kinds).compactMap { k in BreakdownTable.summary(of: tables.map { $0[k] }) }
  }

  /// The values of metric `i` over replications, skipping NaN (metric never observed).
  public func values(ofMetric i: Int) -> [Double] {
    replications.map { $0.values[i] }.filter { !$0.isNaN }
  }

  /// Mean and 95% confidence interval of every metric (nil where nothing was observed),
  /// widened by the metric's resolution (see ``Metric/resolution``).
  public var estimates: [ReplicationEstimate?] {
    metrics.indices.map { estimate(ofMetric: $0) }
  }

  /// The estimate of the metric called `name`.
  public func estimate(_ name: String) -> ReplicationEstimate? {
    metrics.firstIndex(where: { $0.name == name }).flatMap { estimate(ofMetric: $0) }
  }

  func estimate(ofMetric i: Int) -> ReplicationEstimate? {
    ReplicationEstimate(values(ofMetric: i))?.bounded(by: metrics[i])
  }
}

/// Trajectory fingerprints as text, and folded over replications.
public enum Fingerprint {
  /// 16 hexadecimal digits.
  public static func hex(_ value: UInt64) -> String { FNV1a.hex(value) }

  /// The fingerprints folded in order (FNV-1a over their little-endian bytes); 0 for none.
  public static func combine(_ values: [UInt64]) -> UInt64 {
    guard !values.isEmpty else { return 0 }
    return FNV1a.hash(values.lazy.flatMap { v in stride(from: 0, to: 64, by: 8).map { UInt8(truncatingIfNeeded: v >> UInt64($0)) } })
  }
}
