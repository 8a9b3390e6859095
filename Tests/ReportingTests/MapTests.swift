import Foundation
import Testing

@testable import Reporting

@Suite("Maps")
struct MapTests {
  /// Two square districts side by side, 1° each, near Bihar's latitude.
  func twoDistricts() throws -> Boundaries {
    let json = """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"district":"East"},"geometry":{"type":"Polygon","coordinates":[[[86,25],[87,25],[87,26],[86,26],[86,25]]]}},
      {"type":"Feature","properties":{"district":"West"},"geometry":{"type":"MultiPolygon","coordinates":[[[[85,25],[86,25],[86,26],[85,26],[85,25]]]]}},
      {"type":"Feature","properties":{"other":"unnamed"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}
      ]}
      """
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("districts-\(UUID().uuidString).geojson")
    try json.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    return try Boundaries.load(file.path, nameKeys: ["district"])
  }

  @Test("GeoJSON polygons and multipolygons are read by name; unnamed features are skipped")
  func readsBoundaries() throws {
    let b = try twoDistricts()
    #expect(b.areas.map(\.name) == ["East", "West"])
    #expect(b.bounds.west == 85 && b.bounds.east == 87)
    #expect(b.hash.count == 16)
  }

  @Test("a file that is not GeoJSON is a clear error")
  func badBoundaries() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).geojson")
    try "not json".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: ReportError.self) { try Boundaries.load(file.path, nameKeys: ["district"]) }
    #expect(throws: ReportError.self) { try Boundaries.load("/nonexistent/x.geojson", nameKeys: ["district"]) }
  }

  @Test("the projection keeps shapes true (a degree of longitude is shorter than one of latitude) and fits the box")
  func projection() {
    let p = MapProjection(fitting: GeoBox(west: 85, east: 87, south: 25, north: 26), width: 400, height: 400)
    let sw = p(lon: 85, lat: 25), ne = p(lon: 87, lat: 26)
    let width = ne.x - sw.x, height = sw.y - ne.y
    #expect(abs(width / height - 2 * cos(25.5 * .pi / 180)) < 1e-9)
    #expect(sw.x >= 0 && ne.x <= 400 && ne.y >= 0 && sw.y <= 400)
    #expect(abs(width - 400) < 1e-9, "the wider side fills the picture")
  }

  @Test("a district with no data is grey, says 'no data' on hover, and the key shows the grey")
  func districtWithoutData() throws {
    let map = ChoroplethMap(boundaries: try twoDistricts(), values: ["East": 2.5], colours: .sequential([2.5]),
                            legendTitle: "wait (h)", unit: .same("h")).render(label: "wait").render()
    #expect(map.contains("<title>West: no data</title>"))
    #expect(map.contains("fill=\"\(Palette.noData)\""))
    #expect(map.contains("<title>East: 2.50 h</title>"))
    #expect(map.contains(">no data<"), "the key explains the grey")
    let full = ChoroplethMap(boundaries: try twoDistricts(), values: ["East": 1, "West": 3], colours: .sequential([1, 3]),
                             legendTitle: "w", unit: .same("h")).render(label: "w").render()
    #expect(!full.contains("no data"))
  }

  @Test("points are sized by area: four times the load, twice the radius above the base")
  func pointSizes() throws {
    let map = ChoroplethMap(boundaries: try twoDistricts(), values: [:], colours: .sequential([]), legendTitle: "t",
                            unit: .same(""), points: [.init(lon: 85.5, lat: 25.5, size: 100, label: "big"),
                                                      .init(lon: 86.5, lat: 25.5, size: 25, label: "small")])
      .render(label: "m").render()
    let radii = map.components(separatedBy: "class=\"facility\"").dropLast().compactMap { chunk -> Double? in
      guard let r = chunk.range(of: "r=\"", options: .backwards) else { return nil }
      return Double(chunk[r.upperBound...].prefix { $0 != "\"" })
    }
    #expect(radii.count == 2)
    #expect(abs((radii[0] - 1.5) / (radii[1] - 1.5) - 2) < 0.05, "radii \(radii)")
  }
}
