import SimRandom
import SimStats
import Testing
import Foundation

@Suite("Accumulators")
struct AccumulatorTests {
  @Test("Welford tally matches a two-pass computation, and merging equals recording", arguments: 0..<8)
  func tallyMatchesTwoPass(seed: Int) {
    let stream = RandomStream(seed: UInt64(seed))
    let xs = (0..<1000).map { _ in 1e6 + stream.uniform() * 10 }  // large offset: naive sums lose digits
    var whole = Tally()
    var left = Tally()
    var right = Tally()
    for (i, x) in xs.enumerated() {
      whole.record(x)
      if i < 300 { left.record(x) } else { right.record(x) }
    }
    let mean = xs.reduce(0, +) / Double(xs.count)
    let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
    #expect(abs(whole.mean! - mean) < 1e-13 * mean, "seed \(seed)")
    #expect(abs(whole.variance! / variance - 1) < 1e-9, "seed \(seed)")
    left.merge(right)
    #expect(left.count == whole.count)
    #expect(abs(left.mean! - whole.mean!) < 1e-13 * mean && abs(left.variance! / whole.variance! - 1) < 1e-9)
    #expect(left.minimum == xs.min()! && left.maximum == xs.max()!)
  }

  @Test("an empty tally has no mean and one observation no variance")
  func emptyTally() {
    var t = Tally()
    #expect(t.mean == nil && t.variance == nil)
    t.record(4)
    #expect(t.mean == 4 && t.variance == nil)
  }

  @Test("time-weighted average follows a hand-checked trace")
  func timeWeightedTrace() {
    // Level 0 for 2 min, 3 for 3 min, 1 for 5 min: mean (0·2 + 3·3 + 1·5)/10 = 1.4.
    var tw = TimeWeighted(level: 0, atMinutes: 0)
    tw.update(to: 3, atMinutes: 2)
    tw.update(to: 1, atMinutes: 5)
    tw.close(atMinutes: 10)
    #expect(abs(tw.mean! - 1.4) < 1e-12)
    #expect(tw.levelDistribution == [0.2, 0.5, 0, 0.3])
    #expect(abs(tw.variance! - (0.2 * 1.96 + 0.5 * 0.16 + 0.3 * 2.56)) < 1e-12)
    #expect(abs(tw.fractionOfTime(atLeast: 1) - 0.8) < 1e-12)
    #expect(tw.maximumLevel == 3)
  }

  @Test("reset keeps the current level and forgets the past")
  func timeWeightedReset() {
    var tw = TimeWeighted(level: 5, atMinutes: 0)
    tw.update(to: 2, atMinutes: 10)
    tw.reset(atMinutes: 20)
    tw.close(atMinutes: 30)
    #expect(tw.mean == 2)
    #expect(tw.duration == 10)
  }

  @Test("sketch quantiles are within the documented relative error of exact quantiles", arguments: 0..<6)
  func sketchErrorBound(seed: Int) throws {
    let stream = RandomStream(seed: UInt64(seed))
    let law = try Distribution.lognormal(mean: 30, sd: 60)
    var sketch = QuantileSketch()
    var xs: [Double] = []
    for i in 0..<50_000 {
      let x = i % 4 == 0 ? 0 : law.sample(using: stream)  // a quarter exact zeros, like waits
      xs.append(x)
      sketch.record(x)
    }
    xs.sort()
    for q in [0.1, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999] {
      let exact = xs[max(Int((q * Double(xs.count)).rounded(.up)) - 1, 0)]
      let estimate = sketch.quantile(q)!
      if exact == 0 {
        #expect(estimate == 0, "seed \(seed), q \(q)")
      } else {
        #expect(abs(estimate - exact) <= sketch.relativeAccuracy * exact * (1 + 1e-9),
                "seed \(seed), q \(q): \(estimate) vs \(exact)")
      }
    }
    var merged = QuantileSketch()
    merged.merge(sketch)
    #expect(merged.quantile(0.9) == sketch.quantile(0.9))
    #expect(abs(sketch.zeroFraction - 0.25) < 1e-12)
  }
}

@Suite("Warm-up detection")
struct WarmUpDetectionTests {
  @Test("a metric's resolution widens its interval; files without it read as exact")
  func metricResolution() throws {
    let e = ReplicationEstimate([10, 12, 14])!
    let q = e.bounded(by: .quantile("wait.p90", unit: "min", better: .lowerIsBetter))
    #expect(q.mean == e.mean && q.standardDeviation == e.standardDeviation)
    #expect(abs(q.halfWidth - (e.halfWidth + 12.0 / 256)) < 1e-12)
    #expect(e.bounded(by: Metric("wait.mean", unit: "min", better: .lowerIsBetter)).halfWidth == e.halfWidth)
    let old = try JSONDecoder().decode(Metric.self, from: Data(#"{"name":"wait.p90","unit":"min"}"#.utf8))
    #expect(old.resolution == 0 && old.direction == .neither)
    let again = try JSONDecoder().decode(
      Metric.self, from: JSONEncoder().encode(Metric.quantile("x", unit: "h", better: .higherIsBetter)))
    #expect(again.resolution == QuantileSketch.relativeError && again.direction == .higherIsBetter)
  }

  @Test("MSER-5 cuts an initial transient and keeps a stationary series whole", arguments: 0..<4)
  func mser5(seed: Int) {
    let stream = RandomStream(seed: UInt64(seed))
    // 100 observations decaying from 50 towards 10, then 900 stationary around 10.
    var series: [Double] = (0..<100).map { 10 + 40 * exp(-Double($0) / 25) + stream.uniform() }
    series += (0..<900).map { _ in 10 + stream.uniform() }
    let cut = WarmUpDetection.mser5(series)
    #expect(cut % 5 == 0)
    #expect(cut >= 60 && cut <= 250, "seed \(seed): cut \(cut)")
    let flat = (0..<1000).map { _ in 10 + stream.uniform() }
    #expect(WarmUpDetection.mser5(flat) < 100, "seed \(seed)")
    #expect(WarmUpDetection.mser5([1, 2, 3]) == 0)
  }
}
