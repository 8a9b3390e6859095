import SimRandom
import SimStats
import Testing

/// Every family, with parameters in minutes.
let distributionCases: [(String, Distribution)] = [
  ("constant", try! .constant(7)),
  ("exponential", try! .exponential(mean: 12)),
  ("exponential by rate", try! .exponential(rate: 0.25)),
  ("erlang", try! .erlang(phases: 3, mean: 30)),
  ("gamma shape-scale", try! .gamma(shape: 0.7, scale: 10)),
  ("gamma mean-sd", try! .gamma(mean: 20, sd: 5)),
  ("lognormal", try! .lognormal(mean: 12, sd: 6)),
  ("normal truncated far", try! .truncatedNormal(mean: 30, sd: 5)),
  ("normal truncated near", try! .truncatedNormal(mean: 2, sd: 5)),
  ("uniform", try! .uniform(min: 2, max: 8)),
  ("triangular", try! .triangular(min: 5, mode: 10, max: 30)),
  ("weibull", try! .weibull(shape: 1.5, scale: 20)),
  ("discrete", try! .discrete(values: [5, 10, 20], probabilities: [0.5, 0.3, 0.2])),
  ("empirical", try! .continuous(points: [0, 10, 30, 60], cumulative: [0, 0.4, 0.9, 1])),
]

@Suite("Distributions")
struct DistributionTests {
  @Test("sample mean and variance match the analytic moments", arguments: distributionCases)
  func sampleMoments(name: String, d: Distribution) {
    let stream = RandomStream(seed: 2024)
    let n = 200_000
    var tally = Tally()
    for _ in 0..<n { tally.record(d.sample(using: stream)) }
    let se = (d.variance / Double(n)).squareRoot()
    if d.variance == 0 {
      #expect(tally.mean == d.mean, "\(name)")
      return
    }
    #expect(abs(tally.mean! - d.mean) <= 4 * se, "\(name): mean \(tally.mean!) vs \(d.mean), SE \(se)")
    // The sample variance of 200,000 draws is within a few percent for these tails.
    #expect(abs(tally.variance! / d.variance - 1) < 0.05, "\(name): variance \(tally.variance!) vs \(d.variance)")
    #expect(tally.minimum >= 0, "\(name): negative draw")
  }

  @Test("Kolmogorov-Smirnov statistic is small at a fixed seed", arguments: distributionCases.filter {
    !["constant", "discrete"].contains($0.0)
  })
  func kolmogorovSmirnov(name: String, d: Distribution) {
    let stream = RandomStream(seed: 77)
    let n = 20_000
    let sample = (0..<n).map { _ in d.sample(using: stream) }.sorted()
    var dMax = 0.0
    for (i, x) in sample.enumerated() {
      let f = d.cdf(x)
      dMax = max(dMax, abs(f - Double(i) / Double(n)), abs(Double(i + 1) / Double(n) - f))
    }
    // 1.63/√n is the 1% critical value of the KS statistic.
    #expect(dMax < 1.63 / Double(n).squareRoot(), "\(name): D = \(dMax)")
  }

  @Test("invalid parameters are rejected with a message")
  func invalidParameters() {
    let attempts: [(String, () throws(DistributionError) -> Distribution)] = [
      ("negative mean", { () throws(DistributionError) in try .exponential(mean: -3) }),
      ("zero rate", { () throws(DistributionError) in try .exponential(rate: 0) }),
      ("NaN mean", { () throws(DistributionError) in try .lognormal(mean: .nan, sd: 1) }),
      ("zero sd", { () throws(DistributionError) in try .lognormal(mean: 1, sd: 0) }),
      ("zero phases", { () throws(DistributionError) in try .erlang(phases: 0, mean: 1) }),
      ("max below min", { () throws(DistributionError) in try .uniform(min: 5, max: 2) }),
      ("mode outside", { () throws(DistributionError) in try .triangular(min: 1, mode: 9, max: 5) }),
      ("no mass above 0", { () throws(DistributionError) in try .truncatedNormal(mean: -100, sd: 1) }),
      ("probabilities mismatch", { () throws(DistributionError) in try .discrete(values: [1, 2], probabilities: [1]) }),
      ("all-zero weights", { () throws(DistributionError) in try .discrete(values: [1], probabilities: [0]) }),
      ("decreasing points", { () throws(DistributionError) in try .continuous(points: [0, 5, 3], cumulative: [0, 0.5, 1]) }),
      ("cdf not from 0", { () throws(DistributionError) in try .continuous(points: [0, 5], cumulative: [0.2, 1]) }),
      ("negative weibull", { () throws(DistributionError) in try .weibull(shape: -1, scale: 3) }),
    ]
    for (label, attempt) in attempts {
      #expect(throws: DistributionError.self, "\(label)") { try attempt() }
    }
  }
}
