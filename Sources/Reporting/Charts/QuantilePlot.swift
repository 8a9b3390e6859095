/// One row per group showing a distribution by its quantiles: a box from the 25th to the 75th
/// percentile, whiskers to the 10th and 90th, a bar at the median, and marks at the 95th
/// (circle) and 99th (cross). Shapes, not colours, tell the quantiles apart.
struct QuantilePlot {
  struct Row {
    var label: String
    /// p10, p25, p50, p75, p90, p95, p99.
    var quantiles: [Double]
  }

  static let names = ["p10", "p25", "p50", "p75", "p90", "p95", "p99"]

  var rows: [Row]
  var axisLabel: String
  var unit: DisplayUnit
  var references: [(value: Double, label: String)] = []
  var width: Double = 720

  func render(label: String) -> PageNode {
    let rows = self.rows.filter { $0.quantiles.count == Self.names.count }
    guard !rows.isEmpty else { return EmptyChart.render(label: label, width: width, reason: "no waits recorded") }
    let rowHeight = 22.0
    var frame = ChartFrame(width: width, height: 80 + 11 * Double(references.count) + rowHeight * Double(rows.count))
    frame.left = 170
    frame.top = 30
    frame.bottom = 44 + 11 * Double(references.count)
    let scale = LinearScale(covering: rows.flatMap(\.quantiles), include: [0] + references.map(\.value), range: frame.xRange)
    var nodes = Axis.bottom(scale, frame: frame, label: axisLabel, unit: unit)
    nodes += legend(frame: frame)
    for (i, row) in rows.enumerated() {
      let q = row.quantiles.map(scale.callAsFunction)
      let y = frame.plotTop + rowHeight * Double(i) + rowHeight / 2
      let hover = row.label + ": " + zip(Self.names, row.quantiles).map { "\($0) \(unit.text($1))" }.joined(separator: ", ")
      nodes.append(SVG.text(row.label, x: frame.plotLeft - 8, y: y + 4, anchor: "end", size: 10))
      nodes.append(SVG.g([:], [
        SVG.title(hover),
        SVG.line(x1: q[0], y1: y, x2: q[4], y2: y, stroke: "#333"),
        SVG.line(x1: q[0], y1: y - 4, x2: q[0], y2: y + 4, stroke: "#333"),
        SVG.line(x1: q[4], y1: y - 4, x2: q[4], y2: y + 4, stroke: "#333"),
        SVG.rect(x: q[1], y: y - 6, width: max(q[3] - q[1], 1), height: 12, fill: "#9ecae1", stroke: "#2171b5"),
        SVG.line(x1: q[2], y1: y - 7, x2: q[2], y2: y + 7, stroke: "#08306b", width: 2.5),
        SVG.circle(cx: q[5], cy: y, r: 3.5, fill: "none", stroke: "#08306b"),
        SVG.path("M\(SVG.n(q[6] - 3.5)) \(SVG.n(y - 3.5))L\(SVG.n(q[6] + 3.5)) \(SVG.n(y + 3.5))M\(SVG.n(q[6] - 3.5)) "
                 + "\(SVG.n(y + 3.5))L\(SVG.n(q[6] + 3.5)) \(SVG.n(y - 3.5))", stroke: "#08306b", width: 1.5),
      ]))
    }
    for (i, r) in references.enumerated() {
      nodes += Axis.verticalReference(scale(r.value), frame: frame, label: r.label, row: i, belowPlot: true)
    }
    return SVG.svg(width: frame.width, height: frame.height, label: label, nodes)
  }

  private func legend(frame: ChartFrame) -> [PageNode] {
    let y = 14.0
    var x = frame.plotLeft
    var nodes: [PageNode] = []
    func item(_ shape: PageNode, _ text: String, _ w: Double) {
      nodes.append(shape)
      nodes.append(SVG.text(text, x: x + 16, y: y + 4, size: 10))
      x += w
    }
    item(SVG.rect(x: x, y: y - 5, width: 12, height: 10, fill: "#9ecae1", stroke: "#2171b5"), "25th–75th percentile", 150)
    item(SVG.line(x1: x + 6, y1: y - 6, x2: x + 6, y2: y + 6, stroke: "#08306b", width: 2.5), "median", 70)
    item(SVG.line(x1: x, y1: y, x2: x + 12, y2: y, stroke: "#333"), "10th–90th", 90)
    item(SVG.circle(cx: x + 6, cy: y, r: 3.5, fill: "none", stroke: "#08306b"), "95th", 56)
    item(SVG.path("M\(SVG.n(x + 2.5)) \(SVG.n(y - 3.5))L\(SVG.n(x + 9.5)) \(SVG.n(y + 3.5))M\(SVG.n(x + 2.5)) "
                  + "\(SVG.n(y + 3.5))L\(SVG.n(x + 9.5)) \(SVG.n(y - 3.5))", stroke: "#08306b", width: 1.5), "99th", 56)
    return nodes
  }
}
