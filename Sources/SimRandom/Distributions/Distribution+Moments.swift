import CGSL

extension Distribution {
  /// The analytic mean.
  public var mean: Double {
    switch family {
    case .constant, .exponential: return p1
    case .gamma: return p1 * p2
    case .lognormal: return exp(p1 + p2 * p2 / 2)
    case .truncatedNormal: return p1 + p2 * Self.truncation(p1, p2).1
    case .uniform: return (p1 + p2) / 2
    case .triangular: return (p1 + p2 + p3) / 3
    case .weibull: return p2 * gsl_sf_gamma(1 + 1 / p1)
    case .discrete:
      let t = table!
      return zip(t.values, Self.masses(t.cumulative)).reduce(0) { $0 + $1.0 * $1.1 }
    case .continuous:
      let (x, f) = (table!.values, table!.cumulative)
      var total = 0.0
      for i in 1..<x.count { total += (f[i] - f[i - 1]) * (x[i] + x[i - 1]) / 2 }
      return total
    }
  }

  /// The analytic variance.
  public var variance: Double {
    switch family {
    case .constant: return 0
    case .exponential: return p1 * p1
    case .gamma: return p1 * p2 * p2
    case .lognormal: return (exp(p2 * p2) - 1) * exp(2 * p1 + p2 * p2)
    case .truncatedNormal:
      let (alpha, lambda) = Self.truncation(p1, p2)
      return p2 * p2 * (1 + alpha * lambda - lambda * lambda)
    case .uniform: return (p2 - p1) * (p2 - p1) / 12
    case .triangular:
      let (a, c, b) = (p1, p2, p3)
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .weibull:
      let g1 = gsl_sf_gamma(1 + 1 / p1)
      return p2 * p2 * (gsl_sf_gamma(1 + 2 / p1) - g1 * g1)
    case .discrete:
      let (t, m) = (table!, mean)
      return zip(t.values, Self.masses(t.cumulative)).reduce(0) {
        $0 + ($1.0 - m) * ($1.0 - m) * $1.1
      }
    case .continuous:
      let (x, f) = (table!.values, table!.cumulative)
      var second = 0.0
      for i in 1..<x.count {
        let (a, b) = (x[i - 1], x[i])
        second += (f[i] - f[i - 1]) * (a * a + a * b + b * b) / 3
      }
      return second - mean * mean
    }
  }

  /// Squared coefficient of variation, variance / mean².
  public var squaredCoefficientOfVariation: Double { variance / (mean * mean) }

  /// Whether this is an exponential distribution (for choosing a queueing formula).
  public var isExponential: Bool {
    family == .exponential
  }

  /// α = −μ/σ and the inverse Mills ratio λ = φ(α) / (1 − Φ(α)) of a normal truncated at 0.
  private static func truncation(_ mu: Double, _ sigma: Double) -> (Double, Double) {
    let alpha = -mu / sigma
    return (alpha, gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha))
  }

  private static func masses(_ cumulative: [Double]) -> [Double] {
    cumulative.indices.map { $0 == 0 ? cumulative[0] : cumulative[$0] - cumulative[$0 - 1] }
  }
}

extension Distribution {
  /// P(X ≤ x), for goodness-of-fit tests.
  package func cdf(_ x: Double) -> Double {
    if x < 0 { return 0 }
    switch family {
    case .constant: return x >= p1 ? 1 : 0
    case .exponential: return gsl_cdf_exponential_P(x, p1)
    case .gamma: return gsl_cdf_gamma_P(x, p1, p2)
    case .lognormal: return gsl_cdf_lognormal_P(x, p1, p2)
    case .truncatedNormal:
      let below = gsl_cdf_ugaussian_P(-p1 / p2)
      return (gsl_cdf_ugaussian_P((x - p1) / p2) - below) / p3
    case .uniform: return gsl_cdf_flat_P(x, p1, p2)
    case .triangular:
      let (a, c, b) = (p1, p2, p3)
      if x <= a { return 0 }
      if x >= b { return 1 }
      return x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    case .weibull: return gsl_cdf_weibull_P(x, p2, p1)
    case .discrete:
      let t = table!
      var total = 0.0
      for (v, m) in zip(t.values, Self.masses(t.cumulative)) where v <= x { total += m }
      return total
    case .continuous:
      let (v, f) = (table!.values, table!.cumulative)
      if x <= v[0] { return 0 }
      for i in 1..<v.count where x <= v[i] {
        return f[i - 1] + (f[i] - f[i - 1]) * (x - v[i - 1]) / (v[i] - v[i - 1])
      }
      return 1
    }
  }
}
