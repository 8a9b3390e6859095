/// `summary.json` (`telesim/summary/v1`) as a report reads it. Property names follow the
/// file's keys, so that no key strategy touches metric names.
struct SummaryFile: Decodable {
  struct MetricEntry: Decodable {
    var mean: Double?
    var ci95: [Double]?
    var sd: Double?
    var n: Int
    var unit: String
    var better: String?
    var label: String?
  }

  struct DataFileEntry: Decodable {
    var path: String
    var hash: String
  }

  struct TargetEntry: Decodable {
    var text: String
    var metric: String
    var comparison: String
    var limit: Double
    var unit: String
    var judge: String
    var met: Bool
    var explanation: String
  }

  var schema: String
  var telesim_version: String
  var scenario: String
  var scenario_file: String
  var scenario_hash: String
  var kind: String
  var seed: UInt64
  var replications: Int
  var rng: String
  var horizon_min: Double
  var warmup_min: Double
  var warmup_method: String
  var fingerprint: String?
  var start_date: String?
  var data_files: [DataFileEntry]?
  var targets: [TargetEntry]?
  var settings: [String: String]?
  var metrics: [String: MetricEntry]

  /// The target on `metric`, if the scenario set one.
  func target(_ metric: String) -> TargetEntry? { targets?.first { $0.metric == metric } }
}

/// `comparison.json` (`telesim/comparison/v1`).
struct ComparisonFile: Decodable {
  struct ScenarioEntry: Decodable {
    var label: String
    var file: String
    var scenario_hash: String
  }

  struct Difference: Decodable {
    var alternative: String
    var metric: String
    var unit: String
    var better: String
    var baseline_mean: Double?
    var alternative_mean: Double?
    var difference: Double?
    var ci95: [Double]?
    var verdict: String
    var variance_reduction: Double?
    var size: String?
    var assessment: String?
  }

  struct Change: Decodable {
    var alternative: String
    var setting: String
    var baseline: String?
    var value: String?
  }

  var schema: String
  var telesim_version: String
  var experiment_hash: String
  var seed: UInt64
  var replications: Int
  var scenarios: [ScenarioEntry]
  var differences: [Difference]
  var changes: [Change]?
  /// What each alternative's extra cost buys (absent before costs were reported).
  var cost_per_outcome: [CostRatio]?

  struct CostRatio: Decodable {
    var alternative: String
    var outcome: String
    var extra_cost_per_day: Double?
    var gain_unit: String
    var gain: Double?
    var gain_ci95: [Double?]?
    var status: String
    var price_unit: String
    var cost_per_unit: Double?
    var cost_per_unit_ci95: [Double?]?
  }
}

/// `sweep.json` (`telesim/sweep/v1`).
struct SweepFile: Decodable {
  struct AxisEntry: Decodable {
    var key: String
    var name: String
    var values: [String]
  }

  struct DesignEntry: Decodable {
    var label: String
    var settings: [String]
    var point: [String]?
    var scenario: String
    var scenario_hash: String
    var fingerprint: String?
    var metrics: [String: SummaryFile.MetricEntry]
  }

  var schema: String
  var telesim_version: String
  var experiment_hash: String
  var seed: UInt64
  var replications: Int
  struct Target: Decodable {
    var text: String
    var metric: String
    var comparison: String
    var limit: Double
    var judge: String
  }

  var scenario: String?
  var file: String?
  var targets: [Target]?
  var axes: [AxisEntry]?
  var designs: [DesignEntry]
}

extension SummaryFile.MetricEntry {
  /// The metric in a planner's words, or its `name` when it has none.
  func words(or name: String) -> String {
    if let label, !label.isEmpty { return label }
    return name
  }
}
