import Experiments
import SimStats

/// Human-readable tables for the terminal.
public enum SummaryTable {
  /// The summary of a run: one line per metric with its mean and 95% CI, each in a unit
  /// suited to its size (a wait of 0.48 h shows as 28.8 min; summary.json keeps hours).
  public static func render(_ result: ExperimentResult) -> String {
    var rows = [["metric", "mean", "95% CI"]]
    for (metric, e) in zip(result.metrics, result.estimates) {
      let cell = estimateCell(mean: e?.mean, lower: e.flatMap { $0.count > 1 ? $0.lower : nil },
                              upper: e.flatMap { $0.count > 1 ? $0.upper : nil }, unit: metric.unit)
      rows.append([metric.name, cell.value, cell.interval.isEmpty ? "-" : cell.interval])
    }
    let header = "\(result.scenarioName) (\(result.kind)): \(result.replications.count) replications, "
      + "seed \(result.seed), horizon \(DisplayUnit.suited(to: "min", typical: result.horizonMinutes).text(result.horizonMinutes)), "
      + "warm-up \(DisplayUnit.suited(to: "min", typical: result.warmUpMinutes).text(result.warmUpMinutes))"
      + "\(result.warmUpMethod == "mser5" ? " (MSER-5)" : "")\n"
    return header + capacityLine(result.info.capacity) + layout(rows)
  }

  /// "capacity: spokes 1,723, hubs 17, specialists 204, beds 31,720\n" (empty without totals).
  static func capacityLine(_ counts: [ScenarioInfo.Count]) -> String {
    guard !counts.isEmpty else { return "" }
    return "capacity: " + counts.map { "\($0.name.replacingOccurrences(of: "_", with: " ")) \(grouped($0.value))" }
      .joined(separator: ", ") + "\n"
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ n: Int) -> String {
    let digits = Array(String(n.magnitude))
    let text = digits.enumerated().map { i, d in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(d) }.joined()
    return n < 0 ? "-" + text : text
  }

  /// Theory beside simulation: metric, exact value, simulated mean and CI, and whether the
  /// exact value lies inside the interval.
  public static func renderTheory(_ result: ExperimentResult, _ exact: [TheoryComparison.Value]) -> String {
    var rows = [["metric", "theory", "simulated", "95% CI", "inside", "formula"]]
    for v in exact {
      let e = result.estimate(v.metric)
      let inside = e.map { $0.count > 1 && v.value >= $0.lower && v.value <= $0.upper ? "yes" : "no" } ?? "-"
      rows.append([v.metric, number(v.value), e.map { number($0.mean) } ?? "-", interval(e), inside, v.formula])
    }
    return layout(rows)
  }

  public static func interval(_ e: ReplicationEstimate?) -> String {
    guard let e, e.count > 1 else { return "-" }
    return "[\(number(e.lower)), \(number(e.upper))]"
  }

  /// Four significant digits, plain notation for everyday magnitudes.
  public static func number(_ x: Double) -> String {
    guard x.isFinite else { return "-" }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    let decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : magnitude >= 1 ? 3 : 4
    return fixed(x, decimals: decimals)
  }

  static func fixed(_ x: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    let whole = Int64(scaled / scale)
    let fraction = Int64(scaled - Double(whole) * scale)
    var text = "\(x < 0 && scaled != 0 ? "-" : "")\(whole)"
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
  }

  /// Columns padded to their widest cell: the first and last to the left, the others (numbers)
  /// to the right.
  public static func layout(_ rows: [[String]]) -> String {
    layout(rows, style: .plain) { _, _ in nil }
  }
}

extension String {
  var trailingSpacesRemoved: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
