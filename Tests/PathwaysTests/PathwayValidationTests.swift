import Pathways
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

/// Expects each metric within 4 standard errors of its theory, with teeth for a 5% bias.
func expectTheory(_ e: (String) -> ReplicationEstimate, _ expected: [(String, Double)],
                  sourceLocation: SourceLocation = #_sourceLocation) {
  for (metric, theory) in expected {
    TheoryCheck(metric, theory: theory, estimate: e(metric)).expectAgreement(sourceLocation: sourceLocation)
  }
}

@Suite("Pathways against queueing theory")
struct PathwayValidationTests {
  @Test("M/M/c with exponential patience matches Erlang A: abandonment, queue length, patients present")
  func erlangA() throws {
    let (lambda, mu, theta, c) = (3.0 / 60, 1.0 / 60, 1.0 / 30, 3)
    let spec = Spec(
      classes: [.init(name: "all")], resources: [.init(name: "desk", roster: .constant(c))],
      stations: [station("desk", resource: 0, service: try .exponential(mean: 1 / mu), arrivals: [try poisson(lambda)],
                         patience: [.init(limit: try .exponential(mean: 1 / theta), then: .exit(.reneged))])])
    let theory = try QueueingTheory.erlangA(arrivalRate: lambda, serviceRate: mu, servers: c, patienceRate: theta)
    let e = replicatePathways(spec, horizon: .days(3000), warmUp: .days(5))
    expectTheory(e, [("desk.reneged", theory.abandonment), ("class.all.reneged", theory.abandonment),
                     ("desk.queue_length.mean", theory.meanQueueLength), ("desk.in_system.mean", theory.meanInSystem)])
  }

  @Test("Non-preemptive priority M/M/c with one service rate matches Cobham's waits per class")
  func priorityMMC() throws {
    let rates = [0.01, 0.02, 0.02]
    let mu = 1.0 / 30
    let spec = Spec(
      classes: [.init(name: "urgent", priority: 0), .init(name: "soon", priority: 1), .init(name: "routine", priority: 2)],
      resources: [.init(name: "doctor", roster: .constant(2))],
      stations: [station("doctor", resource: 0, classes: 3, service: try .exponential(mean: 1 / mu),
                         arrivals: try rates.map { try poisson($0) })])
    let waits = try QueueingTheory.priorityMMC(arrivalRates: rates, serviceRate: mu, servers: 2)
    let e = replicatePathways(spec, horizon: .days(4000), warmUp: .days(5))
    expectTheory(e, [("doctor.class.urgent.wait.mean", waits[0]), ("doctor.class.soon.wait.mean", waits[1]),
                     ("doctor.class.routine.wait.mean", waits[2])])
  }

  @Test("Non-preemptive priority M/G/1 with different service laws matches Cobham's formula")
  func priorityMG1() throws {
    let rates = [0.02, 0.05]
    let laws = [try Distribution.lognormal(mean: 8, sd: 6), try Distribution.gamma(mean: 10, sd: 5)]
    let spec = Spec(
      classes: [.init(name: "labour", priority: 0), .init(name: "opd", priority: 1)],
      resources: [.init(name: "doctor", roster: .constant(1))],
      stations: [station("doctor", resource: 0, classes: 2, perClass: laws, arrivals: try rates.map { try poisson($0) })])
    let waits = try QueueingTheory.priorityMG1(
      arrivalRates: rates, meanService: [8, 10], secondMoments: [6 * 6 + 64, 5 * 5 + 100])
    let e = replicatePathways(spec, horizon: .days(3000), warmUp: .days(5))
    expectTheory(e, [("doctor.class.labour.wait.mean", waits[0]), ("doctor.class.opd.wait.mean", waits[1])])
  }

  /// Three stations, three classes with their own routing and a class change (a lab visit
  /// sends a patient back to the doctor as a follow-up); service is exponential and the same
  /// for every class at a station, so BCMP's product form makes each station an M/M/c fed by
  /// the classes' total traffic.
  @Test("A multiclass open network with class-independent service matches BCMP's product form per station and class")
  func bcmp() throws {
    let followup = 1
    let (doctor, lab) = (1, 2)
    let stations = [
      station("registration", resource: 0, classes: 3, service: try .exponential(mean: 10),
              arrivals: [try poisson(1.0 / 15), nil, nil], routing: [[.init(branches: [to(doctor)])], [], []]),
      station("doctor", resource: 1, classes: 3, service: try .exponential(mean: 10),
              routing: [[.init(branches: [to(lab, 0.3)])], [], []]),
      station("lab", resource: 2, classes: 3, service: try .exponential(mean: 15),
              arrivals: [nil, nil, try poisson(1.0 / 60)],
              routing: [[.init(branches: [to(doctor, 0.5, as: followup)])], [], []]),
    ]
    let spec = Spec(
      classes: [.init(name: "first"), .init(name: "followup"), .init(name: "walkin")],
      resources: [.init(name: "registration", roster: .constant(2)), .init(name: "doctor", roster: .constant(1)),
                  .init(name: "lab", roster: .constant(1))],
      stations: stations)
    // Per-class visit rates from the traffic equations, worked by hand.
    let first = 1.0 / 15
    let rate: [[Double]] = [[first, 0, 0], [first, 0.5 * 0.3 * first, 0], [0.3 * first, 0, 1.0 / 60]]
    let service = [10.0, 10, 15]
    let servers = [2, 1, 1]
    let e = replicatePathways(spec, horizon: .days(3000), warmUp: .days(5))
    var expected: [(String, Double)] = []
    for (s, name) in ["registration", "doctor", "lab"].enumerated() {
      let total = rate[s].reduce(0, +)
      let m = try QueueingTheory.mmc(arrivalRate: total, serviceRate: 1 / service[s], servers: servers[s])
      expected.append(("\(name).wait.mean", m.meanWait))
      expected.append(("\(name).in_system.mean", m.meanInSystem))
      for (c, cls) in ["first", "followup", "walkin"].enumerated() where rate[s][c] > 0 {
        expected.append(("\(name).class.\(cls).wait.mean", m.meanWait))
        expected.append(("\(name).class.\(cls).in_system.mean", rate[s][c] * m.meanSojourn))
      }
    }
    expectTheory(e, expected)
  }

  @Test("Little's law holds per class at every station of the multiclass network")
  func littlePerClass() throws {
    let spec = Spec(
      classes: [.init(name: "opd", priority: 1), .init(name: "anc", priority: 0)],
      resources: [.init(name: "doctor", roster: .constant(1)), .init(name: "lab", roster: .constant(2))],
      stations: [
        station("doctor", resource: 0, classes: 2, perClass: [try .lognormal(mean: 6, sd: 4), try .constant(9)],
                arrivals: [try poisson(1.0 / 15), try poisson(1.0 / 60)],
                routing: [[.init(branches: [to(1, 0.4)])], [.init(branches: [to(1, 1)])]],
                patience: [.init(limit: try .uniform(min: 30, max: 90), then: .exit(.reneged)), nil]),
        station("lab", resource: 1, classes: 2, perClass: [try .exponential(mean: 20), try .exponential(mean: 30)]),
      ])
    let horizon = SimDuration.days(400)
    let warmUp = SimDuration.days(2)
    let runs = (0..<10).map {
      PathwayModel.replicate(spec, seeder: StreamSeeder(masterSeed: 7, replication: $0), horizon: horizon, warmUp: warmUp).values
    }
    for s in ["doctor", "lab"] {
      for c in ["opd", "anc"] {
        // The time here counts those who give up waiting too, so L = λW holds with patience.
        let p = "\(s).class.\(c)."
        TheoryCheck.ratioIsOne("Little \(s)/\(c)", replications: runs.count) { r in
          let lambda = runs[r][p + "arrivals"]! / (horizon - warmUp).minutes
          return runs[r][p + "in_system.mean"]! / (lambda * runs[r][p + "sojourn.mean"]!)
        }.expectAgreement()
      }
    }
  }
}
