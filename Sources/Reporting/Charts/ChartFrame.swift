/// The drawing area of a chart: the whole picture and the plot inside its margins.
struct ChartFrame {
  var width: Double
  var height: Double
  var left: Double = 64
  var right: Double = 16
  var top: Double = 12
  var bottom: Double = 44

  var plotLeft: Double { left }
  var plotRight: Double { width - right }
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }
  var xRange: (low: Double, high: Double) { (plotLeft, plotRight) }
  /// Page y grows downwards, so a value axis maps low values to the bottom.
  var yRange: (low: Double, high: Double) { (plotBottom, plotTop) }
}

/// Axis lines, ticks, grid and labels.
enum Axis {
  /// A value axis on the left with light grid lines across the plot, and its label turned
  /// upright along the side.
  static func left(_ scale: LinearScale, frame: ChartFrame, label: String, unit: DisplayUnit = .same("")) -> [PageNode] {
    left(scale, frame: frame, label: label, format: { unit.tick($0, step: scale.step) })
  }

  static func left(_ scale: LinearScale, frame: ChartFrame, label: String, format: (Double) -> String) -> [PageNode] {
    var nodes: [PageNode] = []
    for t in scale.ticks {
      let y = scale(t)
      nodes.append(SVG.line(x1: frame.plotLeft, y1: y, x2: frame.plotRight, y2: y, stroke: "#e3e3e3"))
      nodes.append(SVG.text(format(t), x: frame.plotLeft - 6, y: y + 4, anchor: "end", size: 10))
    }
    nodes.append(SVG.line(x1: frame.plotLeft, y1: frame.plotTop, x2: frame.plotLeft, y2: frame.plotBottom))
    let middle = (frame.plotTop + frame.plotBottom) / 2
    nodes.append(SVG.text(label, x: 14, y: middle, anchor: "middle", size: 11, rotate: -90))
    return nodes
  }

  /// A value axis along the bottom, with grid lines up the plot and its label below.
  static func bottom(_ scale: LinearScale, frame: ChartFrame, label: String, unit: DisplayUnit = .same("")) -> [PageNode] {
    bottom(scale, frame: frame, label: label, format: { unit.tick($0, step: scale.step) })
  }

  static func bottom(_ scale: LinearScale, frame: ChartFrame, label: String, format: (Double) -> String) -> [PageNode] {
    bottom(ticks: scale.ticks.map { (scale($0), format($0)) }, frame: frame, label: label, grid: true)
  }

  /// Labelled ticks at given page positions along the bottom.
  static func bottom(ticks: [(x: Double, text: String)], frame: ChartFrame, label: String, grid: Bool) -> [PageNode] {
    var nodes: [PageNode] = []
    for (x, text) in ticks {
      if grid { nodes.append(SVG.line(x1: x, y1: frame.plotTop, x2: x, y2: frame.plotBottom, stroke: "#e3e3e3")) }
      nodes.append(SVG.line(x1: x, y1: frame.plotBottom, x2: x, y2: frame.plotBottom + 4))
      nodes.append(SVG.text(text, x: x, y: frame.plotBottom + 16, anchor: "middle", size: 10))
    }
    nodes.append(SVG.line(x1: frame.plotLeft, y1: frame.plotBottom, x2: frame.plotRight, y2: frame.plotBottom))
    nodes.append(SVG.text(label, x: (frame.plotLeft + frame.plotRight) / 2, y: frame.height - 8, anchor: "middle", size: 11))
    return nodes
  }

  /// A labelled reference line across the plot at value `y` (a target, the 85% line).
  static func horizontalReference(_ y: Double, frame: ChartFrame, label: String) -> [PageNode] {
    [SVG.line(x1: frame.plotLeft, y1: y, x2: frame.plotRight, y2: y, stroke: Palette.reference, width: 1.5, dash: "6 4"),
     SVG.text(label, x: frame.plotRight - 4, y: y - 4, anchor: "end", size: 10, weight: "bold", fill: Palette.reference)]
  }

  /// A labelled reference line up the plot at page x.
  /// With `belowPlot`, the label goes under the axis (for charts whose rows fill the plot).
  static func verticalReference(_ x: Double, frame: ChartFrame, label: String, row: Int = 0,
                                belowPlot: Bool = false) -> [PageNode] {
    // Labels near the right edge go on the line's left, so they stay inside the picture.
    let leftOfLine = x + 6 * Double(label.count) > frame.width
    let y = belowPlot ? frame.plotBottom + 28 + Double(row) * 11 : frame.plotTop + 10 + Double(row) * 12
    return [SVG.line(x1: x, y1: frame.plotTop, x2: x, y2: frame.plotBottom + (belowPlot ? 20 + Double(row) * 11 : 0),
                     stroke: Palette.reference, width: 1.5, dash: "6 4"),
            SVG.text(label, x: leftOfLine ? x - 4 : x + 4, y: y, anchor: leftOfLine ? "end" : "start",
                     size: 10, weight: "bold", fill: Palette.reference)]
  }
}
