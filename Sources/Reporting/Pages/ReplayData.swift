import Foundation
import ScenarioIO

/// Ambulance drives of a `--trace` folder (`ambulance-tracks.geojson`), with the calls they
/// answered (`ambulance-events.csv`), for the replay.
struct ReplayData {
  /// One drive: the ambulance, why it drove, and its path with the minute it reached each point.
  struct Drive {
    var ambulance: Int
    var purpose: String
    var points: [(lon: Double, lat: Double, minute: Double)]
  }

  /// A call answered: where and when the ambulance reached the patient.
  struct Call {
    var lon: Double
    var lat: Double
    var minute: Double
  }

  static let maximumDrives = 40_000

  var drives: [Drive]
  var calls: [Call]
  /// Drives left out to keep the page small.
  var omitted: Int
  var startDate: String?
  var folder: String
  var hash: String

  var bounds: GeoBox {
    var box = GeoBox.empty
    for d in drives { for p in d.points { box.include(lon: p.lon, lat: p.lat) } }
    return box
  }

  var firstMinute: Double { drives.map { $0.points.first?.minute ?? .infinity }.min() ?? 0 }
  var lastMinute: Double { drives.map { $0.points.last?.minute ?? -.infinity }.max() ?? 0 }

  static func load(_ folder: String, startDate: String?) throws(ReportError) -> ReplayData {
    let path = folder + "/ambulance-tracks.geojson"
    guard let bytes = FileManager.default.contents(atPath: path) else {
      throw ReportError("no ambulance-tracks.geojson in '\(folder)': give the folder of a --trace run with ambulances")
    }
    guard let root = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
          let features = root["features"] as? [[String: Any]] else {
      throw ReportError("'\(path)' is not GeoJSON")
    }
    var drives: [Drive] = []
    for f in features {
      guard let p = f["properties"] as? [String: Any], let g = f["geometry"] as? [String: Any],
            let coordinates = g["coordinates"] as? [[Double]], let times = p["times"] as? [String],
            times.count == coordinates.count, let ambulance = p["ambulance"] as? Int else { continue }
      let points = zip(coordinates, times).compactMap { c, t -> (lon: Double, lat: Double, minute: Double)? in
        guard c.count >= 2, let m = minute(of: t, startDate: startDate) else { return nil }
        return (c[0], c[1], m)
      }
      if points.count >= 2 { drives.append(Drive(ambulance: ambulance, purpose: p["purpose"] as? String ?? "", points: points)) }
    }
    drives.sort { ($0.points[0].minute, $0.ambulance) < ($1.points[0].minute, $1.ambulance) }
    let omitted = max(drives.count - maximumDrives, 0)
    drives = Array(drives.prefix(maximumDrives))
    return ReplayData(drives: drives, calls: calls(folder + "/ambulance-events.csv", startDate: startDate), omitted: omitted,
                      startDate: startDate, folder: folder, hash: FNV1a.text(of: bytes))
  }

  /// Where ambulances reached patients (`at_scene` events).
  private static func calls(_ path: String, startDate: String?) -> [Call] {
    guard let t = DataTable(file: path), let events = t.strings("event"), let lat = t.numbers("lat"), let lon = t.numbers("lon"),
          let minutes = t.numbers("time_min") else { return [] }
    return events.indices.filter { events[$0] == "at_scene" }.map { Call(lon: lon[$0], lat: lat[$0], minute: minutes[$0]) }
  }

  /// Minutes since midnight of `startDate` of an ISO 8601 local timestamp
  /// (`2024-04-04T00:21:27+05:30`, as traces write them).
  static func minute(of timestamp: String, startDate: String?) -> Double? {
    let parts = timestamp.split(separator: "T")
    guard parts.count == 2, let day = CivilDate(String(parts[0])) else { return nil }
    let clock = parts[1].prefix(8).split(separator: ":").compactMap { Double($0) }
    guard clock.count == 3 else { return nil }
    let origin = startDate.flatMap(CivilDate.init)?.daysSinceEpoch ?? day.daysSinceEpoch
    return Double(day.daysSinceEpoch - origin) * 1440 + clock[0] * 60 + clock[1] + clock[2] / 60
  }
}
