import Experiments
import Foundation
import SimStats

/// The answer of `telesim calibrate`: each input's fitted value and plausible range, the
/// figures at the best point against their targets, every point tried, and the calibrated
/// scenario as a file that extends the original.
public struct CalibrationReport {
  let calibration: Calibration
  let fit: Calibration.Fit
  let header: PlanHeader
  let units: [String]
  let command: String

  /// The report of `fit`; `units` are the metrics' units, `command` how it was asked for.
  public init(calibration: Calibration, fit: Calibration.Fit, header: PlanHeader, units: [String], command: String) {
    self.calibration = calibration
    self.fit = fit
    self.header = header
    self.units = units
    self.command = command
  }

  private func unit(_ metric: String) -> String {
    calibration.metricNames.firstIndex(of: metric).map { units[$0] } ?? ""
  }

  private func shown(_ x: Double, _ p: CalibrationParameter) -> String {
    DisplayUnit.grouped(SummaryTable.number(x)) + p.unit
  }

  /// Each input's line: `ambulances.calls.daily  7,420/d  plausible 6,900/d to 7,950/d`.
  private var fittedRows: [[String]] {
    calibration.parameters.indices.map { k in
      let p = calibration.parameters[k]
      guard let range = fit.ranges[k] else { return [p.key, shown(fit.fitted[k], p), "no plausible value"] }
      var plausible = "plausible \(shown(range.lowerBound, p)) to \(shown(range.upperBound, p))"
      if !fit.identified[k] {
        plausible += " (the whole range: not identified)"
      } else if fit.openBelow[k] || fit.openAbove[k] {
        // The range stops at the grid, not where the figures stop matching.
        plausible += " (open \(fit.openBelow[k] ? "below" : "above"): widen the range \(fit.openBelow[k] ? "down" : "up")ward)"
      }
      return [p.key, shown(fit.fitted[k], p), plausible]
    }
  }

  /// Whether every input has a plausible value strictly inside the grid: the fit can be used.
  public var isUsable: Bool {
    fit.ranges.allSatisfy { $0 != nil } && zip(fit.openBelow, fit.openAbove).allSatisfy { !$0 && !$1 }
  }

  /// Inputs that name a list entry (`specialties[0].…`): a file that extends another replaces
  /// a list whole, so their fitted values cannot be written into one.
  public var listEntries: [String] { calibration.parameters.map(\.key).filter { $0.contains("[") } }

  /// The terminal table.
  public func table() -> String {
    let info = header.designs[0].info
    var out = "\(info.name): \(fit.points.count) points × \(header.replications) replications, seed \(header.seed)\n"
    out += "targets: " + calibration.targets.map(\.text).joined(separator: "; ") + "\n"
    let plausible = fit.points.filter(\.plausible).count
    out += "\(plausible) of \(fit.points.count) points plausible (every target within 3 standard uncertainties)\n\n"
    if plausible == 0 {
      out += "No value in the ranges matches every target: widen the ranges, try more --points, or fit another input.\n"
    }
    out += "fitted:\n" + SummaryTable.layout(fittedRows) + "\n"
    out += "at the best point (\(header.designs[fit.best].label)):\n"
    var rows = [["metric", "simulated [95% CI]", "target", "implausibility"]]
    let best = fit.points[fit.best]
    for (t, (e, z)) in zip(calibration.targets, zip(best.estimates, best.implausibilities)) {
      let u = DisplayUnit.suited(to: unit(t.metric), typical: t.value)
      let sim = e.map { $0.count > 1 ? "\(u.text($0.mean)) [\(u.short($0.lower)), \(u.short($0.upper))]" : u.text($0.mean) } ?? "never observed"
      rows.append([t.metric, sim, "\(u.text(t.value)) ± \(u.text(t.tolerance))", SummaryTable.number(z)])
    }
    out += SummaryTable.layout(rows) + "\n\n" + SummaryTable.layout(pointRows())
    return out.hasSuffix("\n") ? out : out + "\n"
  }

  private func pointRows() -> [[String]] {
    var rows = [calibration.parameters.map(\.key) + calibration.targets.map(\.metric) + ["implausibility", "plausible"]]
    for point in fit.points {
      rows.append(zip(calibration.parameters, point.values).map { shown($1, $0) }
                  + zip(calibration.targets, point.estimates).map { t, e in
                    e.map { DisplayUnit.suited(to: unit(t.metric), typical: t.value).text($0.mean) } ?? "-" }
                  + [SummaryTable.number(point.implausibility), point.plausible ? "yes" : "no"])
    }
    return rows
  }

  /// `telesim/calibration/v1`.
  public func json() -> String {
    var j = JSONText.experiment("telesim/calibration/v1", header)
    j.key("scenario"); j.beginObject()
    j.key("name"); j.string(header.designs[0].info.name); j.key("file"); j.string(header.designs[0].info.file); j.endObject()
    j.key("method"); j.string("history matching on a grid, implausibility cutoff \(Calibration.cutoff)")
    j.key("targets"); j.beginArray()
    for t in calibration.targets {
      j.beginObject(); j.key("metric"); j.string(t.metric); j.key("value"); j.number(t.value)
      j.key("tolerance"); j.number(t.tolerance); j.key("unit"); j.string(unit(t.metric)); j.endObject()
    }
    j.endArray()
    j.key("fitted"); j.beginArray()
    for (k, p) in calibration.parameters.enumerated() {
      j.beginObject(); j.key("key"); j.string(p.key); j.key("unit"); j.string(p.unit)
      j.key("value"); j.number(fit.fitted[k])
      j.key("plausible"); if let r = fit.ranges[k] { j.beginArray(); j.number(r.lowerBound); j.number(r.upperBound); j.endArray() } else { j.null() }
      j.key("identified"); j.bool(fit.identified[k])
      j.endObject()
    }
    j.endArray()
    j.key("best_point"); j.string(header.designs[fit.best].label)
    j.key("points"); j.beginArray()
    for point in fit.points {
      j.beginObject()
      j.key("values"); j.beginArray(); for v in point.values { j.number(v) }; j.endArray()
      j.key("means"); j.beginArray(); for e in point.estimates { j.number(e?.mean ?? .nan) }; j.endArray()
      j.key("standard_errors"); j.beginArray(); for e in point.estimates { j.number(e.map { $0.count > 1 ? $0.standardError : .nan } ?? .nan) }; j.endArray()
      j.key("implausibility"); j.number(point.implausibility)
      j.key("plausible"); j.bool(point.plausible)
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.text + "\n"
  }

  /// One row per point: the inputs, each target's mean and standard error, the implausibility.
  public func csv() -> String {
    var head = calibration.parameters.map(\.key)
    for t in calibration.targets { head += [t.metric + "_mean", t.metric + "_se"] }
    var out = (head + ["implausibility", "plausible"]).map(SummaryReport.csvField).joined(separator: ",") + "\n"
    for point in fit.points {
      var cells = point.values.map(JSONText.format)
      for e in point.estimates {
        cells += [ComparisonReport.num(e?.mean), ComparisonReport.num(e.map { $0.count > 1 ? $0.standardError : .nan })]
      }
      out += (cells + [ComparisonReport.num(point.implausibility), point.plausible ? "yes" : "no"]).joined(separator: ",") + "\n"
    }
    return out
  }

  /// A scenario that extends `base` (a path relative to the new file) with the fitted values,
  /// three significant figures each, and says in comments how they were found.
  public func scenario(extending base: String) -> String {
    var out = "# Calibrated by: telesim \(command)\n"
    out += "# Targets: " + calibration.targets.map(\.text).joined(separator: "; ") + "\n"
    for row in fittedRows { out += "# \(row[0]) = \(row[1]) (\(row[2]))\n" }
    out += "extends: \(base)\nname: \(header.designs[0].info.name)-calibrated\n"
    // Nested maps from dotted keys, sorted so that keys sharing a map are written together.
    var written: [String] = []
    let order = calibration.parameters.indices.sorted { calibration.parameters[$0].key < calibration.parameters[$1].key }
    for k in order {
      let p = calibration.parameters[k]
      guard !p.key.contains("[") else {
        // extends: replaces a list whole, so one entry cannot be set from here.
        out += "# set with --set '\(p.key)=\(p.text(writtenValue(k)))' (a list entry)\n"
        continue
      }
      let parts = p.key.split(separator: ".").map(String.init)
      for depth in 0..<parts.count {
        let prefix = parts[...depth].joined(separator: ".")
        if depth < parts.count - 1 && written.contains(prefix) { continue }
        let indent = String(repeating: "  ", count: depth)
        if depth < parts.count - 1 {
          out += "\(indent)\(parts[depth]):\n"
          written.append(prefix)
        } else {
          out += "\(indent)\(parts[depth]): \(p.text(writtenValue(k)))\n"
        }
      }
    }
    return out
  }

  /// The fitted value of input `k` to three significant figures (it is known no better), or
  /// more where three would fall outside its plausible range.
  func writtenValue(_ k: Int) -> Double {
    let x = fit.fitted[k]
    guard x.isFinite, x != 0 else { return x }
    for figures in 3...8 {
      let scale = pow(10, Double(figures - 1) - floor(log10(abs(x))))
      let rounded = (x * scale).rounded() / scale
      if fit.ranges[k].map({ $0.contains(rounded) }) ?? true { return rounded }
    }
    return x
  }
}
