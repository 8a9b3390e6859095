/// Differences with their 95% CIs on one axis around zero, one row per metric: a filled
/// circle where the alternative is better, a filled square where worse, an open circle where
/// no difference is detectable or neither way is better; the verdict is also written at the
/// right, so nothing is told by colour alone.
struct ForestPlot {
  struct Row {
    var label: String
    var value: Double
    var lower: Double?
    var upper: Double?
    /// `better`, `worse`, or anything else for neutral.
    var verdict: String
    /// Written at the right of the row ("better · real, small").
    var note: String
    var hover: String
  }

  var rows: [Row]
  var axisLabel: String
  var width: Double = 980

  func render(label: String) -> PageNode {
    let rows = self.rows.filter { $0.value.isFinite }
    guard !rows.isEmpty else { return EmptyChart.render(label: label, width: width, reason: "no differences to show") }
    let rowHeight = 20.0
    var frame = ChartFrame(width: width, height: 56 + rowHeight * Double(rows.count))
    frame.left = 300
    frame.right = 230
    let ends = rows.flatMap { [$0.value, $0.lower ?? $0.value, $0.upper ?? $0.value] }.filter(\.isFinite)
    let m = ends.map(abs).max() ?? 1
    let x = LinearScale(covering: [-m, m], include: [0], range: frame.xRange)
    var nodes = Axis.bottom(x, frame: frame, label: axisLabel, format: DisplayUnit.readable)
    nodes.append(SVG.line(x1: x(0), y1: frame.plotTop, x2: x(0), y2: frame.plotBottom, stroke: "#111", width: 1.2))
    for (i, r) in rows.enumerated() {
      let y = frame.plotTop + rowHeight * Double(i) + rowHeight / 2
      if i % 2 == 0 {
        nodes.append(SVG.rect(x: 0, y: y - rowHeight / 2, width: width, height: rowHeight, fill: "#f7f7f7"))
      }
      nodes.append(SVG.text(r.label, x: frame.plotLeft - 8, y: y + 4, anchor: "end", size: 10))
      if let lo = r.lower, let hi = r.upper, lo.isFinite, hi.isFinite {
        nodes.append(SVG.line(x1: x(lo), y1: y, x2: x(hi), y2: y, stroke: "#333", width: 1.5))
      }
      nodes.append(marker(r.verdict, x: x(r.value), y: y, hover: r.hover))
      nodes.append(SVG.text(r.note, x: frame.plotRight + 10, y: y + 4, size: 10,
                            weight: r.verdict == "better" || r.verdict == "worse" ? "bold" : "normal",
                            fill: r.verdict == "better" ? "#1b7837" : r.verdict == "worse" ? "#b2182b" : "#444"))
    }
    return SVG.svg(width: width, height: frame.height, label: label, nodes)
  }

  private func marker(_ verdict: String, x: Double, y: Double, hover: String) -> PageNode {
    switch verdict {
    case "better": return SVG.circle(cx: x, cy: y, r: 5, fill: "#1b7837", stroke: "#111", title: hover)
    case "worse": return SVG.rect(x: x - 4.5, y: y - 4.5, width: 9, height: 9, fill: "#b2182b", title: hover, stroke: "#111")
    default: return SVG.circle(cx: x, cy: y, r: 4.5, fill: "#fff", stroke: "#333", title: hover)
    }
  }
}
