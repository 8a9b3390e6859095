import CareModel
import Foundation

extension CareNetworkReader {
  struct RoadSettings {
    var graph: RoadGraph?
    var detour: Double
    var conditions: TravelConditions
    var startDayOfYear: Int
  }

  /// `roads: {detour: 1.35, nodes: nodes.csv, edges: edges.csv, geojson: roads.geojson,
  /// congestion: [24 factors], monsoon: {factor: 1.25, from: 06-01, to: 09-30}, speed_scale: 1.2}`.
  func readRoads(_ node: ScenarioNode?, startDays: Int) -> RoadSettings? {
    let startDayOfYear = dayOfYear(startDays)
    guard let node else {
      return RoadSettings(graph: nil, detour: ScenarioDefaults.roadDetour, conditions: TravelConditions(),
                          startDayOfYear: startDayOfYear)
    }
    guard let f = reader.fields(node, path: "ambulances.roads",
                                allowed: ["detour", "nodes", "edges", "geojson", "congestion", "monsoon", "speed_scale"])
    else { return nil }
    let detour = f["detour"].map { reader.number($0, path: "ambulances.roads.detour", atLeast: 1) }
      ?? ScenarioDefaults.roadDetour
    let congestion = f["congestion"].map { reader.numbers($0, path: "ambulances.roads.congestion", atLeast: 0.01) }
      ?? ScenarioDefaults.hourOfDay
    // No monsoon unless one is given: a factor of 1 (the days then do not matter).
    var monsoon = (factor: 1.0, days: ScenarioDefaults.monsoonFrom..<(ScenarioDefaults.monsoonTo + 1))
    if let m = f["monsoon"] {
      guard let mf = reader.fields(m, path: "ambulances.roads.monsoon", allowed: ["factor", "from", "to"], required: ["factor"]),
            let factor = mf["factor"].flatMap({ reader.number($0, path: mf.path("factor"), atLeast: 0.01) }) else { return nil }
      let from = mf["from"].flatMap { monthDay($0, path: mf.path("from")) } ?? ScenarioDefaults.monsoonFrom
      let to = mf["to"].flatMap { monthDay($0, path: mf.path("to")) } ?? ScenarioDefaults.monsoonTo
      monsoon = (factor, from..<max(from, to + 1))
    }
    // Every road's speed × scale: one number to calibrate travel against observed response times.
    let scale = f["speed_scale"].map { reader.number($0, path: "ambulances.roads.speed_scale", atLeast: 0.1, atMost: 10) } ?? 1
    guard let detour, let congestion, let scale else { return nil }
    guard congestion.count == 24 else {
      reader.report(.invalidValue, "give 24 congestion factors (00:00 first)", at: f["congestion"]!, path: "ambulances.roads.congestion")
      return nil
    }
    var graph: RoadGraph?
    if f.has("nodes") || f.has("edges") {
      guard let n = f["nodes"], let e = f["edges"] else {
        reader.report(.missingKey, "give both 'nodes' and 'edges' files", at: node, path: "ambulances.roads")
        return nil
      }
      guard let g = roadCSV(nodes: n, edges: e, detour: detour) else { return nil }
      graph = g
    } else if let g = f["geojson"] {
      guard let loaded = roadGeoJSON(g) else { return nil }
      graph = loaded
    }
    return RoadSettings(graph: graph, detour: detour,
                        conditions: TravelConditions(hourOfDay: congestion.map { $0 / scale }, monsoonFactor: monsoon.factor,
                                                     monsoonDays: monsoon.days),
                        startDayOfYear: startDayOfYear)
  }

  func dayOfYear(_ days: Int) -> Int {
    days - CivilDate(year: CalendarDate.year(ofDays: days), month: 1, day: 1).daysSinceEpoch
  }

  /// `MM-DD` as a 0-based day of a non-leap year.
  func monthDay(_ node: ScenarioNode, path: String) -> Int? {
    guard let text = reader.string(node, path: path), let d = CalendarDate.days("2021-" + text),
          let start = CalendarDate.days("2021-01-01") else {
      reader.report(.invalidValue, "'\(node.scalar ?? "")' is not a month and day", at: node, path: path, hint: "write MM-DD, e.g. 06-15")
      return nil
    }
    return d - start
  }

  /// Speeds a road may be given, km/h.
  static let roadSpeeds = 1.0...300
  /// Longest single road segment, km (Earth's circumference).
  static let longestRoadKm = 40_000.0

  /// `nodes.csv`: `id,lat,lon`; `edges.csv`: `from,to,length_km` and `class` (trunk, district,
  /// village) or `speed_kmh`. A missing length is the straight line × detour.
  func roadCSV(nodes: ScenarioNode, edges: ScenarioNode, detour: Double) -> RoadGraph? {
    guard let nodeName = reader.string(nodes, path: "ambulances.roads.nodes"),
          let edgeName = reader.string(edges, path: "ambulances.roads.edges"),
          let nt = CSVTable.load(ScenarioLoader.resolve(nodeName, relativeTo: nodes.location.file), reader: reader, at: nodes,
                                 keyPath: "ambulances.roads.nodes", required: ["id", "lat", "lon"]),
          let et = CSVTable.load(ScenarioLoader.resolve(edgeName, relativeTo: edges.location.file), reader: reader, at: edges,
                                 keyPath: "ambulances.roads.edges", required: ["from", "to"])
    else { return nil }
    var index: [String: Int] = [:]
    var points: [GeoPoint] = []
    var ok = true
    let (ci, la, lo) = (nt.column("id")!, nt.column("lat")!, nt.column("lon")!)
    for row in nt.rows {
      guard let lat = Double(row[la].text), let lon = Double(row[lo].text), (-90...90).contains(lat),
            (-180...180).contains(lon) else {
        reader.report(.invalidValue, "coordinates '\(row[la].text), \(row[lo].text)' are not degrees",
                      in: nt, cell: row[la], column: "lat")
        ok = false
        continue
      }
      index[row[ci].text] = points.count
      points.append(GeoPoint(latitude: lat, longitude: lon))
    }
    guard ok else { return nil }
    var list: [RoadGraph.Edge] = []
    let (cf, ct) = (et.column("from")!, et.column("to")!)
    for row in et.rows {
      guard let a = index[row[cf].text], let b = index[row[ct].text] else {
        reader.report(.unknownName, "edge names a node that nodes.csv lacks", in: et, cell: row[cf], column: "from")
        ok = false
        continue
      }
      guard a != b else {
        reader.report(.invalidValue, "a road from '\(row[cf].text)' to itself", in: et, cell: row[ct], column: "to")
        ok = false
        continue
      }
      var km = points[a].kilometres(to: points[b]) * detour
      if let c = et.column("length_km"), !row[c].text.isEmpty {
        guard let v = Double(row[c].text), (0...Self.longestRoadKm).contains(v) else {
          reader.report(.invalidValue, "length_km must be from 0 to \(Int(Self.longestRoadKm)), got '\(row[c].text)'",
                        in: et, cell: row[c], column: "length_km")
          ok = false
          continue
        }
        km = v
      }
      var speed = RoadClass.village.defaultSpeed
      if let c = et.column("speed_kmh"), !row[c].text.isEmpty {
        guard let v = Double(row[c].text), Self.roadSpeeds.contains(v) else {
          reader.report(.invalidValue, "speed_kmh must be from 1 to 300, got '\(row[c].text)'",
                        in: et, cell: row[c], column: "speed_kmh")
          ok = false
          continue
        }
        speed = v
      } else if let c = et.column("class") {
        guard let road = RoadClass(rawValue: row[c].text) else {
          reader.report(.unknownName, "unknown road class '\(row[c].text)'", in: et, cell: row[c], column: "class",
                        hint: DidYouMean.hint(for: row[c].text, among: RoadClass.allCases.map(\.rawValue)))
          ok = false
          continue
        }
        speed = road.defaultSpeed
      }
      list.append(.init(from: RoadNodeID(a), to: RoadNodeID(b), kilometres: km, speed: speed))
    }
    guard ok else { return nil }
    guard list.contains(where: { $0.kilometres > 0 }) else {
      reader.report(.invalidValue, "'\(edgeName)' has no road of any length", at: edges, path: "ambulances.roads.edges",
                    hint: "one row per road segment: from,to and length_km, class or speed_kmh")
      return nil
    }
    return RoadGraph(nodes: points, edges: list)
  }

  /// GeoJSON LineStrings (e.g. an OpenStreetMap or PMGSY extract): consecutive coordinates are
  /// joined; points within about 1 m are one node. `properties.class` (trunk, district,
  /// village) or `properties.speed_kmh` sets the speed.
  func roadGeoJSON(_ node: ScenarioNode) -> RoadGraph? {
    guard let name = reader.string(node, path: "ambulances.roads.geojson") else { return nil }
    let path = ScenarioLoader.resolve(name, relativeTo: node.location.file)
    let data = try? BoundedFile.read(path, limit: Limits.tableBytes).get()
    if let data { reader.recordDataFile(path, bytes: data) }
    guard let data, let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let features = json["features"] as? [[String: Any]] else {
      reader.report(.io, "cannot read '\(path)' as a GeoJSON FeatureCollection", at: node, path: "ambulances.roads.geojson")
      return nil
    }
    var index: [String: Int] = [:]
    var points: [GeoPoint] = []
    var edges: [RoadGraph.Edge] = []
    func nodeIndex(_ lon: Double, _ lat: Double) -> Int {
      let key = "\((lat * 1e5).rounded()),\((lon * 1e5).rounded())"
      if let i = index[key] { return i }
      index[key] = points.count
      points.append(GeoPoint(latitude: lat, longitude: lon))
      return points.count - 1
    }
    for feature in features {
      guard let geometry = feature["geometry"] as? [String: Any], geometry["type"] as? String == "LineString",
            let coordinates = geometry["coordinates"] as? [[Double]] else { continue }
      let properties = feature["properties"] as? [String: Any] ?? [:]
      let speed = (properties["speed_kmh"] as? Double).flatMap { Self.roadSpeeds.contains($0) ? $0 : nil }
        ?? (properties["class"] as? String).flatMap(RoadClass.init(rawValue:))?.defaultSpeed ?? RoadClass.village.defaultSpeed
      // Points that are not degrees (a projected file, say) are skipped rather than joined.
      let ids = coordinates.filter { $0.count >= 2 && (-180...180).contains($0[0]) && (-90...90).contains($0[1]) }
        .map { nodeIndex($0[0], $0[1]) }
      for (a, b) in zip(ids, ids.dropFirst()) where a != b {
        edges.append(.init(from: RoadNodeID(a), to: RoadNodeID(b), kilometres: points[a].kilometres(to: points[b]), speed: speed))
      }
    }
    guard !edges.isEmpty else {
      reader.report(.invalidValue, "'\(path)' has no LineString roads", at: node, path: "ambulances.roads.geojson")
      return nil
    }
    return RoadGraph(nodes: points, edges: edges)
  }
}
