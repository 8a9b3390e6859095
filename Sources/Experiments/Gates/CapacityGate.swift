import Foundation
import ScenarioIO
import SimStats

/// Judges a run against its expectations: thresholds, regressions against a baseline, and
/// the trajectory fingerprint.
///
/// **Thresholds.** With `judge: ci` (the default) a threshold passes only when the whole 95%
/// interval of the metric lies on the right side of the limit; with `judge: mean`, when the
/// mean does.
///
/// **Regressions.** For a metric where lower is better the worsening is `now − baseline`
/// (for higher is better, `baseline − now`), replication by replication when the run repeats
/// the baseline's seed and replications (common random numbers: the pairs share every
/// draw), otherwise between the two samples (Welch). A metric fails only when the one-sided
/// lower confidence bound of its worsening exceeds the tolerance (5% of the baseline's mean
/// unless given): a one-sided test of "worse by more than the tolerance". The m metrics of a
/// check are judged together at a family-wise 95% (Bonferroni: each bound at 1 − 0.05/m), so
/// an unchanged scenario run with any seed fails the whole check at most 5% of the time, and
/// far less when the tolerances are wide against the noise; a worsening of the tolerance plus
/// about 4 standard errors is caught with high probability.
///
/// **Fingerprint.** Every replication's trajectory fingerprint must equal the baseline's at
/// the same seed: any change in what happens fails, whether or not a figure moved.
public enum CapacityGate {
  /// The report of `result` (a run of `scenario`) against `expectations` and `baseline`.
  public static func judge(_ result: ExperimentResult, scenario: Scenario, expectations: Expectations,
                           baseline: Baseline?) -> GateReport {
    var findings = expectations.thresholds.map { threshold($0, result: result, judge: expectations.judge) }
    var notices: [String] = []
    if let rules = expectations.regressions, let baseline {
      notices += staleness(of: baseline, against: scenario, result: result)
      let checked = rules.metrics ?? result.metrics.filter { $0.direction != .neither }.map { ($0.name, nil) }
      let confidence = 1 - 0.05 / Double(max(checked.count, 1))
      for (name, tolerance) in checked {
        findings.append(regression(name, tolerance: tolerance ?? rules.tolerance, result: result, baseline: baseline,
                                   confidence: confidence, location: rules.location))
      }
      if expectations.fingerprint {
        findings.append(fingerprint(result, baseline: baseline, location: rules.location))
      }
    }
    return GateReport(scenario: result.scenarioName, findings: findings, notices: notices)
  }

  /// The planner's targets of `result`'s scenario (its `expect:` thresholds), each judged as
  /// `telesim check` would.
  public static func targets(_ result: ExperimentResult) -> [GateReport.Finding] {
    result.info.targets.map { t in
      // The text came from the enum itself, so it always reads back.
      let comparison = Expectations.Threshold.Comparison(rawValue: t.comparison) ?? .atMost
      let threshold = Expectations.Threshold(metric: t.metric, comparison: comparison, limit: t.limit, text: t.text,
                                             location: SourceLocation(file: result.scenarioFile, line: 0, column: 0))
      return self.threshold(threshold, result: result, judge: Expectations.Judge(rawValue: t.judge) ?? .ci)
    }
  }

  // MARK: thresholds

  static func threshold(_ t: Expectations.Threshold, result: ExperimentResult, judge: Expectations.Judge)
    -> GateReport.Finding
  {
    let metric = result.metrics.first { $0.name == t.metric }
    var finding = GateReport.Finding(kind: .threshold, name: t.text, metric: t.metric, value: nil, lower: nil, upper: nil,
                                     limit: "\(t.comparison.rawValue) \(number(t.limit))", unit: metric?.unit ?? "",
                                     verdict: .fail, explanation: "", location: t.location)
    (finding.limitValue, finding.limitComparison) = (t.limit, t.comparison.rawValue)
    guard let e = result.estimate(t.metric) else {
      finding.explanation = "\(t.metric) was never observed in this run"
      return finding
    }
    finding.value = e.mean
    if e.count > 1 { (finding.lower, finding.upper) = (e.lower, e.upper) }
    if judge == .ci && e.count < 2 {
      finding.explanation = "a 95% interval needs at least 2 replications"
      return finding
    }
    // The value that must meet the limit: the worse end of the interval, or the mean.
    let atMost = t.comparison == .atMost || t.comparison == .below
    let judged = judge == .mean ? e.mean : (atMost ? e.upper : e.lower)
    let met: Bool
    switch t.comparison {
    case .atMost: met = judged <= t.limit
    case .below: met = judged < t.limit
    case .atLeast: met = judged >= t.limit
    case .above: met = judged > t.limit
    }
    finding.verdict = met ? .pass : .fail
    let what = judge == .mean ? "the mean" : (atMost ? "the interval's upper end" : "the interval's lower end")
    finding.explanation = "\(what), \(number(judged)), is\(met ? "" : " not") \(t.comparison.rawValue) \(number(t.limit))"
    return finding
  }

  // MARK: regressions

  static func regression(_ name: String, tolerance: Expectations.Tolerance, result: ExperimentResult, baseline: Baseline,
                         confidence: Double, location: SourceLocation) -> GateReport.Finding {
    let metric = result.metrics.first { $0.name == name }
    var finding = GateReport.Finding(kind: .regression, name: "\(name) not worse than the baseline", metric: name,
                                     value: nil, lower: nil, upper: nil, limit: "", unit: metric?.unit ?? "",
                                     verdict: .fail, explanation: "", location: location)
    guard let metric, let i = result.metrics.firstIndex(of: metric), let before = baseline.series(of: name) else {
      finding.explanation = "the baseline has no metric '\(name)': write it again with telesim baseline"
      return finding
    }
    guard metric.direction != .neither else {
      finding.explanation = "\(name) is better neither higher nor lower, so it cannot regress"
      return finding
    }
    let now = result.replications.map { $0.values[i] }
    let sign: Double = metric.direction == .lowerIsBetter ? 1 : -1
    let paired = baseline.seed == result.seed && baseline.replicationIndices == result.replicationIndices
    guard let w = Worsening(before: before, now: now, sign: sign, paired: paired, resolution: metric.resolution,
                            confidence: confidence) else {
      finding.explanation = "needs at least 2 replications observed in both runs"
      return finding
    }
    let allowed: Double
    switch tolerance {
    case .relative(let r): allowed = r * abs(w.baselineMean)
    case .absolute(let a): allowed = a
    }
    finding.value = w.mean
    (finding.lower, finding.upper) = (w.mean - w.twoSidedHalfWidth, w.mean + w.twoSidedHalfWidth)
    finding.limit = "worse by ≤ \(number(allowed))" + relativeText(tolerance)
    finding.limitValue = allowed
    if case .relative(let r) = tolerance { finding.limitNote = "\(number(r * 100))% of the baseline" }
    let regressed = w.oneSidedLowerBound > allowed
    finding.verdict = regressed ? .fail : .pass
    finding.explanation = (regressed ? "regressed: " : "")
      + "\(w.mean >= 0 ? "worse" : "better") by \(number(abs(w.mean))) \(metric.unit) "
      + "(baseline \(number(w.baselineMean)), \(paired ? "paired replications" : "independent samples")); "
      + "\(number(confidence * 100))% lower bound of the worsening \(number(w.oneSidedLowerBound)) "
      + "\(regressed ? ">" : "≤") \(number(allowed))"
    return finding
  }

  static func relativeText(_ t: Expectations.Tolerance) -> String {
    if case .relative(let r) = t { return " (\(number(r * 100))% of the baseline)" }
    return ""
  }

  // MARK: fingerprints

  static func fingerprint(_ result: ExperimentResult, baseline: Baseline, location: SourceLocation) -> GateReport.Finding {
    var finding = GateReport.Finding(kind: .fingerprint, name: "behaviour unchanged at the baseline's seed", metric: nil,
                                     value: nil, lower: nil, upper: nil, limit: "identical", unit: "", verdict: .fail,
                                     explanation: "", location: location)
    guard baseline.seed == result.seed, baseline.replicationIndices == result.replicationIndices,
          baseline.scenario.generator == result.generator else {
      finding.explanation = "fingerprints compare runs at the baseline's seed (\(baseline.seed)), replications "
        + "(\(baseline.replicationIndices.count)) and generator: run check without --seed or --replications"
      return finding
    }
    let now = result.fingerprints.map(Fingerprint.hex)
    let changed = zip(baseline.fingerprints, now).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    if changed.isEmpty && now.count == baseline.fingerprints.count {
      finding.verdict = .pass
      finding.explanation = "every replication processed the same events at the same times"
    } else {
      finding.explanation = "behaviour changed: replication\(changed.count == 1 ? "" : "s") "
        + changed.map(String.init).joined(separator: ", ")
        + " processed different events at the same seed (the model or the scenario changed what happens, "
        + "whether or not a figure moved)"
    }
    return finding
  }

  // MARK: staleness

  /// What changed since the baseline was written: the scenario's settings, its data files,
  /// the TeleSim version. A changed scenario is what a gate tests, so these are notices.
  static func staleness(of baseline: Baseline, against scenario: Scenario, result: ExperimentResult) -> [String] {
    var notices: [String] = []
    if baseline.scenario.hash != scenario.contentHash {
      let before = Dictionary(baseline.settings.map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
      let after = Dictionary(scenario.settings.map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
      var changes: [String] = []
      for s in scenario.settings where before[s.path] != s.value {
        changes.append(before[s.path].map { "\(s.path): \($0) → \(s.value)" } ?? "\(s.path): added (\(s.value))")
      }
      for s in baseline.settings where after[s.path] == nil { changes.append("\(s.path): removed (was \(s.value))") }
      let shown = changes.prefix(10).joined(separator: "; ") + (changes.count > 10 ? "; and \(changes.count - 10) more" : "")
      notices.append("the baseline is stale: the scenario changed since it was written (hash \(baseline.scenario.hash) → "
                     + "\(scenario.contentHash))" + (changes.isEmpty ? "" : ": \(shown)"))
    }
    let files = Dictionary(baseline.dataFiles.map { ($0.path, $0.hash) }, uniquingKeysWith: { a, _ in a })
    for f in scenario.dataFiles where files[f.path] != f.hash {
      notices.append(files[f.path] == nil ? "the scenario now reads \(f.path), which the baseline did not"
                       : "the baseline is stale: data file \(f.path) changed since it was written")
    }
    if baseline.telesimVersion != TeleSimVersion.current {
      notices.append("the baseline was written by TeleSim \(baseline.telesimVersion); this is \(TeleSimVersion.current)")
    }
    if baseline.seed != result.seed || baseline.replicationIndices != result.replicationIndices {
      notices.append("this run's seed or replications differ from the baseline's: regressions compare independent "
                     + "samples, not paired replications")
    }
    return notices
  }

  static func number(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    var text = String(format: "%.4g", x)
    if text.contains("e") { text = String(x) }
    return text
  }
}
