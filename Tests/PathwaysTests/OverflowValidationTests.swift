import Pathways
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

/// Two loss pools: arrivals at the first who find it full overflow to the second, which also
/// has its own arrivals; those who find the second full are lost. The chain on (n₁, n₂) is
/// solved exactly here, by Gaussian elimination on its balance equations.
@Suite("Pathways overflow against its Markov chain")
struct OverflowValidationTests {
  let c1 = 3
  let c2 = 2
  let lambda1 = 3.0 / 60
  let lambda2 = 1.0 / 60
  let mu = 1.0 / 60

  /// Stationary probabilities of (n₁, n₂), indexed n₁·(c₂+1) + n₂.
  func stationary() -> [Double] {
    let n = (c1 + 1) * (c2 + 1)
    func index(_ a: Int, _ b: Int) -> Int { a * (c2 + 1) + b }
    var q = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    for a in 0...c1 {
      for b in 0...c2 {
        let i = index(a, b)
        if a < c1 { q[i][index(a + 1, b)] += lambda1 } else if b < c2 { q[i][index(a, b + 1)] += lambda1 }
        if b < c2 { q[i][index(a, b + 1)] += lambda2 }
        if a > 0 { q[i][index(a - 1, b)] += Double(a) * mu }
        if b > 0 { q[i][index(a, b - 1)] += Double(b) * mu }
        q[i][i] = -q[i].reduce(0, +)
      }
    }
    return stationaryDistribution(generator: q)
  }

  @Test("Overflow share, loss at the second pool and busy servers match the exact chain")
  func twoPools() throws {
    let spec = Spec(
      classes: [.init(name: "all")],
      resources: [.init(name: "ward", roster: .constant(c1)), .init(name: "annexe", roster: .constant(c2))],
      stations: [
        station("ward", resource: 0, service: try .exponential(mean: 1 / mu), arrivals: [try poisson(lambda1)],
                capacity: c1, overflow: 1),
        station("annexe", resource: 1, service: try .exponential(mean: 1 / mu), arrivals: [try poisson(lambda2)],
                capacity: c2),
      ])
    let pi = stationary()
    func p(_ a: Int, _ b: Int) -> Double { pi[a * (c2 + 1) + b] }
    let wardFull = (0...c2).reduce(0.0) { $0 + p(c1, $1) }
    let annexeFull = (0...c1).reduce(0.0) { $0 + p($1, c2) }
    let overflowAndFull = p(c1, c2)
    let annexeArrivals = lambda1 * wardFull + lambda2
    let annexeBusy = pi.indices.reduce(0.0) { $0 + Double($1 % (c2 + 1)) * pi[$1] }
    let e = replicatePathways(spec, horizon: .days(4000), warmUp: .days(5))
    expectTheory(e, [("ward.overflowed", wardFull),
                     ("annexe.blocking", (lambda1 * overflowAndFull + lambda2 * annexeFull) / annexeArrivals),
                     ("annexe.busy.mean", annexeBusy),
                     ("class.all.refused", (lambda1 * overflowAndFull + lambda2 * annexeFull) / (lambda1 + lambda2))])
  }
}
