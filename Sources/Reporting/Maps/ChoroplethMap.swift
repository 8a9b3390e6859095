/// A map of areas coloured by a value, with a colour key, the value on hover and, when there
/// is room, written in the area; optional points (facilities) sized by a second value.
struct ChoroplethMap {
  /// A place drawn as a circle whose area is proportional to `size`.
  struct Point {
    var lon: Double
    var lat: Double
    var size: Double
    var label: String
  }

  var boundaries: Boundaries
  /// Value by area name; areas without one are grey and say "no data".
  var values: [String: Double]
  var colours: ColourScale
  var legendTitle: String
  var unit: DisplayUnit
  /// Written after the value on hover (e.g. "± 1.2 h" or "3 hubs").
  var notes: [String: String] = [:]
  var points: [Point] = []
  var pointsTitle: String?
  /// Areas drawn as context (thin outlines, no fill) above the coloured ones: districts over blocks.
  var outlines: Boundaries?
  var width: Double = 540
  var height: Double = 400

  func render(label: String) -> PageNode {
    let mapHeight = height - 70
    let box = boundaries.bounds.padded(0.02)
    let project = MapProjection(fitting: box, width: width, height: mapHeight)
    var nodes: [PageNode] = []
    var missing = false
    for area in boundaries.areas {
      let value = values[area.name]
      if value == nil { missing = true }
      let hover = "\(area.name): " + (value.map { unit.text($0) } ?? "no data") + (notes[area.name].map { " " + $0 } ?? "")
      nodes.append(SVG.element("path", ["d": project.path(area.rings), "fill": colours.colour(value), "fill-rule": "evenodd",
                                        "stroke": "#fff", "stroke-width": "0.6", "class": "area"], [SVG.title(hover)]))
    }
    if let outlines {
      for area in outlines.areas {
        nodes.append(SVG.path(project.path(area.rings), stroke: "#333", width: 0.9))
      }
    }
    nodes += drawPoints(project)
    nodes += Legend.ramp(colours, title: legendTitle, unit: unit, x: 10, y: mapHeight + 14, showNoData: missing)
    return SVG.svg(width: width, height: height, label: label, nodes)
  }

  private func drawPoints(_ project: MapProjection) -> [PageNode] {
    let largest = points.map(\.size).filter(\.isFinite).max() ?? 0
    guard largest > 0 else { return [] }
    var nodes: [PageNode] = []
    // Largest first, so small circles stay visible on top.
    for p in points.sorted(by: { $0.size > $1.size }) where p.size.isFinite && p.size > 0 {
      let q = project(lon: p.lon, lat: p.lat)
      nodes.append(SVG.element("circle", ["cx": SVG.n(q.x), "cy": SVG.n(q.y), "r": SVG.n(1.5 + 7 * (p.size / largest).squareRoot()),
                                          "fill": "#E69F00", "fill-opacity": "0.75", "stroke": "#111", "stroke-width": "0.8",
                                          "class": "facility"], [SVG.title(p.label)]))
    }
    if let pointsTitle {
      nodes.append(SVG.circle(cx: 16, cy: height - 8, r: 5, fill: "#E69F00", stroke: "#111"))
      nodes.append(SVG.text(pointsTitle, x: 26, y: height - 4, size: 10))
    }
    return nodes
  }
}

extension Boundaries.Area {
  var bounds: GeoBox {
    var box = GeoBox.empty
    for r in rings { for p in r { box.include(lon: p.lon, lat: p.lat) } }
    return box
  }
}
