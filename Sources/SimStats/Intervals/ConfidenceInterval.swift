import CGSL

/// Mean and Student-t confidence interval of independent replication results.
///
/// With n replications giving y₁…yₙ: ȳ ± t₍₀.₉₇₅, n−1₎ · s/√n, where s is the sample
/// standard deviation (Law, *Simulation Modeling and Analysis*, 5th ed., §9.4.1). The
/// quantile comes from GSL (`gsl_cdf_tdist_Pinv`). Assumes the yᵢ are i.i.d. and roughly
/// normal, which holds for replication means of long runs.
public struct ReplicationEstimate: Sendable, Equatable {
  /// Number of replications.
  public let count: Int
  /// Sample mean ȳ.
  public let mean: Double
  /// Sample standard deviation s (0 with one replication).
  public let standardDeviation: Double
  /// Half-width of the interval (NaN with fewer than two replications).
  public private(set) var halfWidth: Double
  /// Confidence level, e.g. 0.95.
  public let level: Double

  /// Summarises `values` at confidence `level`.
  /// - Returns: `nil` for an empty input.
  public init?(_ values: [Double], level: Double = 0.95) {
    guard !values.isEmpty else { return nil }
    var tally = Tally()
    for v in values { tally.record(v) }
    count = values.count
    mean = tally.mean!
    standardDeviation = tally.standardDeviation ?? 0
    self.level = level
    if count > 1 {
      halfWidth = studentTQuantile((1 + level) / 2, degreesOfFreedom: count - 1)
        * standardDeviation / Double(count).squareRoot()
    } else {
      halfWidth = .nan
    }
  }

  /// This estimate with `bound` added to the half-width: a known bound on the error of
  /// each value (such as a quantile sketch's resolution) that sampling cannot reveal.
  /// - Precondition: `bound >= 0`.
  public func widened(by bound: Double) -> ReplicationEstimate {
    precondition(bound >= 0, "a bound cannot be negative")
    var copy = self
    copy.halfWidth += bound
    return copy
  }

  /// Standard error s/√n.
  public var standardError: Double { standardDeviation / Double(count).squareRoot() }
  /// Lower end of the interval.
  public var lower: Double { mean - halfWidth }
  /// Upper end of the interval.
  public var upper: Double { mean + halfWidth }
  /// Half-width relative to |mean| (∞ when the mean is 0).
  public var relativeHalfWidth: Double { mean == 0 ? .infinity : halfWidth / abs(mean) }
}

/// The p-quantile of Student's t with `degreesOfFreedom` degrees of freedom.
/// - Precondition: 0 < p < 1, degrees of freedom ≥ 1.
public func studentTQuantile(_ p: Double, degreesOfFreedom: Int) -> Double {
  precondition(p > 0 && p < 1, "probability must be in (0, 1)")
  precondition(degreesOfFreedom >= 1, "need at least one degree of freedom")
  return gsl_cdf_tdist_Pinv(p, Double(degreesOfFreedom))
}
