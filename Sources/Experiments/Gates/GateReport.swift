import ScenarioIO
import SimStats

/// The verdict of `telesim check`: every expectation judged, and what the reader should know
/// about the baseline.
public struct GateReport: Sendable {
  /// One judged expectation.
  public struct Finding: Sendable {
    /// What kind of expectation it is.
    public enum Kind: String, Sendable {
      case threshold, regression, fingerprint
    }
    public enum Verdict: String, Sendable {
      case pass, fail
    }
    public var kind: Kind
    /// The expectation as a reader would say it (`teleconsult.wait.p90 <= 30h`).
    public var name: String
    /// The metric, for thresholds and regressions.
    public var metric: String?
    /// The value judged: the metric's mean, or the mean worsening against the baseline.
    public var value: Double?
    /// Its 95% interval.
    public var lower: Double?
    public var upper: Double?
    /// The limit, as text with its unit.
    public var limit: String
    /// The limit as a number in the metric's unit: a threshold's limit, or the worsening a
    /// regression may show; nil for a fingerprint.
    public var limitValue: Double? = nil
    /// `<=`, `<`, `>=`, `>` for thresholds; nil for regressions (always "worse by at most").
    public var limitComparison: String? = nil
    /// What the limit derives from (`5% of the baseline`), if anything.
    public var limitNote: String? = nil
    public var unit: String
    public var verdict: Verdict
    /// Why, in words.
    public var explanation: String
    /// Where the expectation was written.
    public var location: SourceLocation?
  }

  /// The scenario checked.
  public var scenario: String
  public var findings: [Finding]
  /// Things to know that are not failures (a stale baseline and what changed).
  public var notices: [String]

  /// Whether any expectation failed.
  public var failed: Bool { findings.contains { $0.verdict == .fail } }
}
