/// Where a capacity curve bends and where it first meets a target.
enum CapacityCurve {
  /// The knee of a curve through `points` (x ascending): the point farthest from the straight
  /// line joining the first and last points, after scaling both axes to 0…1 (the "Kneedle"
  /// idea, Satopää et al. 2011). Beyond it, each step buys much less than before. Nil with
  /// fewer than three points, a flat curve, or a knee at an end.
  static func knee(_ points: [(x: Double, y: Double)]) -> Double? {
    let p = points.filter { $0.x.isFinite && $0.y.isFinite }
    guard p.count >= 3, let first = p.first, let last = p.last else { return nil }
    let ys = p.map(\.y)
    guard let lo = ys.min(), let hi = ys.max(), hi > lo, last.x > first.x else { return nil }
    func nx(_ x: Double) -> Double { (x - first.x) / (last.x - first.x) }
    func ny(_ y: Double) -> Double { (y - lo) / (hi - lo) }
    let (x0, y0, x1, y1) = (0.0, ny(first.y), 1.0, ny(last.y))
    let length = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot()
    var best: (distance: Double, x: Double)?
    for q in p.dropFirst().dropLast() {
      let d = abs((y1 - y0) * nx(q.x) - (x1 - x0) * ny(q.y) + x1 * y0 - y1 * x0) / length
      if d > (best?.distance ?? -1) + 1e-12 { best = (d, q.x) }
    }
    guard let best, best.distance > 0.05 else { return nil }
    return best.x
  }

  /// The smallest x whose value meets `comparison limit` as judged: the whole interval
  /// (`lower`/`upper`) on the right side when `judgeOnInterval`, else the mean.
  static func firstMeeting(_ points: [(x: Double, mean: Double, lower: Double?, upper: Double?)], comparison: String,
                           limit: Double, judgeOnInterval: Bool) -> Double? {
    for p in points.sorted(by: { $0.x < $1.x }) {
      let atMost = comparison.hasPrefix("<")
      let judged = judgeOnInterval ? (atMost ? p.upper ?? p.mean : p.lower ?? p.mean) : p.mean
      let met: Bool
      switch comparison {
      case "<=": met = judged <= limit
      case "<": met = judged < limit
      case ">=": met = judged >= limit
      default: met = judged > limit
      }
      if met { return p.x }
    }
    return nil
  }
}
