import SimStats

/// How much worse a metric became against its baseline, with the confidence bounds the
/// regression rule needs.
struct Worsening {
  /// Mean worsening (positive is worse) and the baseline's mean.
  let mean: Double
  let baselineMean: Double
  /// The one-sided lower confidence bound of the worsening (at the level asked for), and the
  /// half-width of its two-sided 95% interval (both widened by the quantile sketch's bound
  /// for quantiles).
  let oneSidedLowerBound: Double
  let twoSidedHalfWidth: Double

  /// - Parameters:
  ///   - sign: +1 when lower is better, −1 when higher is better.
  ///   - paired: replication i of both runs shares its draws (same seed and indices).
  ///   - confidence: of the one-sided lower bound (0.95, or higher when several metrics are
  ///     judged together).
  /// - Returns: nil with fewer than two replications observed in both.
  init?(before: [Double], now: [Double], sign: Double, paired: Bool, resolution: Double, confidence: Double) {
    let b = before.filter { !$0.isNaN }
    let a = now.filter { !$0.isNaN }
    guard let eb = ReplicationEstimate(b), let ea = ReplicationEstimate(a), eb.count > 1, ea.count > 1 else { return nil }
    let bound = resolution * (abs(eb.mean) + abs(ea.mean))
    let se: Double
    let df: Int
    if paired {
      let d = zip(before, now).filter { !$0.0.isNaN && !$0.1.isNaN }.map { $0.1 - $0.0 }
      guard let ed = ReplicationEstimate(d), ed.count > 1 else { return nil }
      se = ed.standardError
      df = ed.count - 1
      mean = sign * ed.mean
    } else {
      // Welch: standard error of a difference of independent means, Welch-Satterthwaite df.
      let (va, vb) = (ea.standardError * ea.standardError, eb.standardError * eb.standardError)
      se = (va + vb).squareRoot()
      let dfExact = (va + vb) * (va + vb) / (va * va / Double(ea.count - 1) + vb * vb / Double(eb.count - 1))
      df = dfExact.isFinite ? max(1, Int(dfExact.rounded(.down))) : ea.count + eb.count - 2
      mean = sign * (ea.mean - eb.mean)
    }
    baselineMean = eb.mean
    oneSidedLowerBound = mean - studentTQuantile(confidence, degreesOfFreedom: df) * se - bound
    twoSidedHalfWidth = studentTQuantile(0.975, degreesOfFreedom: df) * se + bound
  }
}
