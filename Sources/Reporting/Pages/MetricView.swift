/// A metric of a result file as a page shows it: its words, its value in a unit suited to its
/// size, its interval, and its target if the scenario set one.
struct MetricView {
  let name: String
  let entry: SummaryFile.MetricEntry
  let target: SummaryFile.TargetEntry?

  var unit: DisplayUnit { DisplayUnit.suited(to: entry.unit, typical: entry.mean ?? .nan) }
  var words: String {
    if let label = entry.label, !label.isEmpty { return label }
    return name
  }
  var valueText: String { entry.mean.map { unit.text($0) } ?? "not observed" }

  /// `95% CI 21.5–23.8 min`, or a note when one replication gives no interval.
  var intervalText: String {
    guard let ci = entry.ci95, ci.count == 2 else { return entry.n <= 1 ? "one replication: no interval" : "" }
    return "95% CI \(unit.number(ci[0]))–\(unit.number(ci[1]))\(unit.label == "%" ? "%" : " " + unit.label)"
  }

  /// The target in this view's unit (`≤ 24 h`), judged.
  var targetText: String? {
    guard let t = target else { return nil }
    let symbol = ["<=": "≤", "<": "<", ">=": "≥", ">": ">"][t.comparison] ?? t.comparison
    // The target in the unit it was written in, near enough: 24 h stays 24 h beside 29 min.
    return "target \(symbol) \(DisplayUnit.suited(to: t.unit, typical: t.limit).text(t.limit))"
  }
}

extension SummaryFile {
  /// Views of the metrics named, in order, skipping any the file lacks.
  func views(_ names: [String]) -> [MetricView] {
    names.compactMap { n in metrics[n].map { MetricView(name: n, entry: $0, target: target(n)) } }
  }
}
