
/// One drive of an ambulance, kept only when a trace is asked for.
struct TrackLeg {
  var ambulance: Int
  var purpose: String
  var call: Int
  var fromNode: Int
  var toNode: Int
  var depart: Double
  var arrive: Double
}

/// Replication 0's event log, ambulance events as CSV and ambulance drives as GeoJSON, for
/// playing a day back on a map.
public struct CareTrace: Sendable {
  /// Every event, one line each (`d3 09:05.5 dispatch ambulance=…`).
  public var log: [String]
  /// `entity,event,time_min,timestamp,lat,lon,call,detail`.
  public var ambulanceEventsCSV: String
  /// A FeatureCollection of LineStrings, one per drive, with a timestamp per vertex
  /// (`properties.times`, ISO 8601 in India Standard Time).
  public var tracksGeoJSON: String
}

enum FleetTracks {
  /// ISO 8601 timestamp (India Standard Time) of `minutes` after midnight at the start of
  /// `startDate` (`YYYY-MM-DD`), built by hand: thousands are written per trace.
  static func timestamp(_ minutes: Double, startDate: String) -> String {
    let parts = startDate.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return String(minutes) }
    let seconds = Int((minutes * 60).rounded())
    let (y, m, d) = civil(daysFromCivil(parts[0], parts[1], parts[2]) + seconds / 86_400)
    let s = seconds % 86_400
    func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
    return "\(y)-\(two(m))-\(two(d))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))+05:30"
  }

  /// Days since 1970-01-01 (Howard Hinnant's algorithms).
  static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
  }

  static func civil(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// The drives as GeoJSON: each follows its shortest path, with vertex times spread in
  /// proportion to free-flow time along the path. Paths come from trees rooted at the
  /// facility end of each drive (roads run both ways), so few trees are needed.
  static func geoJSON(_ legs: [TrackLeg], graph: RoadGraph, startDate: String) -> String {
    var trees: [Int: PathTree] = [:]
    var features: [String] = []
    for leg in legs {
      // Drives to a scene start at a facility; drives to hospital or base end at one.
      let rootAtStart = leg.purpose == "to_scene"
      let root = rootAtStart ? leg.fromNode : leg.toNode
      let other = rootAtStart ? leg.toNode : leg.fromNode
      let tree = trees[root] ?? PathTree(graph: graph, source: root)
      trees[root] = tree
      var path = tree.path(to: other)
      if path.isEmpty { path = [root, other] }
      if !rootAtStart { path.reverse() }
      if path.count == 1 { path.append(path[0]) }
      let total = Double(tree.minutes[other])
      let coordinates = path.map { "[\(graph.nodes[$0].longitude),\(graph.nodes[$0].latitude)]" }
      let times = path.map { v -> String in
        let fromRoot = total > 0 && total.isFinite ? Double(tree.minutes[v]) / total : 1
        let share = rootAtStart ? fromRoot : 1 - fromRoot
        return "\"" + timestamp(leg.depart + share * (leg.arrive - leg.depart), startDate: startDate) + "\""
      }
      features.append(
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + coordinates.joined(separator: ",")
          + "]},\"properties\":{\"ambulance\":\(leg.ambulance),\"purpose\":\"\(leg.purpose)\",\"call\":\(leg.call),"
          + "\"depart_min\":\(leg.depart),\"arrive_min\":\(leg.arrive),\"times\":[" + times.joined(separator: ",") + "]}}")
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
  }
}
