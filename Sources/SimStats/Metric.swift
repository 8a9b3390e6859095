/// The name and unit of one reported figure (`wait.p90`, minutes).
public struct Metric: Sendable, Hashable {
  /// Dotted name, e.g. `triage.wait.mean`.
  public let name: String
  /// Unit as printed: `min`, `/h`, `ratio`, `count`, `servers`, `customers`.
  public let unit: String
  /// Creates a metric definition.
  public init(_ name: String, unit: String) {
    self.name = name
    self.unit = unit
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
