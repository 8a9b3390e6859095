import CMallocCounter
import Pathways
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

@Suite("Pathways: balking, closing rules, returns, routing rules, allocations")
struct PathwayMechanismTests {
  /// Balking at b waiting with c servers is the M/M/c/K queue with K = c + b: an arrival who
  /// finds K present leaves.
  @Test("balking at a queue length matches M/M/c/K blocking and waits")
  func balkingIsFiniteCapacity() throws {
    let (lambda, mu, c, b) = (5.0 / 60, 1.0 / 30, 3, 4)
    let spec = Spec(
      classes: [.init(name: "all")], resources: [.init(name: "desk", roster: .constant(c))],
      stations: [station("desk", resource: 0, service: try .exponential(mean: 1 / mu), arrivals: [try poisson(lambda)],
                         balk: [b])])
    let theory = try QueueingTheory.mmck(arrivalRate: lambda, serviceRate: mu, servers: c, capacity: c + b)
    let e = replicatePathways(spec, horizon: .days(3000), warmUp: .days(5))
    expectTheory(e, [("desk.balked", theory.blocking), ("class.all.balked", theory.blocking),
                     ("desk.wait.mean", theory.meanWait), ("desk.in_system.mean", theory.meanInSystem)])
  }

  /// Arrivals every 10 minutes from 10, each served in 25 minutes by one server on duty for
  /// the first hour of each day.
  static func closing(_ rule: PathwaySpec.ClosingRule, sameLevelAt extra: Double? = nil) throws -> [String] {
    var changes: [Roster.Change] = [.init(offset: .zero, servers: 1), .init(offset: SimDuration(minutes: 60), servers: 0)]
    if let extra { changes.append(.init(offset: SimDuration(minutes: extra), servers: 0)) }
    let spec = Spec(
      classes: [.init(name: "all")],
      resources: [.init(name: "clinic", roster: Roster(period: .days(1), changes: changes), closing: rule)],
      stations: [station("clinic", resource: 0, service: try .constant(25), arrivals: [.renewal(try .constant(10))])])
    return PathwayModel.trace(spec, seeder: StreamSeeder(masterSeed: 1, replication: 0), horizon: SimDuration(minutes: 140))
      .filter { !$0.contains("arrives") }
  }

  // Served: patient 1 at 10-35, patient 2 (joined 20) at 35-60; at 60 patients 3, 4 and 5
  // (joined 30, 40, 50) wait, and patient 6 arrives as the clinic closes.
  @Test("send-home empties the line at closing; carry-over keeps it; finish-queue sees it out")
  func closingRules() throws {
    let sendHome = try Self.closing(.sendHome)
    #expect(sendHome.filter { $0.contains("sent home") }.map { String($0.prefix(2)) } == ["60", "60", "60"])
    #expect(!sendHome.contains { $0.hasPrefix("85") })
    let carry = try Self.closing(.carryOver)
    #expect(!carry.contains { $0.contains("sent home") })
    #expect(carry.last { $0.contains("starts service") }?.hasPrefix("35") == true)
    let finish = try Self.closing(.finishQueue)
    // The three who waited at 60 start at 60, 85 and 110; the one who arrived at 60, as the
    // clinic closed, does not start when the last of them finishes at 135.
    let starts = finish.filter { $0.contains("starts service") }.map { String($0.split(separator: " ")[0]) }
    #expect(starts == ["10", "35", "60", "85", "110"])
    #expect(finish.contains("110 patient 5 (all) starts service at clinic"))
    #expect(!finish.contains { $0.contains("patient 6 (all) starts") })
    // A roster change that names the level it already has (0 at 70) changes nothing.
    #expect(try Self.closing(.finishQueue, sameLevelAt: 70) == finish)
  }

  @Test("a break that leaves no one on duty makes the line wait, whatever the closing rule")
  func absenceIsNotClosing() throws {
    // One server always on shift, away 12:00-12:30 (the roster less the absence); arrivals
    // every 10 minutes, 15 minutes each, so a long line is waiting at 12:00.
    let shift = Roster.constant(1)
    let withBreak = Roster(period: .days(1), changes: [.init(offset: .zero, servers: 1),
                                                       .init(offset: SimDuration(minutes: 720), servers: 0),
                                                       .init(offset: SimDuration(minutes: 750), servers: 1)])
    let spec = Spec(
      classes: [.init(name: "all")],
      resources: [.init(name: "clinic", roster: withBreak, shift: shift, closing: .sendHome)],
      stations: [station("clinic", resource: 0, service: try .constant(15), arrivals: [.renewal(try .constant(10))])])
    let lines = PathwayModel.trace(spec, seeder: StreamSeeder(masterSeed: 1, replication: 0), horizon: .days(1))
    #expect(!lines.contains { $0.contains("sent home") })
    #expect(lines.contains { $0.hasPrefix("750 ") && $0.contains("starts service") })
  }

  @Test("a class with returns completes exactly its number of visits, in clinic hours")
  func returnsCountAndWindow() throws {
    let window = PathwaySpec.ReturnWindow(start: 9 * 60, end: 13 * 60, days: [true, true, true, true, true, true, false])
    let spec = Spec(
      classes: [.init(name: "anc", returns: .init(visits: try .constant(4), after: try .uniform(min: 20_000, max: 60_000),
                                                    station: StationID(0), window: window))],
      resources: [.init(name: "anm", roster: .constant(2))],
      stations: [station("anm", resource: 0, service: try .constant(10), arrivals: [.renewal(try .exponential(mean: 600))])])
    let lines = PathwayModel.trace(spec, seeder: StreamSeeder(masterSeed: 3, replication: 0), horizon: .days(2000))
    let returns = lines.filter { $0.contains("comes back") }
    #expect(returns.count > 1000)
    for line in returns {
      let minutes = Double(line.split(separator: " ")[0])!
      let day = Int(minutes / 1440)
      let clock = minutes - Double(day) * 1440
      #expect(day % 7 != 6 && clock >= 540 && clock < 780, "\(line)")
    }
    // Every patient who has left for good made four visits (three comebacks).
    var comebacks: [String: Int] = [:]
    for line in returns { comebacks[String(line.split(separator: " ")[2]), default: 0] += 1 }
    let finished = lines.filter { $0.contains("leaves (completed)") }.map { String($0.split(separator: " ")[2]) }
    var visits: [String: Int] = [:]
    for p in finished { visits[p, default: 0] += 1 }
    for (patient, n) in visits where n == 4 { #expect(comebacks[patient] == 3) }
    #expect(visits.values.allSatisfy { $0 <= 4 })
    #expect(visits.values.filter { $0 == 4 }.count > 200)
  }

  @Test("returns follow the rule of the class a patient came in as, whatever class they end as")
  func returnsAfterClassChange() throws {
    // First visits go on to the lab as reviews; the first-visit rule (3 visits, back as
    // first visits) must still apply, though "review" has no return rule of its own.
    let spec = Spec(
      classes: [.init(name: "first", returns: .init(visits: try .constant(3), after: try .constant(1440), station: StationID(0))),
                .init(name: "review")],
      resources: [.init(name: "doctor", roster: .constant(3)), .init(name: "lab", roster: .constant(3))],
      stations: [
        station("doctor", resource: 0, classes: 2, service: try .constant(10), arrivals: [.renewal(try .exponential(mean: 300)), nil],
                routing: [[.init(branches: [to(1, 1, as: 1)])], []]),
        station("lab", resource: 1, classes: 2, service: try .constant(10)),
      ])
    let e = replicatePathways(spec, horizon: .days(1000), warmUp: .days(10))
    // Every patient makes 3 visits: doctor arrivals are 3 times the outside arrivals, and
    // every visit counts as a first visit that completed.
    expectTheory(e, [("doctor.arrivals", 3 * 990 * 1440 / 300.0), ("class.first.throughput", 3 * 60 / 300.0)])
    #expect(e("class.review.throughput").mean == 0)
  }

  @Test("the return window picks the first open day at or after the due day, never before now")
  func returnWindowArithmetic() {
    let window = PathwaySpec.ReturnWindow(start: 9 * 60, end: 13 * 60, days: [true, true, true, true, true, true, false])
    // Due Saturday 20:00 (day 5): Saturday's hours are over, Sunday is closed: Monday 09:00-13:00.
    let due = 5 * 1440.0 + 20 * 60
    #expect(window.arrival(due: due, now: 0, u: 0) == 7 * 1440 + 540)
    #expect(window.arrival(due: due, now: 0, u: 0.5) == 7 * 1440 + 660)
    // Due Tuesday 10:00: between then and Tuesday's close, never before it is due.
    #expect(window.arrival(due: 1440 + 600, now: 0, u: 0) == 1440 + 600)
    #expect(window.arrival(due: 1440 + 600, now: 0, u: 0.5) == 1440 + 690)
    // Never before now: told on Tuesday at 11:00 to come the same day.
    #expect(window.arrival(due: 1440 + 600, now: 1440 + 660, u: 0) == 1440 + 660)
  }

  @Test("routing by time of day sends patients by the rule in force when their service ends")
  func hoursRule() throws {
    let spec = Spec(
      classes: [.init(name: "all")], resources: [.init(name: "desk", roster: .constant(50))],
      stations: [
        station("desk", resource: 0, service: try .constant(1), arrivals: [try poisson(1.0 / 5)],
                routing: [[.init(condition: .hours(start: 22 * 60, end: 6 * 60), branches: [to(1)]),
                           .init(branches: [to(2, 0.5)])]]),
        station("night", resource: nil, service: try .constant(1)),
        station("day", resource: nil, service: try .constant(1)),
      ])
    let e = replicatePathways(spec, replications: 5, horizon: .days(200), warmUp: .days(1))
    // A third of the day is 22:00-06:00; the rest sends half to "day".
    expectTheory(e, [("night.throughput", 60.0 / 5 / 3), ("day.throughput", 60.0 / 5 * 2 / 3 / 2)])
  }

  @Test("routing to a station if it is free, else elsewhere, sends overflow exactly when all are busy")
  func freeRule() throws {
    // An Erlang loss system in disguise: patients go to the 2-server room when one is free,
    // else to a pure delay; the share that goes elsewhere is Erlang B.
    let spec = Spec(
      classes: [.init(name: "all")], resources: [.init(name: "room", roster: .constant(2))],
      stations: [
        station("door", resource: nil, service: try .constant(1.0 / 60), arrivals: [try poisson(1.0 / 30)],
                routing: [[.init(condition: .free(StationID(1)), branches: [to(1)]), .init(branches: [to(2)])]]),
        station("room", resource: 0, service: try .exponential(mean: 60)),
        station("elsewhere", resource: nil, service: try .constant(1)),
      ])
    let e = replicatePathways(spec, horizon: .days(3000), warmUp: .days(5))
    let b = QueueingTheory.erlangB(servers: 2, load: 2)
    expectTheory(e, [("elsewhere.throughput", 2 * b), ("room.busy.mean", 2 * (1 - b))])
  }

  @Test("a steady-state run allocates nothing per event")
  func noAllocationsPerEvent() throws {
    let spec = try PathwayTraceTests.facility()
    func allocations(days: Double) -> (UInt64, UInt64) {
      let before = telesim_thread_allocations()
      let r = PathwayModel.replicate(spec, seeder: StreamSeeder(masterSeed: 5, replication: 0), horizon: .days(days), warmUp: .zero)
      return (telesim_thread_allocations() - before, r.events)
    }
    let (short, shortEvents) = allocations(days: 200)
    let (long, longEvents) = allocations(days: 400)
    #expect(Int(long) - Int(short) <= 16, "\(short) allocations in \(shortEvents) events, \(long) in \(longEvents)")
    #expect(longEvents > 100_000)
  }
}

