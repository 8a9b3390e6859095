import CareModel
import SimStats
import SimTestSupport
import Testing

@Suite("Care network against Erlang C", .tags(.validation))
struct ErlangCValidationTests {
  /// A reduced network: always in session, Poisson demand, exponential consultations, no
  /// failures and a statewide pool per specialty, so each specialty is an M/M/c queue.
  @Test("each specialty's statewide queue matches Erlang C")
  func statewidePoolIsMMc() throws {
    var net = TinyNetwork()
    net.flatDemand = true
    net.sessionDays = Array(repeating: true, count: 7)
    net.opensAt = .zero
    net.closesAt = .day
    net.connectionFailure = 0
    net.doctorUnavailable = 0
    net.admit = 0
    net.refer = 0
    net.consult = try .exponential(mean: 10)
    net.specialists = 3
    net.assignment = .statewidePool
    net.dailyRequests = 0.3 * 1440 / 0.7 * 0.7 * 1.0  // medicine 0.21/min, paediatrics 0.09/min
    let replications = 40
    var waits: [[Double]] = [[], []]
    for r in 0..<replications {
      let result = try net.run(seed: 2021, replication: r, days: 300, warmUp: 2)
      let table = result.tables.first { $0.name == "by-specialty" }!
      let column = table.valueColumns.firstIndex(of: "wait_mean_h")!
      for s in 0..<2 { waits[s].append(table.values[s][column] * 60) }
    }
    let lambda = net.dailyRequests / 1440
    for (s, share) in [0.7, 0.3].enumerated() {
      let theory = try QueueingTheory.mmc(arrivalRate: lambda * share, serviceRate: 0.1, servers: 3)
      let check = TheoryCheck("specialty \(s) wait.mean", theory: theory.meanWait,
                              estimate: ReplicationEstimate(waits[s])!)
      #expect(check.isWithin(standardErrors: 4), "\(check)")
      #expect(check.detectsBias(of: 0.05), "no teeth: \(check)")
    }
  }
}

extension Tag {
  @Tag static var validation: Self
}
