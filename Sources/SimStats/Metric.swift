/// The name, unit and direction of one reported figure (`wait.p90`, minutes, lower is better).
public struct Metric: Sendable, Hashable, Codable {
  /// Which way a figure should move for the better: declared with each metric, so that a
  /// comparison's verdict never rests on guessing from its name.
  public enum Direction: String, Sendable, Hashable, Codable {
    /// Waits, refusals, failures: lower is better.
    case lowerIsBetter = "lower"
    /// Work done, shares seen on time: higher is better.
    case higherIsBetter = "higher"
    /// Loads, volumes and costs that follow the service given (utilisation, admissions,
    /// meals): neither way is better in itself.
    case neither
  }

  /// Dotted name, e.g. `triage.wait.mean`.
  public let name: String
  /// Unit as printed: `min`, `/h`, `ratio`, `count`, `servers`, `customers`.
  public let unit: String
  /// Which way is better.
  public let direction: Direction
  /// Bound on the relative error of each replication's value (0 for exact figures; the
  /// quantile sketch's 1/256 for quantiles). Confidence intervals add it to their half-width,
  /// so that replications landing in the same sketch bucket do not give a zero-width interval.
  public let resolution: Double
  /// What the figure is, in a planner's words ("wait for a specialist, mean"); empty when the
  /// name says enough.
  public let label: String

  /// Creates a metric definition.
  public init(_ name: String, unit: String, better direction: Direction, resolution: Double = 0, label: String = "") {
    self.name = name
    self.unit = unit
    self.direction = direction
    self.resolution = resolution
    self.label = label
  }

  /// A quantile read from a ``QuantileSketch``, whose resolution it carries.
  public static func quantile(_ name: String, unit: String, better direction: Direction, label: String = "") -> Metric {
    Metric(name, unit: unit, better: direction, resolution: QuantileSketch.relativeError, label: label)
  }

  private enum CodingKeys: String, CodingKey { case name, unit, direction, resolution, label }

  // Files written before `direction`, `resolution` or `label` existed decode with neither, 0 and "".
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    unit = try c.decode(String.self, forKey: .unit)
    direction = try c.decodeIfPresent(Direction.self, forKey: .direction) ?? .neither
    resolution = try c.decodeIfPresent(Double.self, forKey: .resolution) ?? 0
    label = try c.decodeIfPresent(String.self, forKey: .label) ?? ""
  }
}

extension ReplicationEstimate {
  /// This estimate with `metric`'s resolution bound, `resolution·|mean|`, added to the
  /// half-width.
  public func bounded(by metric: Metric) -> ReplicationEstimate {
    widened(by: metric.resolution * abs(mean))
  }
}

/// One replication's figures, aligned with a list of ``Metric``s.
public struct MetricValues: Sendable, Equatable {
  /// The metrics, in report order.
  public let metrics: [Metric]
  /// One value per metric (NaN where nothing was observed).
  public let values: [Double]
  /// Pairs metrics with values.
  /// - Precondition: equal counts.
  public init(metrics: [Metric], values: [Double]) {
    precondition(metrics.count == values.count, "one value per metric")
    self.metrics = metrics
    self.values = values
  }

  /// The value of the metric called `name`, if present.
  public subscript(name: String) -> Double? {
    metrics.firstIndex { $0.name == name }.map { values[$0] }
  }

  /// Equality that treats NaN as equal to NaN (for determinism checks).
  public static func == (a: MetricValues, b: MetricValues) -> Bool {
    a.metrics == b.metrics
      && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern }
  }
}
