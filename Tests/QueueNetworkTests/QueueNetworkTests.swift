import CMallocCounter
import QueueNetwork
import SimKernel
import SimRandom
import SimTestSupport
import Testing

func station(
  _ name: String, servers: Int, capacity: Int? = nil, service: Distribution,
  arrivals: ArrivalProcess?, routing: [Double]
) -> NetworkSpec.Station {
  .init(name: name, roster: .constant(servers), capacity: capacity, service: [service],
        arrivals: [arrivals], routing: routing)
}

func singleQueue(servers: Int, capacity: Int? = nil, service: Distribution, arrivals: ArrivalProcess) -> NetworkSpec {
  NetworkSpec(classes: [.init(name: "all")],
              stations: [station("queue", servers: servers, capacity: capacity, service: service,
                                 arrivals: arrivals, routing: [0])],
              prefixesStationNames: false)
}

@Suite("Queueing-network model")
struct QueueNetworkTests {
  @Test("a D/D/1 queue reproduces a hand-checked trace")
  func deterministicTrace() throws {
    // Arrivals every 10 min from t = 10, service 15 min, horizon 60 min (worked by hand):
    // c1 10-25, c2 waits 5 (25-40), c3 waits 10 (40-55), c4 waits 15 (starts 55), c5 and c6
    // still waiting at 60. Queue length: 1 on [20,25), [30,50), [55,60); 2 on [50,55) ⇒ 40/60.
    let spec = singleQueue(servers: 1, service: try .constant(15), arrivals: .renewal(try .constant(10)))
    let r = QueueNetworkModel.replicate(spec, seeder: StreamSeeder(masterSeed: 1, replication: 0),
                                        horizon: SimDuration(minutes: 60), warmUp: .zero)
    #expect(r["wait.mean"] == 7.5)
    #expect(r["wait.probability"] == 0.75)
    #expect(r["sojourn.mean"] == 20)
    #expect(abs(r["queue_length.mean"]! - 40.0 / 60) < 1e-12)
    #expect(abs(r["utilisation"]! - 50.0 / 60) < 1e-12)
    #expect(r["throughput"] == 3)
    #expect(r["arrivals"] == 6)
    #expect(abs(r["wait.p50"]! - 7.5) / 5 < 0.01 || abs(r["wait.p50"]! - 5) / 5 < 0.01)
  }

  @Test("every customer is accounted for: refused, present, or gone", arguments: 0..<6)
  func conservation(seed: Int) throws {
    let spec = NetworkSpec(
      classes: [.init(name: "all")],
      stations: [
        station("a", servers: 2, capacity: 4, service: try .exponential(mean: 10),
                arrivals: .renewal(try .exponential(mean: 4)), routing: [0, 0.5]),
        station("b", servers: 1, capacity: 3, service: try .lognormal(mean: 8, sd: 4),
                arrivals: .renewal(try .exponential(mean: 30)), routing: [0.2, 0]),
      ],
      prefixesStationNames: true)
    let model = QueueNetworkModel.runForInspection(
      spec, seeder: StreamSeeder(masterSeed: UInt64(seed), replication: 0), horizon: .days(20))
    let census = model.census
    let refused = census.stations.reduce(0) { $0 + $1.refused }
    let present = census.stations.reduce(0) { $0 + $1.present }
    #expect(census.customersInNetwork == present, "seed \(seed): pool and stations disagree")
    #expect(model.externalArrivals == model.totalExits + refused + present, "seed \(seed)")
    #expect(census.stations.allSatisfy { $0.present <= 4 })
  }

  /// Debug builds box values the optimiser keeps on the stack, so the claim is about release
  /// builds, where the README's test command runs.
  @Test("steady state allocates nothing per event (release builds)", .enabled(if: isOptimizedBuild))
  func noAllocationsPerEvent() throws {
    try #require(telesim_allocation_counting_active() == 1, "allocation counter not linked")
    let spec = singleQueue(servers: 10, service: try .exponential(mean: 60), arrivals: .renewal(try .exponential(mean: 60.0 / 9)))
    func allocations(hours: Double) -> (UInt64, UInt64) {
      let before = telesim_thread_allocations()
      let (_, events, _) = QueueNetworkModel.replicateCountingEvents(
        spec, seeder: StreamSeeder(masterSeed: 5, replication: 0), horizon: .hours(hours), warmUp: .zero)
      return (telesim_thread_allocations() - before, events)
    }
    let (short, shortEvents) = allocations(hours: 20_000)
    let (long, longEvents) = allocations(hours: 40_000)
    // The longer run may reach a new high-water mark in a queue or histogram (a few doublings).
    #expect(Int(long) - Int(short) <= 16, "\(short) allocations in \(shortEvents) events, \(long) in \(longEvents)")
    #expect(longEvents > 700_000)
  }

  /// The sift loops move whole entries: an event payload that grows past 7 bytes (with its
  /// tag) makes every entry 32 bytes instead of 24, a measurable loss in the benchmark.
  @Test("a calendar entry of this model takes 24 bytes")
  func calendarEntryIsCompact() {
    #expect(EventCalendar<QueueNetworkEvent>.entryStride == 24)
  }

  @Test("the same seed gives identical figures; another seed does not")
  func determinism() throws {
    let spec = singleQueue(servers: 3, service: try .gamma(shape: 2, mean: 50), arrivals: .renewal(try .exponential(mean: 20)))
    let run = { (seed: UInt64) in
      QueueNetworkModel.replicate(spec, seeder: StreamSeeder(masterSeed: seed, replication: 2),
                                  horizon: .days(30), warmUp: .days(1))
    }
    #expect(run(8) == run(8))
    #expect(run(8) != run(9))
  }

  @Test("a roster with closed hours serves nobody while closed and records overtime")
  func rosteredStation() throws {
    let roster = Roster(period: .days(1), changes: [.init(offset: .hours(9), servers: 2), .init(offset: .hours(14), servers: 0)])
    let spec = NetworkSpec(
      classes: [.init(name: "all")],
      stations: [.init(name: "opd", roster: roster, service: [try .exponential(mean: 20)],
                       arrivals: [.renewal(try .exponential(mean: 15))], routing: [0])],
      prefixesStationNames: false)
    let r = QueueNetworkModel.replicate(spec, seeder: StreamSeeder(masterSeed: 3, replication: 0),
                                        horizon: .days(60), warmUp: .days(1))
    #expect(r["overtime"]! > 0)
    // Capacity 2 for 5 h a day: throughput ≤ 2 servers × 3/h × 5/24 + overtime share.
    #expect(r["throughput"]! < 2 * 3 * 5.0 / 24 * 1.2)
    #expect(r["utilisation"]! > 0.9, "demand far exceeds the rostered hours")
  }
}
