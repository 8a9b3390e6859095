/// Vertical bars over equal-width bins (a distribution), with the share of the total written
/// beside each reference line (e.g. "62% within 20 min").
struct Histogram {
  /// Each bin's lower edge, ascending; the last bin is as wide as the one before.
  var edges: [Double]
  var counts: [Double]
  var xLabel: String
  var yLabel: String
  var references: [(value: Double, label: String)] = []
  /// Whether each reference's label adds the share of the total below it ("62% within").
  var sharesBelowReferences = true
  /// Whether the last bin holds everything from its lower edge up (drawn with a "+" label).
  var lastBinIsOpen = false
  var colour = Palette.primary
  var width: Double = 460
  var height: Double = 240

  func render(label: String) -> PageNode {
    let total = counts.filter(\.isFinite).reduce(0, +)
    guard edges.count == counts.count, edges.count >= 1, total > 0 else {
      return EmptyChart.render(label: label, width: width, reason: "nothing recorded")
    }
    let step = edges.count > 1 ? edges[1] - edges[0] : 1
    let frame = ChartFrame(width: width, height: height)
    let x = LinearScale(covering: [edges[0], edges[edges.count - 1] + step], range: frame.xRange, tickCount: 6)
    let y = LinearScale(covering: counts, include: [0], range: frame.yRange)
    var nodes = Axis.left(y, frame: frame, label: yLabel)
    nodes += Axis.bottom(x, frame: frame, label: xLabel)
    for (i, (edge, count)) in zip(edges, counts).enumerated() where count.isFinite {
      let open = lastBinIsOpen && i == edges.count - 1
      let range = open ? "\(DisplayUnit.readable(edge)) or more" : "\(DisplayUnit.readable(edge))–\(DisplayUnit.readable(edge + step))"
      let hover = "\(range): \(DisplayUnit.readable(count)) (\(DisplayUnit.readable(100 * count / total))%)"
      if open, count > 0 {
        nodes.append(SVG.text("\(DisplayUnit.readable(edge))+", x: x(edge + step / 2), y: y(count) - 4, anchor: "middle", size: 9))
      }
      nodes.append(SVG.rect(x: x(edge) + 0.5, y: y(count), width: x(edge + step) - x(edge) - 1, height: y(0) - y(count),
                            fill: colour, title: hover))
    }
    for (i, r) in references.enumerated() {
      let within = zip(edges, counts).filter { $0.0 + step <= r.value + 1e-9 }.map(\.1).reduce(0, +)
      let text = sharesBelowReferences ? "\(r.label): \(DisplayUnit.readable(100 * within / total))% within" : r.label
      nodes += Axis.verticalReference(x(r.value), frame: frame, label: text, row: i)
    }
    return SVG.svg(width: width, height: height, label: label, nodes)
  }
}
