import Foundation
import ScenarioIO

/// Named areas (districts, blocks) read from a GeoJSON FeatureCollection of Polygons and
/// MultiPolygons, for maps. Coordinates are (longitude, latitude) in degrees.
public struct Boundaries: Sendable {
  /// One named area: its rings (outer boundaries and holes alike; drawn with the even-odd rule).
  public struct Area: Sendable {
    public var name: String
    /// The district it belongs to, for blocks.
    public var district: String?
    public var rings: [[(lon: Double, lat: Double)]]
  }

  public var areas: [Area]
  /// The file read and the FNV-1a hash of its bytes, for the run record.
  public var file: String
  public var hash: String

  /// Reads `path`, naming each area by the first property of `nameKeys` it has.
  /// - Throws: ``ReportError`` when the file cannot be read or is not GeoJSON polygons.
  public static func load(_ path: String, nameKeys: [String]) throws(ReportError) -> Boundaries {
    guard let data = FileManager.default.contents(atPath: path) else { throw ReportError("cannot read '\(path)'") }
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let features = root["features"] as? [[String: Any]] else {
      throw ReportError("'\(path)' is not a GeoJSON FeatureCollection")
    }
    var areas: [Area] = []
    for feature in features {
      let properties = feature["properties"] as? [String: Any] ?? [:]
      guard let name = nameKeys.lazy.compactMap({ properties[$0] as? String }).first,
            let geometry = feature["geometry"] as? [String: Any] else { continue }
      let rings = Self.rings(of: geometry)
      if !rings.isEmpty { areas.append(Area(name: name, district: properties["district"] as? String, rings: rings)) }
    }
    guard !areas.isEmpty else { throw ReportError("'\(path)' holds no named polygons (looked for \(nameKeys.joined(separator: ", ")))") }
    return Boundaries(areas: areas, file: path, hash: FNV1a.text(of: data))
  }

  private static func rings(of geometry: [String: Any]) -> [[(lon: Double, lat: Double)]] {
    let polygons: [[[[Double]]]]
    switch geometry["type"] as? String {
    case "Polygon": polygons = [(geometry["coordinates"] as? [[[Double]]]) ?? []]
    case "MultiPolygon": polygons = (geometry["coordinates"] as? [[[[Double]]]]) ?? []
    default: polygons = []
    }
    return polygons.flatMap { polygon in
      polygon.map { ring in ring.compactMap { $0.count >= 2 && $0[0].isFinite && $0[1].isFinite ? ($0[0], $0[1]) : nil } }
    }.filter { $0.count >= 3 }
  }

  /// The smallest box holding every area.
  var bounds: GeoBox {
    var box = GeoBox.empty
    for a in areas { for r in a.rings { for p in r { box.include(lon: p.lon, lat: p.lat) } } }
    return box
  }
}

/// A failure to build a report, said in words.
public struct ReportError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
