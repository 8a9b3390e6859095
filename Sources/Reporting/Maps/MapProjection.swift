import Foundation

/// A longitude/latitude box.
struct GeoBox {
  var west = Double.infinity
  var east = -Double.infinity
  var south = Double.infinity
  var north = -Double.infinity

  static let empty = GeoBox()

  var isEmpty: Bool { west > east || south > north }

  mutating func include(lon: Double, lat: Double) {
    west = min(west, lon)
    east = max(east, lon)
    south = min(south, lat)
    north = max(north, lat)
  }

  /// The box grown by `share` of its size on every side (at least a hundredth of a degree).
  func padded(_ share: Double) -> GeoBox {
    let dx = max((east - west) * share, 0.01)
    let dy = max((north - south) * share, 0.01)
    return GeoBox(west: west - dx, east: east + dx, south: south - dy, north: north + dy)
  }

  func overlaps(_ other: GeoBox) -> Bool {
    !(other.west > east || other.east < west || other.south > north || other.north < south)
  }
}

/// An equirectangular projection scaled by the cosine of the middle latitude (true shapes at
/// the scale of a state), fitted inside a width × height page area.
struct MapProjection {
  let box: GeoBox
  let scale: Double
  let offsetX: Double
  let offsetY: Double
  let squeeze: Double
  let width: Double
  let height: Double

  init(fitting box: GeoBox, width: Double, height: Double) {
    let box = box.isEmpty ? GeoBox(west: 0, east: 1, south: 0, north: 1) : box
    squeeze = cos((box.south + box.north) / 2 * .pi / 180)
    let w = max((box.east - box.west) * squeeze, 1e-9)
    let h = max(box.north - box.south, 1e-9)
    scale = min(width / w, height / h)
    offsetX = (width - w * scale) / 2
    offsetY = (height - h * scale) / 2
    self.box = box
    self.width = width
    self.height = height
  }

  func callAsFunction(lon: Double, lat: Double) -> (x: Double, y: Double) {
    (offsetX + (lon - box.west) * squeeze * scale, offsetY + (box.north - lat) * scale)
  }

  /// An SVG path of `rings`, dropping points closer than `tolerance` page units to the last
  /// one kept: at map size a district's survey-grade outline needs a fraction of its points.
  func path(_ rings: [[(lon: Double, lat: Double)]], tolerance: Double = 0.7) -> String {
    var d = ""
    for ring in rings {
      var kept: [(Double, Double)] = []
      for p in ring {
        let q = self(lon: p.lon, lat: p.lat)
        if let last = kept.last, abs(q.x - last.0) < tolerance && abs(q.y - last.1) < tolerance { continue }
        kept.append((q.x, q.y))
      }
      if kept.count >= 3 { d += SVG.d(kept, closed: true) }
    }
    return d
  }
}
