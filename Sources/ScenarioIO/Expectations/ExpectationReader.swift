import Foundation
import SimStats

/// Reads expectations (a `telesim/expect/v1` file, or a scenario's `expect:` section) against
/// the metrics the scenario reports, so that a misspelt metric gets a did-you-mean.
struct ExpectationReader {
  let reader: NodeReader
  let metrics: [Metric]

  static let keys = ["judge", "thresholds", "regressions", "fingerprint"]

  /// The expectations in mapping `f` (a file's top level, with `schema`, or an `expect:` section).
  func read(_ f: Fields) -> Expectations? {
    let judge = f["judge"].map { choice($0, path: f.path("judge")) } ?? .ci
    let thresholds = f["thresholds"].map { readThresholds($0, path: f.path("thresholds")) } ?? []
    let regressions = f["regressions"].map { readRegressions($0, path: f.path("regressions")) }
    let fingerprint = f["fingerprint"].map { flag($0, path: f.path("fingerprint")) } ?? false
    guard let judge, let thresholds, let fingerprint else { return nil }
    if case .some(.none) = regressions { return nil }
    if fingerprint && regressions == nil, let node = f["fingerprint"] {
      reader.report(.missingKey, "a fingerprint is compared with a baseline's, and there is none", at: node,
                    path: f.path("fingerprint"), hint: "add regressions: {baseline: FILE}")
      return nil
    }
    return Expectations(file: reader.file, judge: judge, thresholds: thresholds, regressions: regressions ?? nil,
                        fingerprint: fingerprint)
  }

  private func choice(_ node: ScenarioNode, path: String) -> Expectations.Judge? {
    guard let text = reader.string(node, path: path) else { return nil }
    guard let judge = Expectations.Judge(rawValue: text) else {
      reader.report(.invalidValue, "unknown way to judge '\(text)'", at: node, path: path,
                    hint: "ci: the whole 95% interval must meet the limit; mean: the mean must")
      return nil
    }
    return judge
  }

  private func flag(_ node: ScenarioNode, path: String) -> Bool? {
    guard let text = node.scalar, ["true", "false"].contains(text) else {
      reader.report(.wrongType, "expected true or false", at: node, path: path)
      return nil
    }
    return text == "true"
  }

  /// `- METRIC OP LIMIT`, every one checked even when an earlier one is wrong.
  private func readThresholds(_ node: ScenarioNode, path: String) -> [Expectations.Threshold]? {
    guard let items = reader.list(node, path: path) else { return nil }
    let parsed = items.enumerated().map { i, item in readThreshold(item, path: "\(path)[\(i)]") }
    return parsed.contains { $0 == nil } ? nil : parsed.compactMap { $0 }
  }

  private func readThreshold(_ node: ScenarioNode, path: String) -> Expectations.Threshold? {
    guard let text = reader.string(node, path: path) else { return nil }
    let operators = Expectations.Threshold.Comparison.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
    guard let op = operators.first(where: { text.contains($0.rawValue) }),
          let range = text.range(of: op.rawValue) else {
      reader.report(.invalidValue, "'\(text)' is not a threshold", at: node, path: path,
                    hint: "write METRIC OP LIMIT, e.g. teleconsult.wait.p90 <= 30h (OP is <=, <, >= or >)")
      return nil
    }
    let name = String(text[..<range.lowerBound]).trimmingSpaces
    let limitText = String(text[range.upperBound...])
    guard let metric = self.metric(name, at: node, path: path) else { return nil }
    switch MetricQuantity.value(limitText, unit: metric.unit) {
    case .success(let limit):
      return .init(metric: name, comparison: op, limit: limit, text: text.trimmingSpaces, location: node.location)
    case .failure(let error):
      reader.report(.invalidValue, error.message, at: node, path: path, hint: error.hint)
      return nil
    }
  }

  /// The metric called `name`, or a diagnostic with a did-you-mean.
  private func metric(_ name: String, at node: ScenarioNode, path: String) -> Metric? {
    if let m = metrics.first(where: { $0.name == name }) { return m }
    reader.report(.unknownName, "the scenario reports no metric '\(name)'", at: node, path: path,
                  hint: DidYouMean.hint(for: name, among: metrics.map(\.name)))
    return nil
  }

  /// `{baseline: FILE, tolerance: 5%, metrics: [NAME, …] or {NAME: TOLERANCE, …}}`.
  private func readRegressions(_ node: ScenarioNode, path: String) -> Expectations.Regressions? {
    guard let f = reader.fields(node, path: path, allowed: ["baseline", "tolerance", "metrics"], required: ["baseline"]),
          let file = f["baseline"].flatMap({ reader.string($0, path: f.path("baseline")) }) else { return nil }
    let tolerance = f["tolerance"].map { self.tolerance($0, unit: "", path: f.path("tolerance")) } ?? .relative(0.05)
    let metrics = f["metrics"].map { readRegressionMetrics($0, path: f.path("metrics")) }
    guard let tolerance else { return nil }
    if case .some(.none) = metrics { return nil }
    if case .absolute = tolerance, let n = f["tolerance"] {
      reader.report(.invalidValue, "a tolerance for every metric must be a percentage of the baseline", at: n,
                    path: f.path("tolerance"), hint: "write e.g. 5%; give amounts per metric under 'metrics'")
      return nil
    }
    let path = ScenarioLoader.normalized(ScenarioLoader.resolve(file, relativeTo: node.location.file))
    return .init(baseline: path, tolerance: tolerance,
                 metrics: metrics ?? nil, location: node.location)
  }

  private func readRegressionMetrics(_ node: ScenarioNode, path: String) -> [(name: String, tolerance: Expectations.Tolerance?)]? {
    if let items = node.items {
      let names = items.enumerated().map { i, item -> String? in
        guard let name = reader.string(item, path: "\(path)[\(i)]") else { return nil }
        return metric(name, at: item, path: "\(path)[\(i)]")?.name
      }
      return names.contains { $0 == nil } ? nil : names.compactMap { $0.map { ($0, nil) } }
    }
    guard let entries = node.entries else {
      reader.report(.wrongType, "expected a list of metrics or a mapping of metrics to tolerances", at: node, path: path)
      return nil
    }
    let parsed = entries.map { e -> (name: String, tolerance: Expectations.Tolerance?)? in
      let name = e.key.scalar ?? ""
      guard let m = metric(name, at: e.key, path: "\(path).\(name)"),
            let t = tolerance(e.value, unit: m.unit, path: "\(path).\(name)") else { return nil }
      return (name, t)
    }
    return parsed.contains { $0 == nil } ? nil : parsed.compactMap { $0 }
  }

  /// `5%` (of the baseline's mean) or an amount in the metric's unit.
  private func tolerance(_ node: ScenarioNode, unit: String, path: String) -> Expectations.Tolerance? {
    guard let text = reader.string(node, path: path) else { return nil }
    let t = text.trimmingSpaces
    if t.hasSuffix("%"), let p = Double(String(t.dropLast()).trimmingSpaces), p >= 0, p.isFinite { return .relative(p / 100) }
    if !unit.isEmpty, case .success(let v) = MetricQuantity.value(t, unit: unit == "ratio" ? "" : unit), v >= 0 {
      return .absolute(v)
    }
    reader.report(.invalidValue, "'\(t)' is not a tolerance", at: node, path: path,
                  hint: unit.isEmpty ? "write a percentage of the baseline, e.g. 5%"
                    : "write a percentage of the baseline (5%) or an amount in \(unit)")
    return nil
  }
}
