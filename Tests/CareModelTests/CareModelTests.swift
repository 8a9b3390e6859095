import CareModel
import Foundation
import SimKernel
import SimRandom
import SimStats
import SimTestSupport
import Testing

let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

@Suite("Care-network model")
struct CareModelTests {
  @Test("each patient ends exactly once: home, admitted, unplaced, abandoned or still in the system",
        arguments: [(1, CareNetworkSpec.SessionEnd.wait), (2, .goHome), (3, .wait), (4, .goHome)])
  func conservation(seed: Int, sessionEnd: CareNetworkSpec.SessionEnd) throws {
    var net = TinyNetwork()
    net.sessionEnd = sessionEnd
    net.dailyRequests = 45
    net.spokeBeds = 1
    net.chcBeds = 1
    net.admit = 0.3
    net.refer = 0.3
    net.otherAdmissions = 1
    let r = try net.run(seed: UInt64(seed), days: 56)
    #expect(r.ledger.arrived == r.ledger.ended + r.patientsInSystem, "seed \(seed): \(r.ledger)")
    #expect(r.ledger.arrived > 1000)
    #expect(r.ledger.abandoned > 0 && r.ledger.admittedAtSpoke > 0 && r.ledger.admittedOnReferral > 0)
    if sessionEnd == .goHome { #expect(r.patientsInSystem < 40, "go-home leaves nobody waiting overnight") }
  }

  @Test("no negative waits and no consultation outside a session", arguments: 1...3)
  func consultationsInsideSessions(seed: Int) throws {
    var net = TinyNetwork()
    net.consult = try .lognormal(mean: 12, sd: 8)
    let r = try net.run(seed: UInt64(seed), days: 21, tracing: true)
    let starts = r.trace!.records.compactMap { record -> (SimTime, SimDuration)? in
      guard case .consultStart(_, _, let waited) = record.event else { return nil }
      return (record.time, waited)
    }
    #expect(starts.count > 300)
    for (time, waited) in starts {
      // Day 0 (2021-03-01) is a Monday; sessions run 09:00-14:00 Monday to Saturday.
      #expect(time.day % 7 != 6 && time.timeOfDay >= .hours(9) && time.timeOfDay < .hours(14), "seed \(seed): \(time)")
      #expect(waited >= .zero, "seed \(seed): \(time)")
    }
  }

  @Test("a calendar entry of the care model takes 24 bytes")
  func calendarEntryIsCompact() {
    #expect(EventCalendar<CareEvent>.entryStride == 24)
  }

  @Test("more beds give fewer refusals (same seeds)")
  func moreBedsFewerRefusals() throws {
    var refusals: [Double] = []
    for beds in [1, 2, 4, 8] {
      var net = TinyNetwork()
      net.spokeBeds = beds
      net.otherAdmissions = 1.5
      net.admit = 0.2
      let r = try net.run(seed: 11, days: 120, warmUp: 7)
      refusals.append(r.values["beds.refused"]!)
    }
    #expect(refusals == refusals.sorted(by: >), "\(refusals)")
    #expect(refusals.first! > refusals.last!)
  }
}

@Suite("Documentation of the care model")
struct CareDocumentationTests {
  static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs")

  /// A network with every kind of stream: ambulances, and outside admissions to beds.
  @Test("every stream a replication draws from is one that StreamName lists, and each listed one is used")
  func streamListIsComplete() throws {
    var net = TinyNetwork()
    net.otherAdmissions = 1
    var spec = try LineNetwork().spec()
    spec.otherAdmissionsPerDay = net.spec().otherAdmissionsPerDay
    // Medicines with warehouses, and ASHAs, have streams of their own.
    let periodic = MedicineSupply.Policy(review: .periodic(days: 7), orderUpTo: .daysOfCover(10), leadTime: try .constant(1440))
    spec.medicines = try poissonPrescriptions(perDay: 1, policy: periodic).spec().medicines
    spec.medicines?.warehousePolicy = periodic
    spec.asha = AshaMobilisation(peoplePerAsha: 100, incentive: 10, response: .init(base: 1, extra: 0, halfAt: 0))
    let names = CareNetworkModel.streamNames(spec, layout: try CareLayout(spec: spec, horizon: .days(1)))
    func matches(_ name: String, _ pattern: String) -> Bool {
      guard let dot = pattern.firstIndex(of: "."), pattern[pattern.index(after: dot)...].allSatisfy({ $0.isUppercase }) else {
        return name == pattern
      }
      return name.hasPrefix(pattern[...dot]) && !StreamName.all.contains { $0.pattern == name }
    }
    for name in names {
      #expect(StreamName.all.contains { matches(name, $0.pattern) }, "stream '\(name)' is not in StreamName.all")
    }
    for (pattern, _) in StreamName.all {
      #expect(names.contains { matches($0, pattern) }, "no stream of the form '\(pattern)' was created")
    }
    #expect(Set(names).count == names.count, "a stream name is used twice: two sources would share draws")
  }

  @Test("the mechanics document lists every random stream of a care network, and no other")
  func streamsAreDocumented() throws {
    let text = try String(contentsOf: Self.docs.appendingPathComponent("mechanics.md"), encoding: .utf8)
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { line -> String? in
      line.split(separator: "`").dropFirst().first.map(String.init)
    }
    let listed = Set(rows.filter { !$0.contains(" ") })
    for (pattern, _) in StreamName.all {
      #expect(listed.contains(pattern), "docs/mechanics.md does not list the stream '\(pattern)'")
    }
    let careRows = listed.filter { r in StreamName.all.contains { $0.pattern == r } || r.hasPrefix("ambulance.") }
    #expect(careRows.count == StreamName.all.count, "\(careRows.sorted())")
  }
}
