import ScenarioIO
import SimStats

/// Fits unknown inputs so that simulated figures match observed ones, by history matching on
/// a grid (Craig et al. 1997; Vernon et al. 2010 for epidemic models), docs/calibration.md.
///
/// Every grid point runs the same replications (common random numbers). For each point x and
/// target `VALUE ± TOL`, the implausibility is |m(x) − VALUE| / √(TOL² + se(x)²), where m is
/// the simulated mean and se its standard error: TOL is the standard uncertainty of the
/// observed figure and of the model's own discrepancy. A point is plausible when its largest
/// implausibility is at most 3 (Pukelsheim's three-sigma rule). The fit is the point with
/// the smallest sum of squared implausibilities, refined along each parameter between its
/// neighbours with the targets' means interpolated linearly; the uncertainty of each fitted input is the range
/// of its plausible values, interpolated along each line of the grid to where the
/// implausibility crosses 3. A plausible range as wide as the whole grid says the targets do not identify it.
public struct Calibration: Sendable {
  /// The implausibility beyond which a point is ruled out.
  public static let cutoff = 3.0

  /// The inputs fitted, and the figures they are fitted to.
  public let parameters: [CalibrationParameter]
  public let targets: [CommandLineTargets.Match]
  /// The metric names of a record's values.
  public let metricNames: [String]

  /// A calibration of `parameters` against `targets`.
  public init(parameters: [CalibrationParameter], targets: [CommandLineTargets.Match], metricNames: [String]) {
    self.parameters = parameters
    self.targets = targets
    self.metricNames = metricNames
  }

  /// Every grid point as an index into each parameter's values, first parameter slowest (the
  /// order of ``SweepGrid/points``).
  public var grid: [[Int]] {
    parameters.reduce([[]]) { prefix, p in prefix.flatMap { head in p.values.indices.map { head + [$0] } } }
  }

  /// One grid point's figures.
  public struct Point: Sendable {
    /// Each input's value at this point, in the order of the parameters.
    public let values: [Double]
    /// Per target: the simulated estimate (nil if never observed) and its implausibility.
    public let estimates: [ReplicationEstimate?]
    public let implausibilities: [Double]
    /// The largest implausibility, and the sum of their squares (the fit's criterion).
    public var implausibility: Double { implausibilities.max() ?? .infinity }
    public var distance: Double { implausibilities.reduce(0) { $0 + $1 * $1 } }
    public var plausible: Bool { implausibility <= Calibration.cutoff }
  }

  /// The result: every point, the best, and each input's fitted value and plausible range.
  public struct Fit: Sendable {
    /// Every grid point, first parameter slowest.
    public let points: [Point]
    /// The grid point with the smallest distance.
    public let best: Int
    /// Per parameter: the refined value, and its plausible range (nil when no point is plausible).
    public let fitted: [Double]
    public let ranges: [ClosedRange<Double>?]
    /// Per parameter: false when every value tried is plausible (the targets do not pin it down).
    public let identified: [Bool]
    /// Per parameter: whether the plausible range reaches the lowest or the highest value
    /// tried, so that it may go on beyond the grid (widen the range there).
    public let openBelow: [Bool]
    public let openAbove: [Bool]
  }

  /// Judges every grid point from its replications' values (`samples[point][replication]`).
  public func fit(_ samples: [[[Double]]]) -> Fit {
    let grid = self.grid
    let indices = targets.map { t in metricNames.firstIndex(of: t.metric) }
    let points = grid.indices.map { g -> Point in
      let estimates = indices.map { i in i.flatMap { i in ReplicationEstimate(samples[g].map { $0[i] }.filter { !$0.isNaN }) } }
      let z = zip(targets, estimates).map { t, e -> Double in
        guard let e else { return .infinity }
        let se = e.count > 1 ? e.standardError : 0
        return abs(e.mean - t.value) / (t.tolerance * t.tolerance + se * se).squareRoot()
      }
      return Point(values: zip(parameters, grid[g]).map { $0.values[$1] }, estimates: estimates, implausibilities: z)
    }
    let best = points.indices.min { points[$0].distance < points[$1].distance } ?? 0
    var fitted: [Double] = []
    var ranges: [ClosedRange<Double>?] = []
    var identified: [Bool] = []
    for (k, p) in parameters.enumerated() {
      // Lines along parameter k, one for each setting of the others.
      let lines = Dictionary(grouping: points.indices) { g in grid[g].enumerated().map { $0.offset == k ? -1 : $0.element } }
        .values.map { $0.sorted { grid[$0][k] < grid[$1][k] } }
        .sorted { $0[0] < $1[0] }
      let through = lines.first { $0.contains(best) }!
      fitted.append(refine(p.values, means: through.map { points[$0].estimates }, at: grid[best][k]))
      // The plausible stretch of every line, interpolated to where the implausibility crosses 3.
      let stretches = lines.compactMap { line in Self.crossing(p.values, line.map { points[$0].implausibility }) }
      ranges.append(stretches.isEmpty ? nil
                    : stretches.map(\.lowerBound).min()!...stretches.map(\.upperBound).max()!)
      let plausible = Set(points.indices.filter { points[$0].plausible }.map { grid[$0][k] })
      identified.append(plausible.count < p.values.count)
    }
    return Fit(points: points, best: best, fitted: fitted, ranges: ranges, identified: identified,
               openBelow: zip(parameters, ranges).map { p, r in r.map { $0.lowerBound <= p.values.first! } ?? false },
               openAbove: zip(parameters, ranges).map { p, r in r.map { $0.upperBound >= p.values.last! } ?? false })
  }

  /// The value between the best point's neighbours on one line that brings the targets
  /// closest, with each target's mean interpolated linearly between grid values (means move
  /// smoothly with an input; the distance itself, a sum of squares, does not interpolate well).
  func refine(_ x: [Double], means: [[ReplicationEstimate?]], at i: Int) -> Double {
    let low = max(i - 1, 0), high = min(i + 1, x.count - 1)
    func distance(_ u: Double) -> Double {
      let j = u <= x[i] ? max(low, i - 1) : i
      let j2 = min(j + 1, high)
      let w = x[j2] == x[j] ? 0 : (u - x[j]) / (x[j2] - x[j])
      var d = 0.0
      for (t, target) in targets.enumerated() {
        guard let a = means[j][t], let b = means[j2][t] else { return .infinity }
        let m = a.mean + w * (b.mean - a.mean)
        let se = a.count > 1 ? a.standardError + w * (b.standardError - a.standardError) : 0
        d += (m - target.value) * (m - target.value) / (target.tolerance * target.tolerance + se * se)
      }
      return d
    }
    // A fine search: 200 steps across the neighbours is far finer than the inputs are known.
    let steps = 200
    var bestU = x[i]
    var bestD = distance(x[i])
    for s in 0...steps {
      let u = x[low] + (x[high] - x[low]) * Double(s) / Double(steps)
      let d = distance(u)
      if d < bestD { (bestU, bestD) = (u, d) }
    }
    return bestU
  }

  /// Where a piecewise-linear implausibility drops to the cutoff on either side of its
  /// plausible stretch: the range of plausible x, interpolated between grid values.
  static func crossing(_ x: [Double], _ z: [Double]) -> ClosedRange<Double>? {
    let inside = z.indices.filter { z[$0] <= cutoff }
    guard let first = inside.first, let last = inside.last else { return nil }
    func cut(_ a: Int, _ b: Int) -> Double {
      guard z[b].isFinite else { return x[a] }
      return x[a] + (x[b] - x[a]) * (cutoff - z[a]) / (z[b] - z[a])
    }
    let low = first > 0 ? cut(first, first - 1) : x[first]
    let high = last + 1 < x.count ? cut(last, last + 1) : x[last]
    return min(low, high)...max(low, high)
  }
}
