import QueueNetwork
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

extension Tag {
  @Tag static var validation: Self
}

/// Runs `replications` independent replications and returns the estimate of each metric.
func replicate(_ spec: NetworkSpec, replications: Int = 10, horizon: SimDuration, warmUp: SimDuration,
               seed: UInt64 = 2021) -> (String) -> ReplicationEstimate {
  let runs = (0..<replications).map {
    QueueNetworkModel.replicate(spec, seeder: StreamSeeder(masterSeed: seed, replication: $0),
                                horizon: horizon, warmUp: warmUp)
  }
  return { name in ReplicationEstimate(runs.map { $0[name]! })! }
}

func expectMatches(_ estimate: (String) -> ReplicationEstimate, _ expected: [(String, Double)],
                   sourceLocation: SourceLocation = #_sourceLocation) {
  for (metric, theory) in expected {
    let check = TheoryCheck(metric, theory: theory, estimate: estimate(metric))
    #expect(check.isWithin(standardErrors: 4), "\(check)", sourceLocation: sourceLocation)
    #expect(check.detectsBias(of: 0.05), "no teeth: \(check)", sourceLocation: sourceLocation)
  }
}

func single(servers: Int, capacity: Int? = nil, service: Distribution, ratePerMinute: Double) throws -> NetworkSpec {
  NetworkSpec(
    classes: [.init(name: "all")],
    stations: [.init(name: "queue", roster: .constant(servers), capacity: capacity, service: [service],
                     arrivals: [.renewal(try .exponential(rate: ratePerMinute))], routing: [0])],
    prefixesStationNames: false)
}

@Suite("Validation against queueing theory", .tags(.validation))
struct QueueValidationTests {
  @Test("M/M/1 at 80% load matches the closed forms")
  func mm1() throws {
    let spec = try single(servers: 1, service: .exponential(mean: 10), ratePerMinute: 0.08)
    let theory = try QueueingTheory.mmc(arrivalRate: 0.08, serviceRate: 0.1, servers: 1)
    let e = replicate(spec, horizon: .days(2000), warmUp: .days(10))
    expectMatches(e, [("wait.mean", theory.meanWait), ("sojourn.mean", theory.meanSojourn),
                      ("queue_length.mean", theory.meanQueueLength), ("utilisation", theory.utilisation),
                      ("wait.p90", theory.waitQuantiles[1].value)])
  }

  @Test("M/M/c matches Erlang C: mean wait, probability of waiting and wait quantiles")
  func mmc() throws {
    let spec = try single(servers: 4, service: .exponential(mean: 60), ratePerMinute: 3.0 / 60)
    let theory = try QueueingTheory.mmc(arrivalRate: 3.0 / 60, serviceRate: 1.0 / 60, servers: 4)
    let e = replicate(spec, horizon: .days(4000), warmUp: .days(10))
    expectMatches(e, [("wait.mean", theory.meanWait), ("wait.probability", theory.probabilityOfWaiting!),
                      ("in_system.mean", theory.meanInSystem), ("wait.p90", theory.waitQuantiles[1].value),
                      ("wait.p95", theory.waitQuantiles[2].value)])
  }

  @Test("M/M/c/c blocking matches Erlang B")
  func erlangB() throws {
    let spec = try single(servers: 8, capacity: 8, service: .exponential(mean: 2 * 1440), ratePerMinute: 3.0 / 1440)
    let e = replicate(spec, horizon: .days(40_000), warmUp: .days(20))
    expectMatches(e, [("blocking", QueueingTheory.erlangB(servers: 8, load: 6)),
                      ("busy.mean", 6 * (1 - QueueingTheory.erlangB(servers: 8, load: 6)))])
  }

  @Test("M/M/c/K matches the finite-capacity formulas")
  func mmck() throws {
    let spec = try single(servers: 3, capacity: 7, service: .exponential(mean: 30), ratePerMinute: 5.0 / 60)
    let theory = try QueueingTheory.mmck(arrivalRate: 5.0 / 60, serviceRate: 1.0 / 30, servers: 3, capacity: 7)
    let e = replicate(spec, horizon: .days(3000), warmUp: .days(5))
    expectMatches(e, [("blocking", theory.blocking), ("wait.mean", theory.meanWait),
                      ("in_system.mean", theory.meanInSystem), ("throughput", theory.throughput * 60)])
  }

  @Test("M/G/1 with lognormal service matches Pollaczek-Khinchine")
  func mg1() throws {
    let service = try Distribution.lognormal(mean: 12, sd: 6)
    let spec = try single(servers: 1, service: service, ratePerMinute: 4.0 / 60)
    let theory = try QueueingTheory.mg1(arrivalRate: 4.0 / 60, serviceMean: service.mean, serviceVariance: service.variance)
    let e = replicate(spec, horizon: .days(3000), warmUp: .days(10))
    expectMatches(e, [("wait.mean", theory.meanWait), ("queue_length.mean", theory.meanQueueLength)])
  }

  @Test("a 3-station open Jackson network matches the product-form solution")
  func jackson() throws {
    let spec = NetworkSpec(
      classes: [.init(name: "all")],
      stations: [
        .init(name: "triage", roster: .constant(1), service: [try .exponential(mean: 6)],
              arrivals: [.renewal(try .exponential(mean: 10))], routing: [0, 0.3, 0.2]),
        .init(name: "specialist", roster: .constant(2), service: [try .exponential(mean: 15)],
              arrivals: [nil], routing: [0.1, 0, 0.5]),
        .init(name: "lab", roster: .constant(1), service: [try .exponential(mean: 5)],
              arrivals: [.renewal(try .exponential(mean: 60))], routing: [0, 0, 0]),
      ],
      prefixesStationNames: true)
    let solved = try QueueingTheory.jackson(
      stations: [.init(servers: 1, serviceRate: 1.0 / 6, externalArrivalRate: 0.1),
                 .init(servers: 2, serviceRate: 1.0 / 15, externalArrivalRate: 0),
                 .init(servers: 1, serviceRate: 1.0 / 5, externalArrivalRate: 1.0 / 60)],
      routing: spec.stations.map(\.routing))
    let e = replicate(spec, horizon: .days(2000), warmUp: .days(5))
    var expected: [(String, Double)] = [("network.sojourn.mean", solved.meanNetworkSojourn)]
    for (i, name) in ["triage", "specialist", "lab"].enumerated() {
      expected.append(("\(name).sojourn.mean", solved.stations[i].meanSojourn))
      expected.append(("\(name).utilisation", solved.stations[i].utilisation))
    }
    expected.append(("triage.wait.mean", solved.stations[0].meanWait))
    expectMatches(e, expected)
  }

  @Test("Little's law L = λW holds on every kind of model", arguments: [
    "M/M/3", "M/G/2 with capacity", "priority classes", "rostered clinic",
  ])
  func littlesLaw(model: String) throws {
    let spec: NetworkSpec
    switch model {
    case "M/M/3": spec = try single(servers: 3, service: .exponential(mean: 20), ratePerMinute: 0.12)
    case "M/G/2 with capacity":
      spec = try single(servers: 2, capacity: 5, service: .gamma(shape: 3, mean: 25), ratePerMinute: 0.09)
    case "priority classes":
      spec = NetworkSpec(
        classes: [.init(name: "urgent", priority: 0), .init(name: "routine", priority: 1)],
        stations: [.init(name: "q", roster: .constant(2), service: [try .exponential(mean: 20), try .exponential(mean: 20)],
                         arrivals: [.renewal(try .exponential(mean: 40)), .renewal(try .exponential(mean: 15))],
                         routing: [0])],
        prefixesStationNames: false)
    default:
      let roster = Roster(period: .days(1), changes: [.init(offset: .hours(8), servers: 3), .init(offset: .hours(20), servers: 1)])
      spec = NetworkSpec(
        classes: [.init(name: "all")],
        stations: [.init(name: "q", roster: roster, service: [try .lognormal(mean: 30, sd: 20)],
                         arrivals: [.renewal(try .exponential(mean: 15))], routing: [0])],
        prefixesStationNames: false)
    }
    let e = replicate(spec, replications: 5, horizon: .days(1000), warmUp: .days(5))
    let lambda = e("throughput").mean / 60
    // L_q = λ W_q and L = λ W, with λ the rate of admitted customers.
    let lq = e("queue_length.mean").mean
    let l = e("in_system.mean").mean
    #expect(abs(lq - lambda * e("wait.mean").mean) / lq < 0.01, "\(model): Lq \(lq) vs λWq \(lambda * e("wait.mean").mean)")
    #expect(abs(l - lambda * e("sojourn.mean").mean) / l < 0.01, "\(model): L \(l) vs λW \(lambda * e("sojourn.mean").mean)")
  }
}
