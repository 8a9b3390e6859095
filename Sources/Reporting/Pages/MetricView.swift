/// A metric of a result file as a page shows it: its words, its value in a unit suited to its
/// size, its interval, and its target if the scenario set one.
struct MetricView {
  let name: String
  let entry: SummaryFile.MetricEntry
  let target: SummaryFile.TargetEntry?
  /// The size the unit is chosen for: the largest mean of the metric's family (`teleconsult.wait.*`),
  /// so that a p90 in minutes never sits beside a p95 in hours.
  var typical: Double

  var unit: DisplayUnit { DisplayUnit.suited(to: entry.unit, typical: typical) }
  var words: String { entry.words(or: name) }
  var valueText: String { entry.mean.map { unit.text($0) } ?? "not observed" }

  /// `95% CI 21.5–23.8 min`, or a note when one replication gives no interval.
  var intervalText: String {
    guard let ci = entry.ci95, ci.count == 2 else { return entry.n <= 1 ? "one replication: no interval" : "" }
    return "95% CI \(unit.number(ci[0]))–\(unit.number(ci[1]))\(unit.label == "%" ? "%" : " " + unit.label)"
  }

  /// The target in this view's unit (`≤ 24 h`), judged.
  var targetText: String? {
    guard let t = target else { return nil }
    // The target in the unit it was written in, near enough: 24 h stays 24 h beside 29 min.
    return "target \(ComparisonSymbol.text(t.comparison)) \(DisplayUnit.suited(to: t.unit, typical: t.limit).text(t.limit))"
  }

  /// Why the target is met or missed, in the page's units: "the 95% interval's upper end,
  /// 29.5 min, is ≤ 24 h".
  var targetReason: String? {
    guard let t = target else { return nil }
    let atMost = t.comparison.hasPrefix("<")
    let limit = DisplayUnit.suited(to: t.unit, typical: t.limit).text(t.limit)
    let judged: Double?
    let what: String
    if t.judge == "mean" {
      (judged, what) = (entry.mean, "the mean")
    } else if let ci = entry.ci95, ci.count == 2 {
      (judged, what) = (atMost ? ci[1] : ci[0], atMost ? "the 95% interval's upper end" : "the 95% interval's lower end")
    } else {
      return t.explanation
    }
    guard let judged else { return t.explanation }
    return "\(what), \(unit.text(judged)), is \(t.met ? "" : "not ")\(ComparisonSymbol.text(t.comparison)) \(limit)"
  }
}

extension SummaryFile {
  /// Views of the metrics named, in order, skipping any the file lacks.
  func views(_ names: [String]) -> [MetricView] {
    names.compactMap { n in
      metrics[n].map { MetricView(name: n, entry: $0, target: target(n), typical: familySize(n, unit: $0.unit)) }
    }
  }

  /// The largest mean among metrics named like `name` but for its last part, in the same unit.
  /// Only summaries of one distribution form a family (`mean`, `p50`, `p90`…); other names
  /// keep a unit of their own.
  func familySize(_ name: String, unit: String) -> Double {
    func isSummary(_ n: String) -> Bool {
      guard let last = n.split(separator: ".").last else { return false }
      return last == "mean" || (last.first == "p" && last.dropFirst().allSatisfy(\.isNumber) && last.count > 1)
    }
    guard isSummary(name) else { return metrics[name]?.mean.map(abs) ?? .nan }
    let family = name.split(separator: ".").dropLast().joined(separator: ".")
    return metrics.filter { k, v in
      v.unit == unit && isSummary(k) && k.split(separator: ".").dropLast().joined(separator: ".") == family
    }.compactMap { $0.value.mean }.map(abs).max() ?? .nan
  }
}
