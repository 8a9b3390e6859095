import CGSL

/// A probability distribution of a non-negative quantity (usually a duration in minutes),
/// sampled through GSL.
///
/// Every factory validates its parameters, because GSL's variate functions do not (a
/// negative mean gives negative "exponentials"). Every distribution knows its analytic
/// ``mean`` and ``variance``, which the tests compare with sample moments and the theory
/// module uses for M/G/1.
public struct Distribution: Sendable, Equatable {
  /// The family of a distribution. Parameters live in three plain fields so that sampling
  /// copies no reference-counted payload; only table distributions carry a ``Table``.
  @usableFromInline
  enum Family: UInt8, Sendable {
    case constant, exponential, gamma, lognormal, truncatedNormal, uniform, triangular, weibull
    case discrete, continuous
  }

  /// Values and cumulative probabilities of an empirical distribution.
  @usableFromInline
  final class Table: Sendable, Equatable {
    @usableFromInline let values: [Double]
    @usableFromInline let cumulative: [Double]
    init(values: [Double], cumulative: [Double]) {
      self.values = values
      self.cumulative = cumulative
    }
    @usableFromInline static func == (a: Table, b: Table) -> Bool {
      a.values == b.values && a.cumulative == b.cumulative
    }
  }

  @usableFromInline let family: Family
  // Meaning by family: constant (value), exponential (mean), gamma (shape, scale),
  // lognormal (mu, sigma), truncatedNormal (mu, sigma, P(X > 0)), uniform (min, max),
  // triangular (min, mode, max), weibull (shape, scale).
  @usableFromInline let p1: Double
  @usableFromInline let p2: Double
  @usableFromInline let p3: Double
  @usableFromInline let table: Table?
  /// A short name of the family, for reports ("exponential", "lognormal", …).
  public var name: String {
    switch family {
    case .truncatedNormal: return "normal"
    case .continuous: return "empirical"
    default: return "\(family)"
    }
  }

  init(_ family: Family, _ p1: Double, _ p2: Double = 0, _ p3: Double = 0, table: Table? = nil) {
    self.family = family
    self.p1 = p1
    self.p2 = p2
    self.p3 = p3
    self.table = table
  }

  /// This distribution as plain data when it has no table (every family but `discrete` and
  /// `empirical`): hot paths keep it in arrays and sample it without reference counting.
  @inlinable
  public var parametric: ParametricLaw? {
    table == nil ? ParametricLaw(family: family, p1: p1, p2: p2, p3: p3) : nil
  }

  /// Draws one value.
  @inlinable
  public func sample(using stream: RandomStream) -> Double {
    // No closure here: capturing `self` would copy the distribution (and retain its table)
    // on every draw. Truncated normal uses inversion: exact for any truncation point.
    let r = stream.rng
    switch family {
    case .constant, .exponential, .gamma, .lognormal, .truncatedNormal, .uniform, .triangular, .weibull:
      return ParametricLaw(family: family, p1: p1, p2: p2, p3: p3).sample(using: stream)
    case .discrete:
      let t = table!
      return t.values[Self.firstIndex(in: t.cumulative, above: gsl_rng_uniform(r))]
    case .continuous:
      let t = table!
      return Self.interpolate(t.values, t.cumulative, gsl_rng_uniform(r))
    }
  }

  @usableFromInline
  static func triangular(_ u: Double, _ a: Double, _ c: Double, _ b: Double) -> Double {
    let split = (c - a) / (b - a)
    if u < split { return a + (u * (b - a) * (c - a)).squareRoot() }
    return b - ((1 - u) * (b - a) * (b - c)).squareRoot()
  }

  /// Index of the first cumulative probability strictly above `u` (binary search).
  @usableFromInline
  static func firstIndex(in cumulative: [Double], above u: Double) -> Int {
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  @usableFromInline
  static func interpolate(_ x: [Double], _ f: [Double], _ u: Double) -> Double {
    let i = Swift.max(1, firstIndex(in: f, above: u))
    let width = f[i] - f[i - 1]
    guard width > 0 else { return x[i] }
    return x[i - 1] + (x[i] - x[i - 1]) * (u - f[i - 1]) / width
  }
}

/// A parametric distribution as plain data (no references), so copying it is free. Obtained
/// from ``Distribution/parametric``; draws exactly what the distribution would draw.
@frozen
public struct ParametricLaw: Sendable, Equatable {
  @usableFromInline let family: Distribution.Family
  @usableFromInline let p1: Double
  @usableFromInline let p2: Double
  @usableFromInline let p3: Double

  @inlinable init(family: Distribution.Family, p1: Double, p2: Double, p3: Double) {
    self.family = family
    self.p1 = p1
    self.p2 = p2
    self.p3 = p3
  }

  /// Draws one value.
  @inlinable
  public func sample(using stream: RandomStream) -> Double { sample(generator: stream.rng) }

  @inlinable
  func sample(generator r: UnsafeMutablePointer<gsl_rng>) -> Double {
    switch family {
    case .constant: return p1
    case .exponential: return exponentialVariate(r, mean: p1)
    case .gamma: return gsl_ran_gamma(r, p1, p2)
    case .lognormal: return gsl_ran_lognormal(r, p1, p2)
    case .truncatedNormal:
      let u = gsl_rng_uniform_pos(r) * p3
      return Swift.max(0, p1 + p2 * gsl_cdf_ugaussian_Qinv(u))
    case .uniform: return gsl_ran_flat(r, p1, p2)
    case .triangular: return Distribution.triangular(gsl_rng_uniform(r), p1, p2, p3)
    case .weibull: return gsl_ran_weibull(r, p2, p1)
    case .discrete, .continuous: preconditionFailure("table distributions have no parametric form")
    }
  }
}
