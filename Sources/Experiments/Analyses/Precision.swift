import SimStats

/// The replication algorithm of Hoad, Robinson and Davies (2010, JORS 61:1632-1644): add
/// replications until the relative half-width of every headline metric's 95% interval is at
/// most the target, and stays so for a look-ahead of kLimit more replications
/// (kLimit = 5 up to 100 replications, then 5·n/100).
public struct PrecisionRule: Sendable {
  public var target: Double
  public var maximum: Int
  public var headline: [String]
  public let minimum = 3

  public init(target: Double, maximum: Int, headline: [String]) {
    self.target = target
    self.maximum = maximum
    self.headline = headline
  }

  static func lookAhead(_ n: Int) -> Int { n <= 100 ? 5 : 5 * n / 100 }

  /// Relative half-width of each headline metric over the first `n` replications.
  public func precision(_ runs: [MetricValues], first n: Int) -> [Double] {
    headline.map { name in
      let values = runs.prefix(n).compactMap { $0[name] }.filter { !$0.isNaN }
      guard let e = ReplicationEstimate(values), e.count > 1 else { return .infinity }
      if e.standardDeviation == 0 { return 0 }
      // The interval that will be printed: with a quantile's resolution bound included.
      let metric = runs.first?.metrics.first { $0.name == name }
      return metric.map { e.bounded(by: $0) }?.relativeHalfWidth ?? e.relativeHalfWidth
    }
  }

  /// Given the replications run so far (in index order), the number at which the procedure
  /// stops, or nil if more are needed. The decision at each n depends only on the first n,
  /// so the answer is the same however many ran in parallel.
  public func stoppingPoint(_ runs: [MetricValues]) -> Int? {
    var n = minimum
    while n <= runs.count {
      if precision(runs, first: n).allSatisfy({ $0 <= target }) {
        let horizon = min(n + Self.lookAhead(n), maximum)
        if horizon > runs.count { return nil }
        if (n...horizon).allSatisfy({ m in precision(runs, first: m).allSatisfy { $0 <= target } }) { return horizon }
      }
      if n >= maximum { return maximum }
      n += 1
    }
    return runs.count >= maximum ? maximum : nil
  }
}
