import Foundation

/// A linear map from data values to page coordinates, with "nice" round ticks.
struct LinearScale {
  let domain: ClosedRange<Double>
  /// Page coordinates of the domain's low and high ends (the high end may be smaller: page y
  /// grows downwards).
  let range: (low: Double, high: Double)
  /// Tick values inside the domain.
  let ticks: [Double]
  /// The distance between ticks.
  let step: Double

  /// A scale over `values` (with `include`, e.g. 0 or a target, inside it), widened to round
  /// numbers with about `tickCount` ticks. Empty or non-finite data give the domain 0…1.
  init(covering values: [Double], include: [Double] = [], range: (low: Double, high: Double), tickCount: Int = 5) {
    let finite = (values + include).filter(\.isFinite)
    var lo = finite.min() ?? 0
    var hi = finite.max() ?? 1
    if lo == hi {
      lo -= lo == 0 ? 0 : abs(lo) * 0.1
      hi += hi == 0 ? 1 : abs(hi) * 0.1
    }
    let step = Self.niceStep((hi - lo) / Double(Swift.max(tickCount, 1)))
    lo = (lo / step).rounded(.down) * step
    hi = (hi / step).rounded(.up) * step
    domain = lo...hi
    self.range = range
    self.step = step
    ticks = stride(from: lo, through: hi + step / 2, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
  }

  /// The nearest of 1, 2, 5 × 10^k at or above `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    for m in [1.0, 2, 5, 10] where m * magnitude >= raw * (1 - 1e-12) { return m * magnitude }
    return 10 * magnitude
  }

  func callAsFunction(_ x: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    let t = span > 0 ? (x - domain.lowerBound) / span : 0
    return range.low + t * (range.high - range.low)
  }
}
