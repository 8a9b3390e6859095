import Experiments
import SimStats

/// Tables and files for `telesim sweep`.
public enum SweepReport {
  /// One row per design point: its value on each swept axis, then each chosen metric's mean
  /// ± 95% CI half-width in a unit suited to its size. Axes with long names get a short
  /// heading (`axis 1`) explained above the table.
  public static func table(_ results: [ExperimentResult], header: PlanHeader, metrics: [String]) -> String {
    let axes = axes(header)
    var legend = ""
    var head: [String] = []
    for (i, axis) in axes.enumerated() {
      if axis.name.count <= 16 { head.append(axis.name) } else {
        head.append("axis \(i + 1)")
        legend += "axis \(i + 1): \(axis.name) (\(axis.key))\n"
      }
    }
    head += shortNames(metrics)
    var rows = [head]
    // One unit per column, suited to its largest value, so a column reads down without
    // switching between minutes and hours.
    let units = metrics.map { m -> DisplayUnit in
      let unit = results.first?.metrics.first { $0.name == m }?.unit ?? ""
      return DisplayUnit.suited(to: unit, typical: results.compactMap { $0.estimate(m)?.mean }.map(abs).max() ?? .nan)
    }
    for (design, r) in zip(header.designs, results) {
      rows.append(design.settings.map { split($0).value } + zip(metrics, units).map { m, u in
        guard let e = r.estimate(m) else { return "-" }
        let half = e.count > 1 && e.halfWidth.isFinite ? " ±" + u.short(e.halfWidth) : ""
        return u.short(e.mean) + half + (u.label.isEmpty ? "" : u.label == "%" ? "%" : " " + u.label)
      })
    }
    return legend + SummaryTable.layout(rows)
  }

  /// Metric names without their first part (`wait.mean` for `teleconsult.wait.mean`) when
  /// that keeps them apart.
  static func shortNames(_ metrics: [String]) -> [String] {
    let short = metrics.map { m in m.split(separator: ".").dropFirst().joined(separator: ".") }
    return Set(short).count == short.count && !short.contains("") ? short : metrics
  }

  /// Version of the sweep JSON format.
  public static let schema = "telesim/sweep/v1"

  /// One swept key: its path, its name in words and its values in grid order.
  public struct Axis: Equatable, Sendable {
    public var key: String
    public var name: String
    public var values: [String]
  }

  /// The swept keys of `header`, in the order given, each with the values it takes.
  public static func axes(_ header: PlanHeader) -> [Axis] {
    var axes: [Axis] = []
    for d in header.designs {
      for (i, setting) in d.settings.enumerated() {
        let (key, value) = split(setting)
        if i == axes.count { axes.append(Axis(key: key, name: d.settingNames?[i] ?? key, values: [])) }
        if !axes[i].values.contains(value) { axes[i].values.append(value) }
      }
    }
    return axes
  }

  /// `key=value` as its two parts (the value may itself hold `=`).
  static func split(_ setting: String) -> (key: String, value: String) {
    guard let eq = setting.firstIndex(of: "=") else { return (setting, "") }
    return (String(setting[..<eq]), String(setting[setting.index(after: eq)...]))
  }

  /// The sweep as JSON (`telesim/sweep/v1`): the experiment's seed and replications, the
  /// scenario's targets, the swept axes (key, name in words, values), then each design
  /// point's label, settings, its values on the axes, scenario hash, capacity totals (as in
  /// the summary: specialists, beds, …) and every metric as in the summary (`mean`, `ci95`,
  /// `sd`, `n`, `unit`, `better`).
  public static func json(_ results: [ExperimentResult], header: PlanHeader) -> String {
    var j = JSONText.experiment(schema, header)
    if let info = header.designs.first?.info {
      j.key("scenario"); j.string(info.name)
      j.key("file"); j.string(info.file)
    }
    if let targets = header.designs.first?.info.targets, !targets.isEmpty {
      j.key("targets"); j.beginArray()
      for t in targets {
        j.beginObject()
        j.key("text"); j.string(t.text)
        j.key("metric"); j.string(t.metric)
        j.key("comparison"); j.string(t.comparison)
        j.key("limit"); j.number(t.limit)
        j.key("judge"); j.string(t.judge)
        j.endObject()
      }
      j.endArray()
    }
    j.key("axes"); j.beginArray()
    for axis in axes(header) {
      j.beginObject()
      j.key("key"); j.string(axis.key)
      j.key("name"); j.string(axis.name)
      j.key("values"); j.beginArray()
      for v in axis.values { j.string(v) }
      j.endArray()
      j.endObject()
    }
    j.endArray()
    j.key("designs"); j.beginArray()
    for (design, result) in zip(header.designs, results) {
      j.beginObject()
      j.key("label"); j.string(design.label)
      j.key("settings"); j.beginArray()
      for s in design.settings { j.string(s) }
      j.endArray()
      j.key("point"); j.beginArray()
      for s in design.settings { j.string(split(s).value) }
      j.endArray()
      j.key("scenario"); j.string(result.scenarioName)
      j.key("scenario_hash"); j.string(result.scenarioHash)
      if !result.fingerprints.isEmpty { j.key("fingerprint"); j.string(Fingerprint.hex(result.fingerprint)) }
      SummaryReport.capacity(result, into: &j)
      j.key("metrics"); SummaryReport.metrics(result, into: &j)
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.text + "\n"
  }

  /// `design,settings,metric,unit,mean,ci_lo,ci_hi,n` for every metric of every design.
  public static func csv(_ results: [ExperimentResult], labels: [String]) -> String {
    var out = "design,settings,metric,unit,mean,ci_lo,ci_hi,n\n"
    for (d, (r, label)) in zip(results, labels).enumerated() {
      for (metric, e) in zip(r.metrics, r.estimates) {
        let cells = [String(d), label, metric.name, metric.unit, ComparisonReport.num(e?.mean),
                     ComparisonReport.num(e.map { $0.count > 1 ? $0.lower : .nan }),
                     ComparisonReport.num(e.map { $0.count > 1 ? $0.upper : .nan }), String(e?.count ?? 0)]
        out += cells.map(SummaryReport.csvField).joined(separator: ",") + "\n"
      }
    }
    return out
  }

  /// One row per design point: `design`, one column per swept key with its value, then per
  /// metric `METRIC [UNIT]`, `METRIC ci_lo` and `METRIC ci_hi` (units in the header, because a
  /// wide table has no row to hold them).
  public static func wideCSV(_ results: [ExperimentResult], header: PlanHeader) -> String {
    let metrics = results.first?.metrics ?? []
    var head = ["design"] + axes(header).map(\.key)
    for m in metrics {
      head += [m.unit.isEmpty ? m.name : "\(m.name) [\(m.unit)]", "\(m.name) ci_lo", "\(m.name) ci_hi"]
    }
    var out = head.map(SummaryReport.csvField).joined(separator: ",") + "\n"
    for (d, (design, r)) in zip(header.designs, results).enumerated() {
      var cells = [String(d)] + design.settings.map { split($0).value }
      for m in metrics {
        let e = r.estimate(m.name)
        cells += [ComparisonReport.num(e?.mean), ComparisonReport.num(e.map { $0.count > 1 ? $0.lower : .nan }),
                  ComparisonReport.num(e.map { $0.count > 1 ? $0.upper : .nan })]
      }
      out += cells.map(SummaryReport.csvField).joined(separator: ",") + "\n"
    }
    return out
  }
}
