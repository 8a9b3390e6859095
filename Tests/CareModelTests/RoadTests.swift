import CareModel
import Foundation
import SimKernel
import Testing

@Suite("Road network")
struct RoadTests {
  /// A 3 × 3 grid, nodes numbered row by row:
  ///
  ///     0 - 1 - 2      east-west roads: 1 km at 30 km/h = 2 min
  ///     |   |   |      north-south roads: 1 km at 60 km/h = 1 min
  ///     3 - 4 - 5      plus a slow diagonal 0-4: 1.5 km at 15 km/h = 6 min
  ///     |   |   |
  ///     6 - 7 - 8
  static func grid() -> RoadGraph {
    let nodes = (0..<9).map { GeoPoint(latitude: 25 - Double($0 / 3) * 0.01, longitude: 85 + Double($0 % 3) * 0.01) }
    var edges: [RoadGraph.Edge] = []
    func edge(_ a: Int, _ b: Int, _ km: Double, _ speed: Double) -> RoadGraph.Edge {
      .init(from: RoadNodeID(a), to: RoadNodeID(b), kilometres: km, speed: speed)
    }
    for r in 0..<3 { for c in 0..<2 { edges.append(edge(r * 3 + c, r * 3 + c + 1, 1, 30)) } }
    for r in 0..<2 { for c in 0..<3 { edges.append(edge(r * 3 + c, (r + 1) * 3 + c, 1, 60)) } }
    edges.append(edge(0, 4, 1.5, 15))
    return RoadGraph(nodes: nodes, edges: edges)
  }

  @Test("travel times and paths match hand-computed ones on a small grid")
  func handComputedPaths() {
    let tree = PathTree(graph: Self.grid(), source: RoadNodeID(0))
    func path(_ to: Int) -> [Int] { tree.path(to: RoadNodeID(to)).map(\.index) }
    // 0 → 8: two east-west (4 min) and two north-south (2 min) roads.
    #expect(tree.minutes[8] == 6)
    #expect(tree.kilometres[8] == 4)
    // 0 → 4: via 1 or 3 takes 3 min, the diagonal 6 min.
    #expect(tree.minutes[4] == 3)
    #expect(tree.kilometres[4] == 2)
    // Ties go to the lower-numbered parent: 0 → 1 → 4 rather than 0 → 3 → 4.
    #expect(path(4) == [0, 1, 4])
    #expect(tree.minutes[6] == 2 && path(6) == [0, 3, 6])
    #expect(path(0) == [0])
    // Roads run both ways: the tree from 8 agrees.
    #expect(PathTree(graph: Self.grid(), source: RoadNodeID(8)).minutes[0] == 6)
  }

  @Test("unreachable nodes have infinite time and no path")
  func unreachable() {
    let g = RoadGraph(nodes: [GeoPoint(latitude: 25, longitude: 85), GeoPoint(latitude: 25.1, longitude: 85), GeoPoint(latitude: 25.2, longitude: 85)],
                      edges: [.init(from: RoadNodeID(0), to: RoadNodeID(1), kilometres: 5, speed: 30)])
    let tree = PathTree(graph: g, source: RoadNodeID(0))
    #expect(tree.minutes[2] == .infinity && tree.path(to: RoadNodeID(2)).isEmpty)
    #expect(g.components().map(\.index) == [0, 0, 2])
  }

  @Test("congestion and the monsoon scale travel times")
  func travelConditions() {
    var hours = Array(repeating: 1.0, count: 24)
    hours[9] = 1.4
    let c = TravelConditions(hourOfDay: hours, monsoonFactor: 1.25, monsoonDays: 152..<273)
    #expect(c.factor(at: .zero + .hours(9.5), startDayOfYear: 0) == 1.4)
    #expect(c.factor(at: .zero + .hours(3), startDayOfYear: 0) == 1)
    #expect(c.factor(at: .zero + .hours(9), startDayOfYear: 160) == 1.4 * 1.25)
    // Day 2 of a run that starts on day 150 of the year is in the monsoon.
    #expect(c.factor(at: .startOfDay(2) + .hours(9), startDayOfYear: 150) == 1.4 * 1.25)
  }

  @Test("the synthetic Bihar network connects every facility and habitation")
  func syntheticBihar() throws {
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("data/bihar")
    let facilities = try readFacilities(data.appendingPathComponent("facilities.csv"))
    let habitations = try readHabitations(data.appendingPathComponent("habitations.csv"))
    let start = Date()
    let roads = SyntheticRoads(facilities: facilities, habitations: habitations)
    let built = Date().timeIntervalSince(start)
    let labels = roads.graph.components()
    #expect(Set(labels).count == 1, "one connected network")
    #expect(roads.graph.nodes.count > facilities.count + 1000)
    #expect(roads.nodePopulation.reduce(0, +) >= habitations.reduce(0) { $0 + $1.population })
    // A district hospital reaches every node, at plausible speeds (15-40 km/h on the road).
    let dh = facilities.firstIndex { $0.tier == .dh }!
    let tree = PathTree(graph: roads.graph, source: roads.facilityNode[dh])
    #expect(tree.minutes.allSatisfy { $0.isFinite })
    let far = tree.minutes.indices.max { tree.minutes[$0] < tree.minutes[$1] }!
    let speed = Double(tree.kilometres[far]) / Double(tree.minutes[far]) * 60
    #expect(speed > 15 && speed < 40, "mean speed \(speed) km/h")
    print("synthetic Bihar roads: \(roads.graph.nodes.count) nodes, \(roads.graph.edgeCount) edges, built in \(built) s")
  }
}

/// Minimal CSV readers for the test (the scenario reader is in ScenarioIO).
func readFacilities(_ url: URL) throws -> [HealthCentre] {
  let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
  return lines.compactMap { line -> HealthCentre? in
    let f = splitCSV(String(line))
    guard f.count >= 8, let tier = Tier(rawValue: f[2]), let lat = Double(f[5]), let lon = Double(f[6]), let beds = Int(f[7])
    else { return nil }
    return HealthCentre(id: f[0], name: f[1], tier: tier, district: f[3], location: GeoPoint(latitude: lat, longitude: lon), beds: beds)
  }
}

func readHabitations(_ url: URL) throws -> [Habitation] {
  try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().compactMap { line in
    let f = line.split(separator: ",")
    guard f.count >= 3, let lat = Double(f[0]), let lon = Double(f[1]), let p = Int(f[2]) else { return nil }
    return Habitation(location: GeoPoint(latitude: lat, longitude: lon), population: p)
  }
}

func splitCSV(_ line: String) -> [String] {
  var fields: [String] = []
  var current = ""
  var quoted = false
  for ch in line {
    if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { fields.append(current); current = "" } else { current.append(ch) }
  }
  fields.append(current)
  return fields
}
