/// Streaming mean, variance, minimum and maximum of observations (Welford, 1962).
///
/// Numerically stable in one pass and O(1) memory. ``merge(_:)`` combines two tallies with
/// Chan, Golub and LeVeque's pairwise update; apply merges in a fixed order (replication
/// index) so results reproduce bit for bit.
@frozen
public struct Tally: Sendable, Equatable {
  /// Number of observations.
  @inlinable public var count: Int { n }
  @usableFromInline var n = 0
  @usableFromInline var runningMean = 0.0
  @usableFromInline var m2 = 0.0
  /// Smallest observation (+∞ when empty).
  @inlinable public var minimum: Double { low }
  /// Largest observation (−∞ when empty).
  @inlinable public var maximum: Double { high }
  @usableFromInline var low = Double.infinity
  @usableFromInline var high = -Double.infinity

  /// An empty tally.
  @inlinable public init() {}

  /// Adds one observation.
  /// - Complexity: O(1).
  @inlinable @inline(__always)
  public mutating func record(_ x: Double) {
    n += 1
    let delta = x - runningMean
    runningMean += delta / Double(n)
    m2 += delta * (x - runningMean)
    low = x < low ? x : low
    high = x > high ? x : high
  }

  /// The sample mean, or `nil` when empty.
  public var mean: Double? { n > 0 ? runningMean : nil }

  /// The unbiased sample variance, or `nil` with fewer than two observations.
  public var variance: Double? { n > 1 ? m2 / Double(n - 1) : nil }

  /// The sample standard deviation, or `nil` with fewer than two observations.
  public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

  /// Folds `other` into this tally as if its observations had been recorded here.
  public mutating func merge(_ other: Tally) {
    guard other.n > 0 else { return }
    guard n > 0 else { self = other; return }
    let total = Double(n + other.n)
    let delta = other.runningMean - runningMean
    runningMean += delta * Double(other.n) / total
    m2 += other.m2 + delta * delta * Double(n) * Double(other.n) / total
    n += other.n
    low = Swift.min(low, other.low)
    high = Swift.max(high, other.high)
  }
}
