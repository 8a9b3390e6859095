import ScenarioIO
import SimStats

/// The figures of one unit of work.
public struct UnitRecord: Sendable, Codable {
  public var unit: ExperimentPlan.Unit
  public var values: [Double]
  public var tables: [BreakdownTable]
  /// The replication's trajectory fingerprint.
  public var fingerprint: UInt64

  enum CodingKeys: String, CodingKey { case design, replication, values, tables, fingerprint }

  public init(unit: ExperimentPlan.Unit, values: [Double], tables: [BreakdownTable], fingerprint: UInt64) {
    self.unit = unit
    self.values = values
    self.tables = tables
    self.fingerprint = fingerprint
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    unit = .init(design: try c.decode(Int.self, forKey: .design), replication: try c.decode(Int.self, forKey: .replication))
    values = try c.decode([Double].self, forKey: .values)
    tables = try c.decode([BreakdownTable].self, forKey: .tables)
    // Hex text, so that readers limited to 53-bit numbers keep every bit; 0 in older files.
    fingerprint = try c.decodeIfPresent(String.self, forKey: .fingerprint).flatMap { UInt64($0, radix: 16) } ?? 0
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(unit.design, forKey: .design)
    try c.encode(unit.replication, forKey: .replication)
    try c.encode(values, forKey: .values)
    try c.encode(tables, forKey: .tables)
    try c.encode(Fingerprint.hex(fingerprint), forKey: .fingerprint)
  }
}

extension ExperimentPlan {
  /// Runs `units` with at most `workers` at a time; results come back in the order of `units`.
  /// Units with a record in `finished` (from a checkpoint) are not run again, and `completed`
  /// is called (from the calling task, one at a time) with each new record as it arrives.
  public func run(_ units: [Unit], workers: Int, finished: [UnitRecord] = [],
                  completed: ((UnitRecord) -> Void)? = nil) async -> [UnitRecord] {
    var known: [Unit: UnitRecord] = [:]
    for record in finished { known[record.unit] = record }
    let todo = units.filter { known[$0] == nil }
    let runners = designs.map { ReplicationRunner(scenario: $0.scenario, seed: seed, workers: 1) }
    let fresh = await parallelMap(todo.count, workers: workers, progress: nil,
                                  finished: { _, record in completed?(record) }) { i in
      let unit = todo[i]
      let output = runners[unit.design].replicateWithTables(unit.replication)
      return UnitRecord(unit: unit, values: output.values.values, tables: output.tables, fingerprint: output.fingerprint)
    }
    for record in fresh { known[record.unit] = record }
    // Looked up by unit, so the order is that of `units` whichever ran before.
    return units.map { known[$0]! }
  }

  /// Everything needed to write the experiment's results without the scenario files.
  public var header: PlanHeader {
    PlanHeader(
      kind: kind, hash: hash, version: TeleSimVersion.current, seed: seed, replications: replications,
      designs: designs.map { d in
        .init(label: d.label, settings: d.settings.map { "\($0.key)=\($0.value)" },
              settingNames: d.settings.map { d.scenario.settingName($0.key) }, info: ScenarioInfo(d.scenario),
              metrics: ReplicationRunner.metrics(of: d.scenario))
      })
  }
}

/// The self-description of an experiment, written into every shard file.
public struct PlanHeader: Sendable, Codable, Equatable {
  public struct DesignHeader: Sendable, Codable, Equatable {
    public var label: String
    public var settings: [String]
    /// Each setting's key as a planner would say it (``Scenario/settingName(_:)``); absent in
    /// shard files from before 0.2.
    public var settingNames: [String]?
    public var info: ScenarioInfo
    public var metrics: [Metric]
  }

  public var kind: ExperimentPlan.Kind
  public var hash: String
  public var version: String
  public var seed: UInt64
  public var replications: Int
  public var designs: [DesignHeader]

  /// Every unit in canonical order.
  public var units: [ExperimentPlan.Unit] {
    designs.indices.flatMap { d in (0..<replications).map { ExperimentPlan.Unit(design: d, replication: $0) } }
  }

  /// Why `record` cannot be part of this experiment, if it cannot: a unit outside it, a
  /// value per metric missing or extra, or tables unlike those of `reference` (another record
  /// of the same design). Records come from files (shards, checkpoints) that may have been
  /// damaged or edited; one that passes cannot trap when results are made from it.
  public func problem(with record: UnitRecord, reference: UnitRecord?) -> String? {
    let unit = record.unit
    guard unit.design >= 0, unit.design < designs.count, unit.replication >= 0, unit.replication < replications else {
      return "replication \(unit.replication) of design \(unit.design) is outside the experiment"
    }
    guard record.values.count == designs[unit.design].metrics.count else {
      return "replication \(unit.replication) of '\(designs[unit.design].label)' has \(record.values.count) values for "
        + "\(designs[unit.design].metrics.count) metrics"
    }
    if let reference, reference.unit.design == unit.design {
      let same = record.tables.count == reference.tables.count && zip(record.tables, reference.tables).allSatisfy {
        $0.name == $1.name && $0.keyColumns == $1.keyColumns && $0.valueColumns == $1.valueColumns && $0.keys == $1.keys
      }
      if !same { return "replication \(unit.replication) of '\(designs[unit.design].label)' has tables unlike the others'" }
    }
    return nil
  }

  /// Gathers complete records (every unit once) into one result per design, in canonical
  /// order, so that the result does not depend on how the work was split.
  public func results(from records: [UnitRecord]) -> [ExperimentResult] {
    designs.indices.map { d in
      let mine = records.filter { $0.unit.design == d }.sorted { $0.unit.replication < $1.unit.replication }
      let metrics = designs[d].metrics
      return ExperimentResult(
        info: designs[d].info, seed: seed, metrics: metrics, indices: mine.map(\.unit.replication),
        replications: mine.map { MetricValues(metrics: metrics, values: $0.values) }, tables: mine.map(\.tables),
        fingerprints: mine.map(\.fingerprint))
    }
  }
}
