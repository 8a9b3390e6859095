import SimStats

/// Targets written on the command line, in the metric's own units after conversion:
/// `teleconsult.same_day >= 80%` for `optimise`, `ambulance.response.mean = 22min ± 1min`
/// for `calibrate`.
public enum CommandLineTargets {
  /// A figure to match: `METRIC = VALUE ± TOLERANCE` (`+-` also accepted).
  public struct Match: Sendable, Equatable {
    /// The metric's name.
    public var metric: String
    /// The observed value and how far a simulated mean may be from it, in the metric's unit.
    public var value: Double
    public var tolerance: Double
    /// As written.
    public var text: String
  }

  /// Parses `METRIC OP LIMIT` (OP is `<=`, `<`, `>=` or `>`) against the scenario's `metrics`.
  public static func threshold(_ text: String, metrics: [Metric]) -> Result<Expectations.Threshold, ArgumentError> {
    let operators = Expectations.Threshold.Comparison.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
    guard let op = operators.first(where: { text.contains($0.rawValue) }), let range = text.range(of: op.rawValue) else {
      return .failure(ArgumentError("'\(text)' is not a target: write METRIC OP LIMIT, e.g. 'teleconsult.same_day >= 80%'"))
    }
    let name = String(text[..<range.lowerBound]).trimmingSpaces
    let metric: Metric
    switch find(name, in: metrics) {
    case .success(let m): metric = m
    case .failure(let e): return .failure(e)
    }
    switch MetricQuantity.value(String(text[range.upperBound...]), unit: metric.unit) {
    case .success(let limit):
      guard limit.isFinite else { return .failure(ArgumentError("the limit of '\(text)' is not finite")) }
      if let problem = outOfRange(limit, metric) { return .failure(ArgumentError("'\(text)': \(problem)")) }
      return .success(.init(metric: name, comparison: op, limit: limit, text: text.trimmingSpaces,
                            location: SourceLocation(file: "<command line>", line: 1, column: 1)))
    case .failure(let error): return .failure(ArgumentError("'\(text)': \(error.message) (\(error.hint))"))
    }
  }

  /// Parses `METRIC = VALUE ± TOLERANCE` against the scenario's `metrics`.
  public static func match(_ text: String, metrics: [Metric]) -> Result<Match, ArgumentError> {
    let form = "write METRIC = VALUE ± TOLERANCE, e.g. 'ambulance.response.mean = 22min ± 1min'"
    guard let eq = text.firstIndex(of: "="), !text.contains("<="), !text.contains(">=") else {
      return .failure(ArgumentError("'\(text)' is not a figure to match: \(form)"))
    }
    let name = String(text[..<eq]).trimmingSpaces
    let rest = String(text[text.index(after: eq)...])
    let halves = rest.contains("±") ? rest.components(separatedBy: "±") : rest.components(separatedBy: "+-")
    guard halves.count == 2 else { return .failure(ArgumentError("'\(text)' gives no tolerance: \(form)")) }
    let metric: Metric
    switch find(name, in: metrics) {
    case .success(let m): metric = m
    case .failure(let e): return .failure(e)
    }
    // A tolerance in percentage points of a share reads like a share itself (1% = 0.01).
    guard case .success(let value) = MetricQuantity.value(halves[0], unit: metric.unit),
          case .success(let tolerance) = MetricQuantity.value(halves[1], unit: metric.unit),
          value.isFinite, tolerance.isFinite, tolerance > 0 else {
      return .failure(ArgumentError("'\(text)': the value and tolerance must be in \(metric.unit), the tolerance above 0"))
    }
    if let problem = outOfRange(value, metric) { return .failure(ArgumentError("'\(text)': \(problem)")) }
    return .success(Match(metric: name, value: value, tolerance: tolerance, text: text.trimmingSpaces))
  }

  /// Why `value` cannot be a figure of `metric`: every TeleSim figure is at least 0, and a
  /// share at most 1.
  private static func outOfRange(_ value: Double, _ metric: Metric) -> String? {
    if value < 0 { return "\(metric.name) is never negative" }
    if metric.unit == "ratio" && value > 1 { return "\(metric.name) is a share, from 0 to 100%" }
    return nil
  }

  private static func find(_ name: String, in metrics: [Metric]) -> Result<Metric, ArgumentError> {
    if let m = metrics.first(where: { $0.name == name }) { return .success(m) }
    let hint = DidYouMean.hint(for: name, among: metrics.map(\.name))
    return .failure(ArgumentError("the scenario reports no metric '\(name)'" + (hint.isEmpty ? "" : " (\(hint))")))
  }
}

/// Why a range or target written on the command line cannot be used.
public struct ArgumentError: Error, Equatable {
  /// A sentence saying what is wrong and what to write instead.
  public let message: String
  package init(_ message: String) { self.message = message }
}
