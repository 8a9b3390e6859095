import CareModel
import SimStats
import SimTestSupport
import Testing

@Suite("Care network against theory", .tags(.validation))
struct CareValidationTests {
  /// A reduced network: always in session, Poisson demand, exponential consultations, no
  /// failures and a statewide pool per specialty, so each specialty is an M/M/c queue.
  @Test("each specialty's statewide queue matches Erlang C")
  func statewidePoolIsMMc() throws {
    var net = TinyNetwork.reduced()
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

  /// Little's law, L = λW, on the consultation queues: the time-average number waiting
  /// against (consultations per minute) × (mean wait), replication by replication.
  /// Requests come 09:00-16:00 and sessions run 08:00-20:00, so the queue is far from
  /// stationary within a day but empty at midnight: the window (warm-up to horizon, both at
  /// midnight) then cuts no wait in two, and the law holds on every sample path. (With a
  /// queue left overnight at the warm-up, waits begun before it inflate W by about 0.8%.)
  /// No call fails, so every patient who waits is seen.
  @Test("consultation queues obey Little's law")
  func littleOnConsultQueues() throws {
    var net = TinyNetwork()
    net.connectionFailure = 0
    net.doctorUnavailable = 0
    net.admit = 0
    net.refer = 0
    net.sessionDays = Array(repeating: true, count: 7)
    net.opensAt = .hours(8)
    net.closesAt = .hours(20)
    net.consult = try .lognormal(mean: 9, sd: 5)
    try TheoryCheck.ratioIsOne("L / (λ W) for waiting patients", replications: 12) { r in
      let v = try net.run(seed: 77, replication: r, days: 200, warmUp: 14).values
      let lambda = v["teleconsult.completed.per_day"]! / 1440
      return v["teleconsult.waiting.mean"]! / (lambda * v["teleconsult.wait.mean"]! * 60)
    }.expectAgreement()
  }

  /// Little's law on the bed pools: mean occupied beds = admissions per minute × mean stay
  /// (exponential, 2 days), with teleconsultation admissions and outside ones competing.
  @Test("bed pools obey Little's law")
  func littleOnBeds() throws {
    var net = TinyNetwork()
    net.admit = 0.1
    net.refer = 0.1
    net.otherAdmissions = 1
    let beds = Double(net.spokeBeds + net.chcBeds + 4)  // S2, the CHC and the hub
    try TheoryCheck.ratioIsOne("L / (λ W) for beds", replications: 12) { r in
      let v = try net.run(seed: 78, replication: r, days: 300, warmUp: 14).values
      let occupied = v["beds.occupancy.mean"]! * beds
      return occupied / ((v["admissions.per_day"]! + v["admissions.other.per_day"]!) * 2)
    }.expectAgreement()
  }

  /// A bed pool fed only by Poisson admissions from outside, with exponential stays and no
  /// waiting, is M/M/c/c: the share refused is Erlang B. The PHC has 4 beds and the CHC 3,
  /// each with 1.5 admissions a day staying 2 days on average (load 3).
  @Test("a bed pool fed only by outside admissions refuses as Erlang B says")
  func bedPoolIsErlangB() throws {
    var net = TinyNetwork()
    net.dailyRequests = 0.01
    net.admit = 0
    net.refer = 0
    net.spokeBeds = 4
    net.chcBeds = 3
    net.otherAdmissions = 1.5
    var blocking: [String: [Double]] = ["phc": [], "chc": []]
    for r in 0..<40 {
      let result = try net.run(seed: 2024, replication: r, days: 1000, warmUp: 10)
      let table = result.tables.first { $0.name == "by-tier" }!
      let admitted = table.valueColumns.firstIndex(of: "admissions_per_day")!
      let refused = table.valueColumns.firstIndex(of: "refused_per_day")!
      for (key, row) in zip(table.keys, table.values) where blocking[key[0]] != nil {
        blocking[key[0]]!.append(row[refused] / (row[admitted] + row[refused]))
      }
    }
    for (tier, beds) in [("phc", 4), ("chc", 3)] {
      let theory = QueueingTheory.erlangB(servers: beds, load: 3)
      TheoryCheck("\(tier) blocking (\(beds) beds, load 3)", theory: theory,
                  estimate: ReplicationEstimate(blocking[tier]!)!).expectAgreement()
    }
  }
}

extension Tag {
  @Tag static var validation: Self
}
