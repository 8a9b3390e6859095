import Pathways
import SimKernel
import SimRandom
import Testing

/// Runs busy facilities for a while; in debug builds (`scripts/test.sh` runs this suite
/// there) the model checks its conservation laws after every event, so a count that drifts
/// stops the run where it happens.
@Suite("Pathways: conservation through every mechanism")
struct PathwayInvariantTests {
  @Test("the hand-checked facility, run for 60 days, keeps its counts")
  func facility() throws {
    let model = PathwayModel.inspect(try PathwayTraceTests.facility(), seeder: StreamSeeder(masterSeed: 9, replication: 0),
                                     horizon: .days(60))
    let census = model.census
    #expect(model.externalArrivals - model.totalExits == census.inNetwork)
    #expect(zip(census.present, census.waiting).allSatisfy { $0 >= $1 && $1 >= 0 })
    #expect(model.totalExits > 1000)
  }

  @Test("random arrivals through patience, balking, overflow, returns, holds and every closing rule keep their counts",
        arguments: PathwaySpec.ClosingRule.allCases)
  func everything(rule: PathwaySpec.ClosingRule) throws {
    let shift = Roster(period: .days(1), changes: [.init(offset: .zero, servers: 0), .init(offset: .hours(8), servers: 2),
                                                   .init(offset: .hours(16), servers: 0)])
    let withBreak = Roster(period: .days(1), changes: [.init(offset: .zero, servers: 0), .init(offset: .hours(8), servers: 2),
                                                       .init(offset: .hours(12), servers: 1), .init(offset: .hours(13), servers: 2),
                                                       .init(offset: .hours(16), servers: 0)])
    let spec = PathwaySpec(
      classes: [.init(name: "opd", priority: 1,
                      returns: .init(visits: try .uniform(min: 1, max: 4), after: try .exponential(mean: 2880), station: StationID(0))),
                .init(name: "urgent", priority: 0)],
      resources: [.init(name: "doctor", roster: withBreak, shift: shift, closing: rule), .init(name: "bed", roster: .constant(3)),
                  .init(name: "nurse", roster: .constant(1))],
      stations: [
        station("doctor", resource: 0, classes: 2, service: try .exponential(mean: 12),
                arrivals: [try poisson(1.0 / 8), try poisson(1.0 / 60)],
                routing: [[.init(condition: .hours(start: 600, end: 720), branches: [to(1, 0.2)]),
                           .init(branches: [to(1, 0.1, as: 1)])], [.init(branches: [to(1)])]],
                patience: [.init(limit: try .exponential(mean: 90), then: .station(StationID(3), asClass: nil)), nil],
                balk: [25, nil]),
        station("admit", resource: 1, classes: 2, service: try .constant(10),
                routing: Array(repeating: [.init(branches: [to(2)])], count: 2), capacity: 4, overflow: 4, holds: true),
        station("ward", resource: 2, classes: 2, service: try .exponential(mean: 20), releases: [1],
                delay: try .exponential(mean: 600)),
        station("nurse", resource: 2, classes: 2, service: try .exponential(mean: 8)),
        station("district", resource: nil, classes: 2, service: try .constant(30)),
      ])
    let model = PathwayModel.inspect(spec, seeder: StreamSeeder(masterSeed: 4, replication: 0), horizon: .days(30))
    let census = model.census
    #expect(model.externalArrivals - model.totalExits == census.inNetwork)
    #expect(census.busy.allSatisfy { $0 >= 0 })
    #expect(model.totalExits > 3000)
  }
}
