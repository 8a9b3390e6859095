import CareModel
import ScenarioIO
import SimKernel

/// A traced replication's ambulance movements as files for a map: a CSV of events and a
/// GeoJSON FeatureCollection of drives with a timestamp at every vertex.
public enum AmbulanceTracks {
  /// `entity,event,time_min,timestamp,lat,lon,call,detail`, one row per movement.
  public static func csv(_ trace: CareTrace) -> String {
    var text = "entity,event,time_min,timestamp,lat,lon,call,detail\n"
    guard let roads = trace.roads else { return text }
    for m in trace.movements {
      let p = roads[node: m.node]
      let detail = m.hospital.map { "hospital=\(trace.facilityNames[$0.index])" }
        ?? m.response.map { "response_min=\($0.minutes)" } ?? ""
      text += "ambulance-\(m.ambulance),\(m.kind.rawValue),\(m.time.minutes),"
        + "\(Timestamp.iso8601(m.time, startDate: trace.startDate)),\(p.latitude),\(p.longitude),\(m.call ?? -1),\(detail)\n"
    }
    return text
  }

  /// The drives as GeoJSON: each follows its shortest path, with vertex times spread in
  /// proportion to free-flow time along the path. Paths come from trees rooted at the
  /// facility end of each drive (roads run both ways), so few trees are needed.
  public static func geoJSON(_ trace: CareTrace) -> String {
    guard let roads = trace.roads else { return "{\"type\":\"FeatureCollection\",\"features\":[]}\n" }
    var trees: [RoadNodeID: PathTree] = [:]
    var features: [String] = []
    for m in trace.movements {
      guard let drive = m.drive else { continue }
      // Drives to a scene start at a facility; drives to hospital or base end at one.
      let rootAtStart = m.kind == .toScene
      let root = rootAtStart ? m.node : drive.to
      let other = rootAtStart ? drive.to : m.node
      let tree = trees[root] ?? PathTree(graph: roads, source: root)
      trees[root] = tree
      var path = tree.path(to: other)
      if path.isEmpty { path = [root, other] }
      if !rootAtStart { path.reverse() }
      if path.count == 1 { path.append(path[0]) }
      let total = tree.minutes(to: other)
      let coordinates = path.map { "[\(roads[node: $0].longitude),\(roads[node: $0].latitude)]" }
      let times = path.map { v -> String in
        let fromRoot = total > 0 && total.isFinite ? tree.minutes(to: v) / total : 1
        let share = rootAtStart ? fromRoot : 1 - fromRoot
        let t = SimTime(minutes: m.time.minutes + share * (drive.arrival.minutes - m.time.minutes))
        return "\"" + Timestamp.iso8601(t, startDate: trace.startDate) + "\""
      }
      features.append(
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + coordinates.joined(separator: ",")
          + "]},\"properties\":{\"ambulance\":\(m.ambulance),\"purpose\":\"\(m.kind.rawValue)\",\"call\":\(m.call ?? -1),"
          + "\"depart_min\":\(m.time.minutes),\"arrive_min\":\(drive.arrival.minutes),\"times\":["
          + times.joined(separator: ",") + "]}}")
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
  }
}

/// Instants of a run as calendar timestamps.
public enum Timestamp {
  /// ISO 8601 in India Standard Time of `time` (day 0 starts at midnight of `startDate`,
  /// `YYYY-MM-DD`), built by hand: thousands are written per trace.
  public static func iso8601(_ time: SimTime, startDate: String) -> String {
    guard let start = CivilDate(startDate) else { return String(time.minutes) }
    let seconds = Int((time.minutes * 60).rounded())
    let secondsPerDay = Int(SimDuration.day.minutes) * 60
    let date = CivilDate(daysSinceEpoch: start.daysSinceEpoch + seconds / secondsPerDay)
    let s = seconds % secondsPerDay
    func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
    return "\(date.text)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))+05:30"
  }

  /// `YYYY-MM-DD` of day `day` of a run that starts on `startDate`.
  public static func date(ofDay day: Int, startDate: String) -> String? {
    CivilDate(startDate).map { CivilDate(daysSinceEpoch: $0.daysSinceEpoch + day).text }
  }
}
