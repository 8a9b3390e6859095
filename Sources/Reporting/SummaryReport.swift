import Experiments
import SimStats

/// The machine-readable summary (`telesim/summary/v1`) and the per-replication CSV.
public enum SummaryReport {
  /// Version of the summary format.
  public static let schema = "telesim/summary/v1"
  /// Version of TeleSim written into every output.
  public static let toolVersion = TeleSimVersion.current

  /// The summary as JSON text (one line plus a newline).
  ///
  /// `metrics` maps each metric name to `{"mean", "ci95": [lo, hi], "sd", "n", "unit",
  /// "better"}` (`better` is `lower`, `higher` or `neither`);
  /// `null` marks a metric never observed, and a one-replication run has a `null` interval.
  /// `targets` (when the scenario has `expect:` thresholds) lists each with `met` judged as
  /// `telesim check` does; `settings` holds every setting of the scenario after `extends:`,
  /// by key path, so the file says what was simulated.
  /// `"capacity": {"spokes": 1723, …}`, when the result has totals.
  static func capacity(_ result: ExperimentResult, into j: inout JSONText) {
    guard !result.info.capacity.isEmpty else { return }
    j.key("capacity"); j.beginObject()
    for count in result.info.capacity { j.key(count.name); j.integer(count.value) }
    j.endObject()
  }

  public static func json(_ result: ExperimentResult) -> String {
    var j = JSONText()
    j.beginObject()
    j.key("schema"); j.string(schema)
    j.key("telesim_version"); j.string(toolVersion)
    j.key("scenario"); j.string(result.scenarioName)
    j.key("scenario_file"); j.string(result.scenarioFile)
    j.key("scenario_hash"); j.string(result.scenarioHash)
    j.key("kind"); j.string(result.kind)
    j.key("seed"); j.integer(result.seed)
    j.key("replications"); j.integer(result.replications.count)
    j.key("rng"); j.string(result.generator)
    j.key("horizon_min"); j.number(result.horizonMinutes)
    j.key("warmup_min"); j.number(result.warmUpMinutes)
    j.key("warmup_method"); j.string(result.warmUpMethod)
    if !result.fingerprints.isEmpty {
      j.key("fingerprint"); j.string(Fingerprint.hex(result.fingerprint))
    }
    if let start = result.startDate { j.key("start_date"); j.string(start) }
    if !result.dataFiles.isEmpty {
      j.key("data_files"); j.beginArray()
      for f in result.dataFiles {
        j.beginObject(); j.key("path"); j.string(f.path); j.key("hash"); j.string(f.hash); j.endObject()
      }
      j.endArray()
    }
    capacity(result, into: &j)
    if !result.info.settings.isEmpty {
      j.key("settings"); j.beginObject()
      for setting in result.info.settings { j.key(setting.path); j.string(setting.value) }
      j.endObject()
    }
    let targets = CapacityGate.targets(result)
    if !targets.isEmpty {
      j.key("targets"); j.beginArray()
      for (t, finding) in zip(result.info.targets, targets) {
        j.beginObject()
        j.key("text"); j.string(t.text)
        j.key("metric"); j.string(t.metric)
        j.key("comparison"); j.string(t.comparison)
        j.key("limit"); j.number(t.limit)
        j.key("unit"); j.string(finding.unit)
        j.key("judge"); j.string(t.judge)
        j.key("met"); j.bool(finding.verdict == .pass)
        j.key("explanation"); j.string(finding.explanation)
        j.endObject()
      }
      j.endArray()
    }
    j.key("metrics")
    metrics(result, into: &j)
    j.endObject()
    return j.text + "\n"
  }

  /// Writes `{NAME: {"mean", "ci95", "sd", "n", "unit", "better"}, …}` for every metric.
  static func metrics(_ result: ExperimentResult, into j: inout JSONText) {
    j.beginObject()
    for (metric, estimate) in zip(result.metrics, result.estimates) {
      j.key(metric.name)
      j.beginObject()
      j.key("mean"); j.number(estimate?.mean ?? .nan)
      j.key("ci95")
      if let e = estimate, e.count > 1 {
        j.beginArray(); j.number(e.lower); j.number(e.upper); j.endArray()
      } else {
        j.null()
      }
      j.key("sd"); j.number(estimate.map { $0.count > 1 ? $0.standardDeviation : .nan } ?? .nan)
      j.key("n"); j.integer(estimate?.count ?? 0)
      j.key("unit"); j.string(metric.unit)
      j.key("better"); j.string(metric.direction.rawValue)
      if !metric.label.isEmpty { j.key("label"); j.string(metric.label) }
      j.endObject()
    }
    j.endObject()
  }

  /// One row per replication: `replication,METRIC1,METRIC2,…` (empty cell = not observed).
  public static func replicationsCSV(_ result: ExperimentResult) -> String {
    var out = "replication," + result.metrics.map { csvField($0.name) }.joined(separator: ",") + "\n"
    for (index, values) in zip(result.replicationIndices, result.replications) {
      out += "\(index)," + values.values.map { $0.isNaN ? "" : JSONText.format($0) }.joined(separator: ",") + "\n"
    }
    return out
  }

  /// A breakdown table as CSV: key columns, then value columns (empty cell = not observed).
  /// With a start date, a table keyed by `day` gains a `date` column beside it.
  public static func csv(_ table: BreakdownTable, startDate: String? = nil) -> String {
    let dayColumn = startDate == nil ? nil : table.keyColumns.firstIndex(of: "day")
    var header = table.keyColumns
    if let d = dayColumn { header.insert("date", at: d + 1) }
    var out = (header + table.valueColumns).map(csvField).joined(separator: ",") + "\n"
    for (keys, values) in zip(table.keys, table.values) {
      var cells = keys
      if let d = dayColumn, let start = startDate {
        cells.insert(Int(keys[d]).flatMap { Timestamp.date(ofDay: $0, startDate: start) } ?? "", at: d + 1)
      }
      out += (cells.map(csvField) + values.map { $0.isNaN ? "" : JSONText.format($0) }).joined(separator: ",") + "\n"
    }
    return out
  }

  /// Writes every breakdown table of `result` into `folder` (`NAME.csv`).
  public static func writeTables(_ result: ExperimentResult, to folder: String) throws {
    for table in result.tables {
      try AtomicFile.write(csv(table, startDate: result.startDate), to: folder + "/\(table.name).csv")
    }
  }

  public static func csvField(_ s: String) -> String {
    s.contains(",") || s.contains("\"") ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
    return out
  }
}
