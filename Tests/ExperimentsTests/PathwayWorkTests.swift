import Experiments
import Pathways
import ScenarioIO
import SimRandom
import Testing

@Suite("Work estimates of pathway networks")
struct PathwayWorkTests {
  @Test("the estimate of the detailed PHC errs high, within a factor of five of the events it takes")
  func phcEstimate() throws {
    let phc = try scenario("phc-detail.yaml")
    guard case .pathways(let spec) = phc.model else { Issue.record("not a pathway network"); return }
    let events = PathwayModel.replicate(spec, seeder: StreamSeeder(masterSeed: 1, replication: 0), horizon: phc.horizon,
                                        warmUp: phc.warmUp).events
    let estimate = WorkEstimate.eventsPerReplication(phc)
    #expect(estimate >= Double(events) && estimate < 5 * Double(events), "estimate \(estimate) vs \(events) events")
  }

  @Test("patients who could bounce between a full station and a pure delay for ever make the work unbounded")
  func bounceIsUnbounded() throws {
    let bounce = try ScenarioLoader.parse("""
      schema: telesim/v1
      kind: network
      horizon: 3d
      stations:
        - {name: s1, servers: 1, capacity: 1, overflow: bounce, arrivals: 1/h, service: 2h}
        - {name: bounce, resource: none, service: 1us, routing: {s1: 1}}
      """, file: "bounce.yaml")
    #expect(WorkEstimate.eventsPerReplication(bounce) == .infinity)
    #expect(!WorkLimits.problems(WorkEstimate(designs: [bounce], replications: 1)).isEmpty)
  }
}

extension PathwayWorkTests {
  @Test("a rule in force only part of the day still counts: a loop it makes shows in the estimate")
  func conditionalLoopCounts() throws {
    let loop = try ScenarioLoader.parse("""
      schema: telesim/v1
      kind: network
      horizon: 3d
      stations:
        - name: a
          servers: 1
          arrivals: 100/h
          service: {dist: exponential, mean: 0.000001min}
          routing:
            - {hours: "00:00-23:59", to: {a: 0.99999}}
            - {to: {b: 1}}
        - {name: b, resource: none, service: 1min}
      """, file: "loop.yaml")
    // 100 000 visits per arrival, 7,200 arrivals: beyond the limit without --force.
    #expect(WorkEstimate.eventsPerReplication(loop) > 1e9)
    #expect(!WorkLimits.problems(WorkEstimate(designs: [loop], replications: 1)).isEmpty)
  }
}
