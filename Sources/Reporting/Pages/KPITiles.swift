import Plot

/// Headline figures as tiles: the words, the value, its 95% interval and, when the scenario
/// set a target, the target and a verdict in words ("✓ met" / "✗ missed") as well as colour.
enum KPITiles {
  static func render(_ views: [MetricView]) -> PageNode {
    .div(.class("tiles"), .forEach(views) { v in
      let state = v.target.map { $0.met ? "met" : "missed" }
      return .div(
        .class("tile" + (state.map { " " + $0 } ?? "")),
        .div(.class("what"), .text(v.words)),
        .div(.class("value"), .text(v.valueText)),
        .div(.class("ci"), .text(v.intervalText)),
        .unwrap(v.targetText) { text in
          .div(.class("verdict"), .text((v.target?.met == true ? "✓ met: " : "✗ missed: ") + text))
        })
    })
  }

  /// Every target with its value, interval, verdict and the reason.
  static func targetTable(_ summary: SummaryFile) -> PageNode? {
    guard let targets = summary.targets, !targets.isEmpty else { return nil }
    var rows: [[String]] = []
    var classes: [[String]] = []
    for t in targets {
      let v = summary.views([t.metric]).first
      rows.append([t.text, v?.valueText ?? "-", v?.intervalText ?? "", t.met ? "✓ met" : "✗ missed",
                   v?.targetReason ?? t.explanation])
      classes.append(["", "", "", t.met ? "met" : "missed", ""])
    }
    return Page.table(["target", "value", "interval", "verdict", "why"], rows, numeric: [1], classes: classes)
  }
}
