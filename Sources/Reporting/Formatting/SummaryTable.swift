import Experiments
import SimStats

/// Human-readable tables for the terminal.
public enum SummaryTable {
  /// The summary of a run: one line per metric with mean, 95% CI and unit.
  public static func render(_ result: ExperimentResult) -> String {
    var rows = [["metric", "mean", "95% CI", "unit"]]
    for (metric, e) in zip(result.metrics, result.estimates) {
      rows.append([metric.name, e.map { number($0.mean) } ?? "-", interval(e), metric.unit])
    }
    let header = "\(result.scenarioName) (\(result.kind)): \(result.replications.count) replications, "
      + "seed \(result.seed), horizon \(number(result.horizonMinutes / 60)) h, "
      + "warm-up \(number(result.warmUpMinutes / 60)) h\(result.warmUpMethod == "mser5" ? " (MSER-5)" : "")\n"
    return header + layout(rows)
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

  public static func layout(_ rows: [[String]]) -> String {
    let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        return c == 0 || c == row.count - 1 ? cell + pad : pad + cell
      }.joined(separator: "  ").trailingSpacesRemoved
    }.joined(separator: "\n") + "\n"
  }
}

extension String {
  var trailingSpacesRemoved: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
