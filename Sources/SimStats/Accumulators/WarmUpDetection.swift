/// MSER-5 warm-up detection (White, Cobb and Spratt 2000; Hoad, Robinson and Davies 2011).
///
/// The output series is cut into batches of 5 and averaged; for each candidate truncation
/// point d (in batches, up to half the series) MSER(d) = Σ_{i>d}(Z̄ᵢ − Z̄(d))² / (k − d)² is
/// computed, and the d that minimises it is the warm-up. Ties go to the smaller d.
public enum WarmUpDetection {
  /// Observations to discard from the start of `series`: a multiple of 5, at most half the
  /// series. Returns 0 for series shorter than 10 observations.
  public static func mser5(_ series: [Double]) -> Int {
    let batch = 5
    let k = series.count / batch
    guard k >= 2 else { return 0 }
    var means: [Double] = []
    means.reserveCapacity(k)
    for b in 0..<k {
      var s = 0.0
      for i in (b * batch)..<((b + 1) * batch) { s += series[i] }
      means.append(s / Double(batch))
    }
    // Suffix sums give every MSER(d) in one pass from the end.
    var best = (d: 0, value: Double.infinity)
    var sum = 0.0
    var sumSquares = 0.0
    var values = [Double](repeating: .infinity, count: k)
    for d in stride(from: k - 1, through: 0, by: -1) {
      sum += means[d]
      sumSquares += means[d] * means[d]
      let n = Double(k - d)
      values[d] = (sumSquares - sum * sum / n) / (n * n)
    }
    for d in 0...(k / 2) where values[d] < best.value { best = (d, values[d]) }
    return best.d * batch
  }
}
