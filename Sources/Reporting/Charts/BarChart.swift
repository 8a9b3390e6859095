/// Horizontal bars, one per row, with 95% CI whiskers, the value written at each bar's end
/// and optional reference lines (targets). Rows keep the order given.
struct BarChart {
  struct Bar {
    var label: String
    var value: Double
    /// 95% CI half-width; nil or 0 draws no whisker.
    var halfWidth: Double?
  }

  var bars: [Bar]
  /// What the values are, with their unit (`wait, mean (h)`).
  var axisLabel: String
  var unit: DisplayUnit
  var references: [(value: Double, label: String)] = []
  var width: Double = 720
  var labelWidth: Double = 190

  func render(label: String) -> PageNode {
    let rowHeight = 16.0
    var frame = ChartFrame(width: width, height: 56 + 11 * Double(references.count) + rowHeight * Double(max(bars.count, 1)))
    frame.bottom = 44 + 11 * Double(references.count)
    frame.left = labelWidth
    frame.right = 56
    guard !bars.isEmpty else { return EmptyChart.render(label: label, width: width, reason: "no rows to show") }
    let ends = bars.map { $0.value + ($0.halfWidth ?? 0) }
    let scale = LinearScale(covering: ends, include: [0] + references.map(\.value), range: frame.xRange)
    var nodes = Axis.bottom(scale, frame: frame, label: axisLabel, unit: unit)
    for (i, bar) in bars.enumerated() {
      let y = frame.plotTop + rowHeight * Double(i)
      let x0 = scale(0)
      let hover = "\(bar.label): \(unit.text(bar.value))" + (bar.halfWidth.map { $0 > 0 ? " ± \(unit.text($0))" : "" } ?? "")
      nodes.append(SVG.text(bar.label, x: frame.plotLeft - 6, y: y + 11, anchor: "end", size: 10))
      if bar.value.isFinite {
        nodes.append(SVG.rect(x: min(x0, scale(bar.value)), y: y + 2, width: abs(scale(bar.value) - x0), height: rowHeight - 5,
                              fill: Palette.primary, title: hover))
        if let h = bar.halfWidth, h > 0 {
          let (lo, hi) = (scale(bar.value - h), scale(bar.value + h))
          nodes.append(SVG.line(x1: lo, y1: y + rowHeight / 2, x2: hi, y2: y + rowHeight / 2, stroke: "#111", width: 1))
          nodes.append(SVG.line(x1: lo, y1: y + 4, x2: lo, y2: y + rowHeight - 4, stroke: "#111"))
          nodes.append(SVG.line(x1: hi, y1: y + 4, x2: hi, y2: y + rowHeight - 4, stroke: "#111"))
        }
        nodes.append(SVG.text(unit.short(bar.value), x: scale(bar.value + (bar.halfWidth ?? 0)) + 4, y: y + 11, size: 9,
                              fill: "#333"))
      } else {
        nodes.append(SVG.text("no data", x: x0 + 4, y: y + 11, size: 9, fill: "#666"))
      }
    }
    for (i, r) in references.enumerated() {
      nodes += Axis.verticalReference(scale(r.value), frame: frame, label: r.label, row: i, belowPlot: true)
    }
    return SVG.svg(width: frame.width, height: frame.height, label: label, nodes)
  }
}

/// What a chart shows when it has nothing to draw: a framed note, so the page says so rather
/// than leaving a gap.
enum EmptyChart {
  static func render(label: String, width: Double, reason: String) -> PageNode {
    SVG.svg(width: width, height: 60, label: label, [
      SVG.rect(x: 0.5, y: 0.5, width: width - 1, height: 59, fill: "#fafafa", stroke: "#ccc"),
      SVG.text("\(label): \(reason)", x: width / 2, y: 34, anchor: "middle", size: 12, fill: "#555"),
    ])
  }
}
