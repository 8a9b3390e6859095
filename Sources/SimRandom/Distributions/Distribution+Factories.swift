import CGSL

/// A distribution's parameters were invalid.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, e.g. "mean must be positive (got -3)".
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension Distribution {
  private static func requirePositive(_ value: Double, _ name: String) throws(DistributionError) {
    guard value.isFinite, value > 0 else {
      throw DistributionError("\(name) must be positive and finite (got \(plain(value)))")
    }
  }

  private static func requireNonNegative(_ value: Double, _ name: String)
    throws(DistributionError)
  {
    guard value.isFinite, value >= 0 else {
      throw DistributionError("\(name) must be zero or positive and finite (got \(plain(value)))")
    }
  }

  /// Always `value`.
  public static func constant(_ value: Double) throws(DistributionError) -> Distribution {
    try requireNonNegative(value, "value")
    return Distribution(.constant, value)
  }

  /// Exponential with the given mean.
  public static func exponential(mean: Double) throws(DistributionError) -> Distribution {
    try requirePositive(mean, "mean")
    return Distribution(.exponential, mean)
  }

  /// Exponential with the given rate (events per time unit).
  public static func exponential(rate: Double) throws(DistributionError) -> Distribution {
    try requirePositive(rate, "rate")
    return Distribution(.exponential, 1 / rate)
  }

  /// Erlang: the sum of `phases` exponentials, with total mean `mean`.
  public static func erlang(phases: Int, mean: Double) throws(DistributionError) -> Distribution {
    guard phases >= 1 else { throw DistributionError("phases must be at least 1 (got \(phases))") }
    try requirePositive(mean, "mean")
    return Distribution(.gamma, Double(phases), mean / Double(phases))
  }

  /// Gamma with shape k and scale θ (mean kθ, variance kθ²).
  public static func gamma(shape: Double, scale: Double) throws(DistributionError) -> Distribution {
    try requirePositive(shape, "shape")
    try requirePositive(scale, "scale")
    return Distribution(.gamma, shape, scale)
  }

  /// Gamma with shape k and the given mean (scale = mean / k).
  public static func gamma(shape: Double, mean: Double) throws(DistributionError) -> Distribution {
    try requirePositive(mean, "mean")
    return try gamma(shape: shape, scale: mean / shape)
  }

  /// Gamma with the given mean and standard deviation (shape = (mean/sd)², scale = sd²/mean).
  public static func gamma(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
    try requirePositive(mean, "mean")
    try requirePositive(sd, "sd")
    return try gamma(shape: (mean / sd) * (mean / sd), scale: sd * sd / mean)
  }

  /// Lognormal given the mean and standard deviation of the variate itself (not of its log):
  /// σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
  public static func lognormal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
    try requirePositive(mean, "mean")
    try requirePositive(sd, "sd")
    let sigma2 = log1p((sd * sd) / (mean * mean))
    return Distribution(.lognormal, log(mean) - sigma2 / 2, sigma2.squareRoot())
  }

  /// Normal with parameters `mean` and `sd` (of the untruncated normal), truncated to
  /// values ≥ 0 by conditioning (not by clamping).
  public static func truncatedNormal(mean: Double, sd: Double) throws(DistributionError)
    -> Distribution
  {
    guard mean.isFinite else { throw DistributionError("mean must be finite (got \(plain(mean)))") }
    try requirePositive(sd, "sd")
    let tail = gsl_cdf_ugaussian_Q(-mean / sd)
    guard tail > 1e-12 else {
      throw DistributionError(
        "mean \(plain(mean)) is too far below zero for sd \(sd): almost no mass is left above 0")
    }
    return Distribution(.truncatedNormal, mean, sd, tail)
  }

  /// Uniform on [min, max].
  public static func uniform(min: Double, max: Double) throws(DistributionError) -> Distribution {
    try requireNonNegative(min, "min")
    try requireNonNegative(max, "max")
    guard max > min else { throw DistributionError("max must exceed min (got \(plain(min))...\(plain(max)))") }
    return Distribution(.uniform, min, max)
  }

  /// Triangular on [min, max] with the given mode.
  public static func triangular(min: Double, mode: Double, max: Double) throws(DistributionError)
    -> Distribution
  {
    try requireNonNegative(min, "min")
    guard max > min, mode >= min, mode <= max, max.isFinite else {
      throw DistributionError("need min ≤ mode ≤ max and min < max (got \(plain(min)), \(plain(mode)), \(plain(max)))")
    }
    return Distribution(.triangular, min, mode, max)
  }

  /// Weibull with shape k and scale λ: P(X > x) = exp(−(x/λ)^k).
  public static func weibull(shape: Double, scale: Double) throws(DistributionError) -> Distribution {
    try requirePositive(shape, "shape")
    try requirePositive(scale, "scale")
    return Distribution(.weibull, shape, scale)
  }

  /// Discrete table: `values[i]` with probability `probabilities[i]` (normalised to sum 1).
  public static func discrete(values: [Double], probabilities: [Double]) throws(DistributionError)
    -> Distribution
  {
    guard !values.isEmpty, values.count == probabilities.count else {
      throw DistributionError("need as many probabilities as values, and at least one")
    }
    for v in values { try requireNonNegative(v, "value") }
    let cumulative = try normalisedCumulative(probabilities)
    return Distribution(.discrete, 0, table: Table(values: values, cumulative: cumulative))
  }

  /// Continuous table: a piecewise-linear CDF through (`points[i]`, `cumulative[i]`), with
  /// `cumulative` rising from 0 to 1 (normalised by its last value).
  public static func continuous(points: [Double], cumulative: [Double]) throws(DistributionError)
    -> Distribution
  {
    guard points.count >= 2, points.count == cumulative.count else {
      throw DistributionError("need at least two points and one cumulative probability each")
    }
    for v in points { try requireNonNegative(v, "point") }
    for i in 1..<points.count where !(points[i] > points[i - 1]) {
      throw DistributionError("points must increase (\(points[i - 1]) then \(points[i]))")
    }
    for i in 1..<cumulative.count where cumulative[i] < cumulative[i - 1] {
      throw DistributionError("cumulative probabilities must not decrease")
    }
    guard cumulative[0] == 0, let last = cumulative.last, last > 0, last.isFinite else {
      throw DistributionError("cumulative probabilities must start at 0 and end above 0")
    }
    return Distribution(
      .continuous, 0, table: Table(values: points, cumulative: cumulative.map { $0 / last }))
  }

  private static func normalisedCumulative(_ weights: [Double]) throws(DistributionError)
    -> [Double]
  {
    var total = 0.0
    for w in weights {
      guard w.isFinite, w >= 0 else { throw DistributionError("probabilities must be ≥ 0 (got \(plain(w)))") }
      total += w
    }
    guard total > 0 else { throw DistributionError("probabilities must not all be zero") }
    var running = 0.0
    var cumulative = weights.map { w -> Double in
      running += w
      return running / total
    }
    cumulative[cumulative.count - 1] = 1
    return cumulative
  }
}

/// A number for a message: whole numbers without ".0".
func plain(_ x: Double) -> String {
  x.isFinite && x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
}
