/// Lines over a numeric x axis, each with an optional 95% CI band, told apart by colour and
/// dash pattern (and point markers when sparse), with horizontal references (targets, the
/// 85% line) and labelled vertical markers (upgrades, the knee of a curve).
struct LineChart {
  struct Point {
    var x: Double
    var y: Double
    var halfWidth: Double?
  }

  struct Series {
    var name: String
    var points: [Point]
  }

  var series: [Series]
  var xLabel: String
  var yLabel: String
  var yUnit: DisplayUnit
  /// Tick text for x values (dates for day numbers); default: the number.
  var xTickText: ((Double) -> String)?
  var horizontal: [(value: Double, label: String)] = []
  var vertical: [(value: Double, label: String)] = []
  var includeZero = true
  var width: Double = 900
  var height: Double = 300

  func render(label: String) -> PageNode {
    let all = series.flatMap(\.points).filter { $0.y.isFinite && $0.x.isFinite }
    guard !all.isEmpty else { return EmptyChart.render(label: label, width: width, reason: "no data") }
    var frame = ChartFrame(width: width, height: height)
    frame.top = series.count > 1 ? 28 : 14
    let x = LinearScale(covering: all.map(\.x), include: vertical.map(\.value), range: frame.xRange, tickCount: 8)
    let ends = all.flatMap { [$0.y - ($0.halfWidth ?? 0), $0.y + ($0.halfWidth ?? 0)] }
    let y = LinearScale(covering: ends, include: (includeZero ? [0] : []) + horizontal.map(\.value), range: frame.yRange)
    var nodes = Axis.left(y, frame: frame, label: yLabel, unit: yUnit)
    if let xTickText {
      nodes += Axis.bottom(x, frame: frame, label: xLabel, format: xTickText)
    } else {
      nodes += Axis.bottom(x, frame: frame, label: xLabel)
    }
    for (i, s) in series.enumerated() {
      nodes += draw(s, style: i, x: x, y: y)
    }
    for r in horizontal {
      nodes += Axis.horizontalReference(y(r.value), frame: frame, label: r.label)
    }
    for (i, v) in vertical.enumerated() {
      nodes += Axis.verticalReference(x(v.value), frame: frame, label: v.label, row: i % 3)
    }
    if series.count > 1 {
      nodes += Legend.series(series.enumerated().map { i, s in (s.name, colour(i), dash(i)) }, x: frame.plotLeft, y: 12)
    }
    return SVG.svg(width: width, height: height, label: label, nodes)
  }

  private func colour(_ i: Int) -> String { Palette.categorical[i % Palette.categorical.count] }
  private func dash(_ i: Int) -> String { Palette.dashes[i % Palette.dashes.count] }

  private func draw(_ s: Series, style i: Int, x: LinearScale, y: LinearScale) -> [PageNode] {
    let points = s.points.filter { $0.y.isFinite && $0.x.isFinite }
    guard !points.isEmpty else { return [] }
    var nodes: [PageNode] = []
    if points.contains(where: { ($0.halfWidth ?? 0) > 0 }) {
      let upper = points.map { (x($0.x), y($0.y + ($0.halfWidth ?? 0))) }
      let lower = points.reversed().map { (x($0.x), y($0.y - ($0.halfWidth ?? 0))) }
      nodes.append(SVG.element("path", ["d": SVG.d(upper + lower, closed: true), "fill": colour(i), "fill-opacity": "0.18",
                                        "stroke": "none"]))
    }
    nodes.append(SVG.path(SVG.d(points.map { (x($0.x), y($0.y)) }), stroke: colour(i), width: 2, dash: dash(i),
                          title: s.name))
    // Few points: mark each, with its value on hover.
    if points.count <= 40 {
      for p in points {
        let text = "\(s.name): \(xTickText?(p.x) ?? DisplayUnit.readable(p.x)) → \(yUnit.text(p.y))"
          + (p.halfWidth.map { $0 > 0 ? " ± \(yUnit.text($0))" : "" } ?? "")
        nodes.append(SVG.circle(cx: x(p.x), cy: y(p.y), r: 3.5, fill: colour(i), stroke: "#fff", title: text))
      }
    }
    return nodes
  }
}
