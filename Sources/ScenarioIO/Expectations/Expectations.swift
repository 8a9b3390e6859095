import SimStats

/// What a CI pipeline expects of a scenario's results (`telesim check`): thresholds on
/// metrics, no regression against a committed baseline, and, if asked, unchanged behaviour.
public struct Expectations: Sendable {
  /// The schema of an expectations file.
  public static let schema = "telesim/expect/v1"

  /// How a threshold is judged.
  public enum Judge: String, Sendable, CaseIterable {
    /// The whole 95% confidence interval must lie on the right side of the limit.
    case ci
    /// The mean must.
    case mean
  }

  /// `METRIC OP LIMIT`, e.g. `teleconsult.wait.p90 <= 30h`.
  public struct Threshold: Sendable {
    /// A comparison of a metric with its limit.
    public enum Comparison: String, Sendable, CaseIterable {
      case atMost = "<=", below = "<", atLeast = ">=", above = ">"
    }
    public var metric: String
    public var comparison: Comparison
    /// The limit in the metric's own unit.
    public var limit: Double
    /// The expectation as written, for reports.
    public var text: String
    public var location: SourceLocation
    /// Creates a threshold.
    public init(metric: String, comparison: Comparison, limit: Double, text: String, location: SourceLocation) {
      self.metric = metric
      self.comparison = comparison
      self.limit = limit
      self.text = text
      self.location = location
    }
  }

  /// How much worse than the baseline a metric may be.
  public enum Tolerance: Sendable, Equatable {
    /// A share of the baseline's mean (`5%`).
    case relative(Double)
    /// An amount in the metric's unit (`30min`, `0.02`).
    case absolute(Double)
  }

  /// "Not worse than the baseline by more than the tolerance", for each metric listed.
  public struct Regressions: Sendable {
    /// The baseline file (resolved relative to the file that names it).
    public var baseline: String
    /// The tolerance of metrics without their own.
    public var tolerance: Tolerance
    /// Metrics checked and their tolerances; nil means every metric with a direction.
    public var metrics: [(name: String, tolerance: Tolerance?)]?
    public var location: SourceLocation
    /// Creates the rules.
    public init(baseline: String, tolerance: Tolerance, metrics: [(name: String, tolerance: Tolerance?)]?,
                location: SourceLocation) {
      self.baseline = baseline
      self.tolerance = tolerance
      self.metrics = metrics
      self.location = location
    }
  }

  /// Where the expectations were written (a file, or a scenario's `expect:` section).
  public var file: String
  public var judge: Judge
  public var thresholds: [Threshold]
  public var regressions: Regressions?
  /// Fail on any change of behaviour at the baseline's seed (trajectory fingerprints).
  public var fingerprint: Bool

  /// Creates expectations.
  public init(file: String, judge: Judge, thresholds: [Threshold], regressions: Regressions?, fingerprint: Bool) {
    self.file = file
    self.judge = judge
    self.thresholds = thresholds
    self.regressions = regressions
    self.fingerprint = fingerprint
  }
}
