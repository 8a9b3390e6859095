import CGSL

/// Streaming quantiles of non-negative observations with a guaranteed relative error.
///
/// A logarithmic histogram in the manner of DDSketch (Masson, Rim and Lee, VLDB 2019):
/// bucket i holds values in (γ^(i−1), γ^i] with γ = (1 + α)/(1 − α), and a quantile is
/// reported as 2γ^i/(γ + 1). **Error bound:** for observations between 10⁻⁶ and 10⁹, the
/// reported q-quantile is within a relative error α (default 0.5%) of the exact sample
/// quantile (the order statistic of rank ⌈q·n⌉). Zeros (and values below 10⁻⁶) are counted
/// exactly in a zero bucket, which matters for waits: many patients wait exactly 0.
/// Memory is fixed (about 3,500 counters), updates are O(1), and sketches merge exactly.
public struct QuantileSketch: Sendable, Equatable {
  /// The relative accuracy α.
  public let relativeAccuracy: Double
  @usableFromInline let logGamma: Double
  @usableFromInline let minIndex: Int
  @usableFromInline var counts: [UInt64] = []
  @usableFromInline var zeroCount: UInt64 = 0
  /// Number of observations.
  public private(set) var count: UInt64 = 0

  /// Smallest value distinguished from zero.
  public static let smallestPositive = 1e-6
  /// Largest value resolved; larger values fall in the top bucket.
  public static let largest = 1e9

  /// Creates an empty sketch.
  /// - Precondition: 0 < `relativeAccuracy` < 1.
  public init(relativeAccuracy: Double = 0.005) {
    precondition(relativeAccuracy > 0 && relativeAccuracy < 1, "accuracy must be in (0, 1)")
    self.relativeAccuracy = relativeAccuracy
    logGamma = log((1 + relativeAccuracy) / (1 - relativeAccuracy))
    minIndex = Int((log(Self.smallestPositive) / logGamma).rounded(.up))
  }

  private var bucketCount: Int {
    Int((log(Self.largest) / logGamma).rounded(.up)) - minIndex + 1
  }

  /// Adds one observation.
  /// - Precondition: `x >= 0`.
  public mutating func record(_ x: Double) {
    precondition(x >= 0, "quantile sketches take non-negative values")
    count += 1
    if x < Self.smallestPositive {
      zeroCount += 1
      return
    }
    if counts.isEmpty { counts = Array(repeating: 0, count: bucketCount) }
    let index = Int((log(x) / logGamma).rounded(.up)) - minIndex
    counts[Swift.min(Swift.max(index, 0), counts.count - 1)] += 1
  }

  /// The q-quantile, or `nil` when empty.
  /// - Precondition: 0 ≤ q ≤ 1.
  public func quantile(_ q: Double) -> Double? {
    precondition(q >= 0 && q <= 1, "quantile level must be in [0, 1]")
    guard count > 0 else { return nil }
    let rank = Swift.max(UInt64((q * Double(count)).rounded(.up)), 1)
    if rank <= zeroCount { return 0 }
    var seen = zeroCount
    for (i, c) in counts.enumerated() where c > 0 {
      seen += c
      if seen >= rank {
        let gamma = exp(logGamma)
        return 2 * exp(Double(i + minIndex) * logGamma) / (gamma + 1)
      }
    }
    return nil
  }

  /// Share of observations that are zero (below ``smallestPositive``).
  public var zeroFraction: Double { count > 0 ? Double(zeroCount) / Double(count) : 0 }

  /// Adds the observations of `other`.
  /// - Precondition: both sketches have the same accuracy.
  public mutating func merge(_ other: QuantileSketch) {
    precondition(other.relativeAccuracy == relativeAccuracy, "merging sketches of different accuracy")
    count += other.count
    zeroCount += other.zeroCount
    guard !other.counts.isEmpty else { return }
    if counts.isEmpty { counts = other.counts; return }
    for i in counts.indices { counts[i] += other.counts[i] }
  }

  /// Forgets all observations.
  public mutating func reset() {
    count = 0
    zeroCount = 0
    for i in counts.indices { counts[i] = 0 }
  }
}
