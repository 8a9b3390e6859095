/// Streaming mean, variance, minimum and maximum of observations (Welford, 1962).
///
/// Numerically stable in one pass and O(1) memory. ``merge(_:)`` combines two tallies with
/// Chan, Golub and LeVeque's pairwise update; apply merges in a fixed order (replication
/// index) so results reproduce bit for bit.
@frozen
public struct Tally: Sendable, Equatable {
  /// Number of observations.
  public private(set) var count = 0
  @usableFromInline var runningMean = 0.0
  @usableFromInline var m2 = 0.0
  /// Smallest observation (+∞ when empty).
  public private(set) var minimum = Double.infinity
  /// Largest observation (−∞ when empty).
  public private(set) var maximum = -Double.infinity

  /// An empty tally.
  public init() {}

  /// Adds one observation.
  /// - Complexity: O(1).
  public mutating func record(_ x: Double) {
    count += 1
    let delta = x - runningMean
    runningMean += delta / Double(count)
    m2 += delta * (x - runningMean)
    if x < minimum { minimum = x }
    if x > maximum { maximum = x }
  }

  /// The sample mean, or `nil` when empty.
  public var mean: Double? { count > 0 ? runningMean : nil }

  /// The unbiased sample variance, or `nil` with fewer than two observations.
  public var variance: Double? { count > 1 ? m2 / Double(count - 1) : nil }

  /// The sample standard deviation, or `nil` with fewer than two observations.
  public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

  /// Folds `other` into this tally as if its observations had been recorded here.
  public mutating func merge(_ other: Tally) {
    guard other.count > 0 else { return }
    guard count > 0 else { self = other; return }
    let n = Double(count + other.count)
    let delta = other.runningMean - runningMean
    runningMean += delta * Double(other.count) / n
    m2 += other.m2 + delta * delta * Double(count) * Double(other.count) / n
    count += other.count
    minimum = Swift.min(minimum, other.minimum)
    maximum = Swift.max(maximum, other.maximum)
  }
}
