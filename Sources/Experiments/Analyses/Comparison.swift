import SimStats

/// Paired comparison of designs run with common random numbers.
public struct Comparison: Sendable {
  /// One metric of one alternative against the baseline.
  public struct Row: Sendable {
    public let metric: Metric
    public let alternative: Int
    public let baseline: ReplicationEstimate?
    public let value: ReplicationEstimate?
    /// Estimate of alternative − baseline over paired replications.
    public let difference: ReplicationEstimate?
    /// Variance of the paired difference, and the variance independent streams would give
    /// (var A + var B): their ratio is what common random numbers bought.
    public let pairedVariance: Double
    public let independentVariance: Double
    public let verdict: String

    /// How large the estimated difference is for a planner, apart from whether it is real:
    /// `negligible`, `small`, `moderate` or `large` (see ``PracticalSize``).
    public var size: PracticalSize? {
      guard let d = difference, d.mean.isFinite else { return nil }
      return PracticalSize(difference: d.mean, baseline: baseline?.mean ?? .nan, unit: metric.unit)
    }

    /// Statistical and practical significance in words: "real, small" when the 95% interval
    /// excludes zero, "not detectable" when it does not.
    public var assessment: String {
      switch verdict {
      case "better", "worse", "higher", "lower": return size.map { "real, " + $0.rawValue } ?? "real"
      case "identical": return "identical"
      case "too few replications": return "too few replications"
      default: return "not detectable"
      }
    }

    /// 1 − paired / independent variance (the share of variance removed by CRN).
    public var varianceReduction: Double {
      independentVariance > 0 ? 1 - pairedVariance / independentVariance : .nan
    }
  }

  public let labels: [String]
  public let rows: [Row]
  /// What each alternative's extra cost buys, when the results carry costs.
  public let costRatios: [CostRatio]

  /// Compares every design with the first, metric by metric (metrics matched by name).
  public init(_ results: [ExperimentResult], labels: [String]) {
    self.labels = labels
    var rows: [Row] = []
    let base = results[0]
    for (b, alt) in results.enumerated().dropFirst() {
      for (i, metric) in base.metrics.enumerated() {
        guard let j = alt.metrics.firstIndex(where: { $0.name == metric.name }) else { continue }
        rows.append(Self.row(metric, base: base, i, alt: alt, j, alternative: b))
      }
    }
    self.rows = rows
    costRatios = CostRatio.all(results)
  }

  static func row(_ metric: Metric, base: ExperimentResult, _ i: Int, alt: ExperimentResult, _ j: Int,
                  alternative: Int) -> Row {
    var a: [Double] = []
    var b: [Double] = []
    for (x, y) in zip(base.replications, alt.replications) where !x.values[i].isNaN && !y.values[j].isNaN {
      a.append(x.values[i])
      b.append(y.values[j])
    }
    let ea = ReplicationEstimate(a)?.bounded(by: metric)
    let eb = ReplicationEstimate(b)?.bounded(by: metric)
    // Each value may be off by its resolution, so the difference by the sum of both; but
    // where every replication gave the same value in both (an unaffected figure, under
    // common random numbers), the difference is exactly zero.
    let differences = zip(b, a).map { $0 - $1 }
    let unchanged = differences.allSatisfy { $0 == 0 }
    let d = ReplicationEstimate(differences)?
      .widened(by: unchanged ? 0 : metric.resolution * (abs(ea?.mean ?? 0) + abs(eb?.mean ?? 0)))
    let paired = d.map { $0.standardDeviation * $0.standardDeviation } ?? .nan
    let independent = (ea?.standardDeviation ?? .nan) * (ea?.standardDeviation ?? .nan)
      + (eb?.standardDeviation ?? .nan) * (eb?.standardDeviation ?? .nan)
    return Row(metric: metric, alternative: alternative, baseline: ea, value: eb, difference: d,
               pairedVariance: paired, independentVariance: independent,
               verdict: verdict(d, direction: metric.direction))
  }

  /// "better", "worse", "higher", "lower" when the 95% interval of the difference excludes 0,
  /// else "no detectable difference".
  static func verdict(_ d: ReplicationEstimate?, direction: Metric.Direction) -> String {
    guard let d, d.count > 1, !d.halfWidth.isNaN else { return "too few replications" }
    if d.standardDeviation == 0 && d.mean == 0 { return "identical" }
    guard d.lower > 0 || d.upper < 0 else { return "no detectable difference" }
    let up = d.lower > 0
    switch direction {
    case .lowerIsBetter: return up ? "worse" : "better"
    case .higherIsBetter: return up ? "better" : "worse"
    case .neither: return up ? "higher" : "lower"
    }
  }
}

/// The size of a difference as a planner would judge it. Relative to the baseline's mean:
/// under 2% negligible, under 10% small, under 30% moderate; above, large. Shares (`ratio`
/// metrics) are also judged in percentage points (under 1, 5 and 15), and the larger of the
/// two sizes counts: 51.6% → 51.3% is negligible either way, while a fall of failed calls
/// from 6.9% to 6.4% is only 0.5 points but 7% of the failures, so small. The cut-offs are
/// conventions stated in every report, not a cost-benefit judgement: a real but small gain
/// may still not be worth what it costs.
public enum PracticalSize: String, Sendable, Comparable {
  case negligible, small, moderate, large

  public init?(difference: Double, baseline: Double, unit: String) {
    guard difference.isFinite else { return nil }
    let relative = baseline.isFinite && baseline != 0
      ? Self.classify(abs(difference / baseline), cuts: [0.02, 0.10, 0.30]) : nil
    let points = unit == "ratio" ? Self.classify(abs(difference), cuts: [0.01, 0.05, 0.15]) : nil
    guard let size = [relative, points].compactMap({ $0 }).max() else { return nil }
    self = size
  }

  static func classify(_ size: Double, cuts: [Double]) -> PracticalSize {
    size < cuts[0] ? .negligible : size < cuts[1] ? .small : size < cuts[2] ? .moderate : .large
  }

  private var rank: Int { [.negligible, .small, .moderate, .large].firstIndex(of: self) ?? 0 }

  public static func < (a: PracticalSize, b: PracticalSize) -> Bool { a.rank < b.rank }
}
