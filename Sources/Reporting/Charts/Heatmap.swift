/// A grid of cells coloured by value (viridis), each cell also showing its value as text so
/// the chart reads without colour, with a colour key.
struct Heatmap {
  var rowLabels: [String]
  var columnLabels: [String]
  /// `values[row][column]`; NaN is "no data".
  var values: [[Double]]
  var xLabel: String
  var legendTitle: String
  var width: Double = 900

  func render(label: String) -> PageNode {
    let columns = columnLabels.count
    guard !rowLabels.isEmpty, columns > 0, values.count == rowLabels.count, values.allSatisfy({ $0.count == columns }) else {
      return EmptyChart.render(label: label, width: width, reason: "no data")
    }
    var frame = ChartFrame(width: width, height: 0)
    frame.left = 48
    frame.top = 8
    frame.bottom = 40
    let cellWidth = (frame.width - frame.left - frame.right) / Double(columns)
    let cellHeight = 22.0
    frame.height = frame.top + cellHeight * Double(rowLabels.count) + frame.bottom + 60
    let colours = ColourScale.sequential(values.flatMap { $0 })
    var nodes: [PageNode] = []
    for (r, row) in values.enumerated() {
      let y = frame.top + cellHeight * Double(r)
      nodes.append(SVG.text(rowLabels[r], x: frame.left - 6, y: y + 15, anchor: "end", size: 10))
      for (c, value) in row.enumerated() {
        let x = frame.left + cellWidth * Double(c)
        let fill = colours.colour(value)
        nodes.append(SVG.rect(x: x, y: y, width: cellWidth - 1, height: cellHeight - 1, fill: fill,
                              title: "\(rowLabels[r]) \(columnLabels[c]): \(DisplayUnit.readable(value))"))
        if value.isFinite {
          nodes.append(SVG.text(DisplayUnit.readable(value), x: x + cellWidth / 2, y: y + 15, anchor: "middle", size: 8,
                                fill: Palette.ink(on: fill)))
        }
      }
    }
    let gridBottom = frame.top + cellHeight * Double(rowLabels.count)
    for (c, text) in columnLabels.enumerated() {
      nodes.append(SVG.text(text, x: frame.left + cellWidth * (Double(c) + 0.5), y: gridBottom + 13, anchor: "middle", size: 9))
    }
    nodes.append(SVG.text(xLabel, x: (frame.left + frame.width) / 2, y: gridBottom + 28, anchor: "middle", size: 11))
    nodes += Legend.ramp(colours, title: legendTitle, unit: .same(""), x: frame.left, y: gridBottom + 46)
    return SVG.svg(width: frame.width, height: frame.height, label: label, nodes)
  }
}
