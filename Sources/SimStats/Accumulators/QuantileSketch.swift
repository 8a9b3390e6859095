/// Streaming quantiles of non-negative observations with a guaranteed relative error.
///
/// A log-linear histogram in the manner of HdrHistogram (Tene): each power of two is split
/// into 128 equal buckets, and the bucket of a value is read straight from the exponent and
/// the top 7 mantissa bits of its IEEE-754 representation (no logarithm per observation). A
/// quantile is reported as its bucket's midpoint.
///
/// **Error bound:** for observations between 2⁻²⁰ (about 10⁻⁶) and 2³¹ (about 2·10⁹), the
/// reported q-quantile is within a relative error of 1/256 (0.39%) of the exact sample
/// quantile, the order statistic of rank ⌈q·n⌉. Zeros and values below 2⁻²⁰ are counted
/// exactly in a zero bucket, which matters for waits: many patients wait exactly 0. Larger
/// values fall in the top bucket. Memory is fixed (6,528 counters, allocated on first use),
/// updates are O(1), and sketches merge exactly.
public struct QuantileSketch: Sendable, Equatable {
  @usableFromInline static let subBucketBits = 7
  @usableFromInline static let minExponent = -20
  @usableFromInline static let maxExponent = 30
  @usableFromInline static var bucketCount: Int { (maxExponent - minExponent + 1) << subBucketBits }

  @usableFromInline var counts: [UInt32] = []
  @usableFromInline var zeroCount: UInt64 = 0
  /// Number of observations.
  @inlinable public var count: UInt64 { total }
  @usableFromInline var total: UInt64 = 0

  /// The guaranteed relative accuracy, 1/256.
  public var relativeAccuracy: Double { Self.relativeError }
  /// The guaranteed relative accuracy of every sketch, 1/256.
  public static var relativeError: Double { 1.0 / Double(1 << (subBucketBits + 1)) }
  /// Smallest value distinguished from zero (2⁻²⁰).
  public static let smallestPositive = 0x1p-20

  /// Creates an empty sketch.
  @inlinable public init() {}

  /// Adds one observation.
  /// - Precondition: `x >= 0`.
  /// - Complexity: O(1).
  @inlinable
  public mutating func record(_ x: Double) {
    precondition(x >= 0, "quantile sketches take non-negative values")
    total += 1
    if x < Self.smallestPositive {
      zeroCount += 1
      return
    }
    if counts.isEmpty { allocate() }
    counts[Self.bucket(of: x)] &+= 1
  }

  @usableFromInline
  mutating func allocate() {
    counts = Array(repeating: 0, count: Self.bucketCount)
  }

  @usableFromInline
  static func bucket(of x: Double) -> Int {
    let bits = x.bitPattern
    let exponent = Int((bits >> 52) & 0x7ff) - 1023
    if exponent > maxExponent { return bucketCount - 1 }
    let sub = Int((bits >> UInt64(52 - subBucketBits)) & UInt64((1 << subBucketBits) - 1))
    return ((exponent - minExponent) << subBucketBits) | sub
  }

  /// The midpoint of bucket `i`.
  static func representative(of i: Int) -> Double {
    let exponent = (i >> subBucketBits) + minExponent
    let sub = Double(i & ((1 << subBucketBits) - 1))
    let scale = Double(1 << subBucketBits)
    var power = 1.0
    if exponent >= 0 { for _ in 0..<exponent { power *= 2 } } else { for _ in 0..<(-exponent) { power /= 2 } }
    return power * (1 + (sub + 0.5) / scale)
  }

  /// The q-quantile, or `nil` when empty.
  /// - Precondition: 0 ≤ q ≤ 1.
  public func quantile(_ q: Double) -> Double? {
    precondition(q >= 0 && q <= 1, "quantile level must be in [0, 1]")
    guard total > 0 else { return nil }
    let rank = Swift.max(UInt64((q * Double(total)).rounded(.up)), 1)
    if rank <= zeroCount { return 0 }
    var seen = zeroCount
    for (i, c) in counts.enumerated() where c > 0 {
      seen += UInt64(c)
      if seen >= rank { return Self.representative(of: i) }
    }
    return nil
  }

  /// Share of observations that are zero (below ``smallestPositive``).
  public var zeroFraction: Double { total > 0 ? Double(zeroCount) / Double(total) : 0 }

  /// Adds the observations of `other`.
  public mutating func merge(_ other: QuantileSketch) {
    total += other.total
    zeroCount += other.zeroCount
    guard !other.counts.isEmpty else { return }
    if counts.isEmpty { counts = other.counts; return }
    for i in counts.indices { counts[i] &+= other.counts[i] }
  }

  /// Forgets all observations (keeping the allocated buckets).
  public mutating func reset() {
    total = 0
    zeroCount = 0
    for i in counts.indices { counts[i] = 0 }
  }
}
