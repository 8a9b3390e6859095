import Foundation
import Pathways
import ScenarioIO
import SimKernel
import Testing

@Suite("Reading pathway networks")
struct PathwayReaderTests {
  let scenarios = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenarios")

  func pathways(_ text: String) throws -> PathwaySpec {
    let scenario = try ScenarioLoader.parse(text, file: "test.yaml")
    guard case .pathways(let spec) = scenario.model else {
      Issue.record("not read as a pathway network")
      throw CancellationError()
    }
    return spec
  }

  @Test("absences come off a weekly roster once a day, never below zero")
  func absences() throws {
    let spec = try pathways("""
      schema: telesim/v1
      kind: network
      horizon: 10d
      resources:
        doctor:
          roster: {period: 7d, changes: [{at: 0h, servers: 1}, {at: 9h, servers: 2}, {at: 14h, servers: 1}]}
          absences: [{at: 12h, for: 30min, every: 1d}, {at: 13h, for: 2h, servers: 3, every: 7d}]
      stations:
        - {name: desk, resource: doctor, arrivals: 1/h, service: 10min}
      """)
    let changes = spec.resources[0].roster.changes.map { "\($0.offset.minutes / 60):\($0.servers)" }
    // Monday: 2 from 09:00, 1 at 12:00-12:30, 0 at 13:00-15:00 (3 away from 2), 1 after 14:00's
    // roster change once the absence ends at 15:00; other days only the daily absence (1 → 0).
    #expect(changes == ["0.0:1", "9.0:2", "12.0:1", "12.5:2", "13.0:0", "15.0:1", "36.0:0", "36.5:1", "60.0:0", "60.5:1",
                        "84.0:0", "84.5:1", "108.0:0", "108.5:1", "132.0:0", "132.5:1", "156.0:0", "156.5:1"])
  }

  @Test("a file that extends the PHC changes two pools by name and keeps the others")
  func extendsByName() throws {
    let base = try ScenarioLoader.load(path: scenarios.appendingPathComponent("phc-detail.yaml").path)
    let upgrade = try ScenarioLoader.load(path: scenarios.appendingPathComponent("phc-detail-30-beds.yaml").path)
    guard case .pathways(let a) = base.model, case .pathways(let b) = upgrade.model else {
      Issue.record("not pathway networks")
      return
    }
    func servers(_ spec: PathwaySpec, _ name: String) -> Int? {
      spec.resources.first { $0.name == name }?.roster.changes.map(\.servers).max()
    }
    #expect(servers(a, "bed") == 6 && servers(b, "bed") == 30)
    #expect(servers(a, "labour-bed") == 2 && servers(b, "labour-bed") == 3)
    #expect(a.resources.first { $0.name == "medical-officer" } == b.resources.first { $0.name == "medical-officer" })
    #expect(a.stations == b.stations && a.classes == b.classes)
  }

  @Test("per-class values, a class change, and laws dropped where a class never comes")
  func perClass() throws {
    let spec = try pathways("""
      schema: telesim/v1
      kind: network
      horizon: 10d
      classes: [{name: opd, priority: 1}, {name: review}, {name: labour, priority: 0}]
      resources: [{name: doctor, servers: 1}]
      stations:
        - name: doctor
          resource: doctor
          arrivals: {opd: 4/h}
          service: {opd: 5min, review: 2min, labour: 30min}
          routing: {opd: {lab: 0.3, referred: 0.1}}
        - name: lab
          servers: 1
          service: 6min
          routing: {doctor: {p: 0.5, as: review}}
      """)
    #expect(spec.classes.map(\.priority) == [1, 0, 0])
    #expect(spec.stations[0].service.map { $0?.mean } == [5, 2, nil])
    #expect(spec.stations[1].service.map { $0?.mean } == [6, nil, nil])
    #expect(spec.stations[0].routing[0][0].branches == [
      .init(probability: 0.3, destination: .station(StationID(1), asClass: nil)),
      .init(probability: 0.1, destination: .exit(.referred)),
    ])
    #expect(spec.stations[1].routing[0][0].branches == [.init(probability: 0.5, destination: .station(StationID(0), asClass: ClassID(1)))])
    #expect(spec.resources.map(\.name) == ["doctor", "lab"])
    #expect(spec.metrics.contains { $0.name == "doctor.class.review.wait.mean" })
    #expect(!spec.metrics.contains { $0.name.hasPrefix("doctor.class.labour") })
  }

  @Test("a plain network is still read as a plain network")
  func plainNetwork() throws {
    let jackson = try ScenarioLoader.load(path: scenarios.appendingPathComponent("jackson.yaml").path)
    guard case .queueNetwork = jackson.model else {
      Issue.record("jackson.yaml is no longer a plain network")
      return
    }
  }
}
