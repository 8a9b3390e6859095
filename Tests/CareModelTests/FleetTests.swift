import CareModel
import SimKernel
import SimRandom
import SimTestSupport
import Testing

extension CareReplication {
  /// The traced events, in order.
  var records: [TraceRecord] { trace?.records ?? [] }
}

@Suite("Ambulances")
struct FleetTests {
  /// Worked by hand: dispatch = call + 2 min chute + 18 min (A→B) ⇒ response 20 min; 10 min at
  /// the scene; 18 min B→C; 5 min handover; 36 min C→A. The whole job takes 89 min.
  @Test("a single ambulance on a line follows the hand-worked timeline")
  func singleAmbulanceTimeline() throws {
    let r = try LineNetwork().run()
    // The first job that starts with the ambulance idle at its base and that no later call
    // interrupts (a call during the return redeploys the ambulance): call, dispatch,
    // at-scene, at-hospital and back-at-base in a row.
    let events = r.records.filter {
      if case .bedRefused = $0.event { return false }
      return true
    }
    func stage(_ e: TraceEvent) -> Int? {
      switch e {
      case .callOpened: return 0
      case .dispatched: return 1
      case .atScene: return 2
      case .atHospital: return 3
      case .backAtBase: return 4
      default: return nil
      }
    }
    func startsCleanJob(_ i: Int) -> Bool {
      guard i + 5 <= events.count, i == 0 || stage(events[i - 1].event) == 4 else { return false }
      return (0..<5).allSatisfy { k in stage(events[i + k].event) == k }
    }
    let start = try #require(events.indices.first(where: startsCleanJob), "no uninterrupted job in 20 days")
    func at(_ k: Int) -> Double { (events[start + k].time - events[start].time).minutes }
    guard case .dispatched(_, _, let from, let eta) = events[start + 1].event else { return }
    #expect(from == FacilityID(1) && abs(eta.minutes - 20) < 1e-9)
    #expect(abs(at(2) - 20) < 1e-9)
    #expect(abs(at(3) - 48) < 1e-9)
    #expect(abs(at(4) - 89) < 1e-9)
    // Every call waits at least the 20-minute drive.
    #expect(r.values["ambulance.response.mean"]! >= 20)
    #expect(r.values["ambulance.response.p50"]! > 19.9)
  }

  @Test("dispatch sends the nearest available ambulance, and the second only when the first is out")
  func nearestAvailable() throws {
    let r = try LineNetwork(secondAmbulance: true, calls: 6).run()
    // Both bases are 18 min from B; ties go to the lower-numbered ambulance, so ambulance 0
    // takes every call it is free for, and ambulance 1 only calls that come while ambulance 0
    // is out on a job.
    var firstIsOut = false
    var secondDispatches = 0
    for record in r.records {
      switch record.event {
      case .dispatched(let a, _, _, _) where a == AmbulanceID(0): firstIsOut = true
      case .dispatched(let a, _, _, _):
        #expect(a == AmbulanceID(1))
        #expect(firstIsOut, "ambulance 1 sent at \(record.time.minutes) min while ambulance 0 was at its base")
        secondDispatches += 1
      case .backAtBase(let a) where a == AmbulanceID(0): firstIsOut = false
      default: break
      }
    }
    #expect(secondDispatches >= 5, "6 calls a day for 20 days must overlap some of ambulance 0's 89-minute jobs")
  }

  @Test("every call ends exactly once: served, failed, without a bed, or still open", arguments: [1, 2, 3])
  func conservation(seed: Int) throws {
    let r = try LineNetwork(secondAmbulance: seed % 2 == 0, calls: 30).run(seed: UInt64(seed), tracing: false)
    let l = r.calls!
    #expect(l.opened == l.served + l.failed + l.unplaced + r.openCalls, "seed \(seed): \(l), open \(r.openCalls)")
    #expect(l.opened > 400 && l.served > 0)
    #expect(l.failed > 0 || seed % 2 == 0, "one ambulance cannot keep up with 30 calls a day")
  }

  @Test("an ambulance off duty takes no call, for day and night shifts",
        arguments: [(8.0, 20.0), (20.0, 8.0)])
  func dutyHours(start: Double, end: Double) throws {
    let shift = FleetSpec.Shift(start: .hours(start), end: .hours(end))
    let r = try LineNetwork(calls: 6, duty: shift).run()
    let dispatches = r.records.filter {
      if case .dispatched = $0.event { return true }
      return false
    }
    #expect(dispatches.count > 20)
    for d in dispatches {
      #expect(shift.covers(d.time.timeOfDay), "dispatch at \(d.time) outside \(start)-\(end)")
    }
  }

  @Test("the same seed gives the same ambulance figures, another seed different ones")
  func determinism() throws {
    let a = try LineNetwork(secondAmbulance: true, calls: 10).run(seed: 4, tracing: false)
    let b = try LineNetwork(secondAmbulance: true, calls: 10).run(seed: 4, tracing: true)
    #expect(a.values == b.values && a.tables == b.tables, "tracing must not change the figures")
    let c = try LineNetwork(secondAmbulance: true, calls: 10).run(seed: 5, tracing: false)
    #expect(a.values != c.values)
  }
}

@Suite("Ambulance streams")
struct FleetStreamTests {
  /// With one ambulance, jobs never overlap, so `ambulance.times` is drawn chute, scene,
  /// handover, chute… in that order. The admission decision has its own stream: were it drawn
  /// from `ambulance.times`, every handover would be the draw after the one expected.
  @Test("chute, scene and handover times are the ambulance.times stream in order, with nothing between")
  func timesStreamCarriesOnlyTimes() throws {
    var net = LineNetwork(calls: 3, admit: 0.5)
    net.chute = try .lognormal(mean: 3, sd: 1)
    net.atScene = try .lognormal(mean: 12, sd: 4)
    net.handover = try .lognormal(mean: 8, sd: 3)
    let seed: UInt64 = 11
    let r = try net.run(seed: seed, days: 10)
    let fresh = StreamSeeder(masterSeed: seed, replication: 0).stream("ambulance.times")
    // From the movements: chute = arrival at scene − departure − 18 min (A→B and C→B alike);
    // scene = leaving for hospital − arrival at scene; handover = next departure − arrival
    // at hospital.
    var observed: [(chute: Double, scene: Double, handover: Double)] = []
    var chute = 0.0, scene = 0.0
    var sceneStart = SimTime.zero, handoverStart: SimTime?
    for m in r.trace!.movements {
      if let start = handoverStart, m.kind == .returning || m.kind == .toScene {
        observed.append((chute, scene, (m.time - start).minutes))
        handoverStart = nil
      }
      switch m.kind {
      case .toScene: chute = (m.drive!.arrival - m.time).minutes - 18
      case .atScene: sceneStart = m.time
      case .toHospital: scene = (m.time - sceneStart).minutes
      case .atHospital: handoverStart = m.time
      default: break
      }
    }
    #expect(observed.count >= 15)
    for (k, job) in observed.prefix(15).enumerated() {
      let expected = (net.chute.sample(using: fresh), net.atScene.sample(using: fresh), net.handover.sample(using: fresh))
      #expect(abs(job.chute - expected.0) < 1e-6 && abs(job.scene - expected.1) < 1e-6
              && abs(job.handover - expected.2) < 1e-6, "job \(k): \(job) against \(expected)")
    }
  }
}

@Suite("Ambulance dispatch rules")
struct DispatchRuleTests {
  /// One ambulance, many calls: calls often come while it drives back to base. It is then
  /// sent from its base once it gets there (the pending arrival is cancelled and no
  /// back-at-base is recorded for that return); the ETA counts the rest of the drive back.
  @Test("an ambulance driving back is redeployed from its base, and its return is cancelled")
  func redeployment() throws {
    let r = try LineNetwork(calls: 12).run(days: 10)
    var returning: (start: SimTime, arrival: SimTime)?
    var redeployed = 0
    var records = r.records.makeIterator()
    for m in r.trace!.movements {
      switch m.kind {
      case .returning: returning = (m.time, m.drive!.arrival)
      case .atBase: returning = nil
      case .toScene:
        if let back = returning {
          // The dispatch record comes at the call; the drive to the scene starts at base.
          #expect(m.time == back.arrival, "leaves from base when it gets there")
          var dispatch: TraceRecord?
          while let next = records.next() {
            if case .dispatched = next.event, next.time >= back.start, next.time <= m.time { dispatch = next; break }
          }
          let d = try #require(dispatch)
          guard case .dispatched(_, _, let from, let eta) = d.event else { continue }
          #expect(from == FacilityID(1), "from its base")
          // (rest of the return) + 2 min chute + 18 min A→B.
          #expect(abs(eta.minutes - ((back.arrival - d.time).minutes + 20)) < 1e-9)
          redeployed += 1
          returning = nil
        }
      default: break
      }
    }
    #expect(redeployed >= 5)
    // Every return ends in exactly one of: back at base, or a redeployment.
    let returns = r.trace!.movements.filter { $0.kind == .returning }.count
    let atBase = r.records.filter { if case .backAtBase = $0.event { return true } else { return false } }.count
    #expect(returns == atBase + redeployed, "\(returns) returns, \(atBase) back at base, \(redeployed) redeployed")
  }

  @Test("calls that wait longer than the limit fail and are never served")
  func expiredCalls() throws {
    var net = LineNetwork(calls: 30)
    net.maxQueue = SimDuration(minutes: 30)
    let r = try net.run(days: 10)
    var opened: [Int: SimTime] = [:]
    var expired = Set<Int>()
    for record in r.records {
      switch record.event {
      case .callOpened(let call, _, _, nil): opened[call] = record.time
      case .callExpired(let call, let waited):
        expired.insert(call)
        #expect(waited > SimDuration(minutes: 30) && record.time - opened[call]! == waited)
      case .dispatched(_, let call, _, _):
        #expect(!expired.contains(call), "call \(call) dispatched after it expired")
        #expect(record.time - opened[call]! <= SimDuration(minutes: 30), "call \(call) waited past the limit")
      default: break
      }
    }
    #expect(expired.count > 20)
    #expect(r.calls!.failed == expired.count)
  }

  /// A third base D sits 3.3 km north of the village B in a straight line, but its only road
  /// goes to A (10 km at 20 km/h): 30 + 18 = 48 min to B by road, against 18 min from A.
  @Test("straight-line dispatch sends the ambulance nearest as the crow flies; road dispatch the nearest by road",
        arguments: [FleetSpec.Dispatch.road, .straightLine])
  func straightLine(policy: FleetSpec.Dispatch) throws {
    var spec = try LineNetwork(calls: 2, dispatch: policy).spec()
    let d = GeoPoint(latitude: 25.03, longitude: 85.06)
    spec.facilities.append(HealthCentre(id: "P3", name: "base three", tier: .phc, district: "North", location: d, beds: 0))
    var fleet = try #require(spec.fleet)
    fleet.ambulances.append(.init(kind: .basic, base: FacilityID(4)))
    let roads = try #require(fleet.roads)
    fleet.roads = RoadGraph(nodes: roads.nodes + [d], edges: [
      .init(from: RoadNodeID(0), to: RoadNodeID(1), kilometres: 6, speed: 20),
      .init(from: RoadNodeID(1), to: RoadNodeID(2), kilometres: 6, speed: 20),
      .init(from: RoadNodeID(3), to: RoadNodeID(0), kilometres: 10, speed: 20),
    ])
    spec.fleet = fleet
    let r = try LineNetwork.run(spec, days: 2)
    let first = try #require(r.records.first { if case .dispatched = $0.event { return true } else { return false } })
    guard case .dispatched(let a, _, let from, let eta) = first.event else { return }
    switch policy {
    case .road: #expect(a == AmbulanceID(0) && from == FacilityID(1) && abs(eta.minutes - 20) < 1e-9)
    case .straightLine: #expect(a == AmbulanceID(1) && from == FacilityID(4) && abs(eta.minutes - 50) < 1e-9)
    }
  }
}

@Suite("Fleet allocation by district")
struct DistrictAllocationTests {
  /// District A has a base far west (A1, beside A's people) and one on the border (A2);
  /// district B, east of the border, has ten times A's people and its own base.
  private let facilities = [
    HealthCentre(id: "A1", name: "A1", tier: .phc, district: "A", location: GeoPoint(latitude: 25, longitude: 84.0), beds: 6),
    HealthCentre(id: "A2", name: "A2", tier: .phc, district: "A", location: GeoPoint(latitude: 25, longitude: 84.5), beds: 6),
    HealthCentre(id: "B1", name: "B1", tier: .phc, district: "B", location: GeoPoint(latitude: 25, longitude: 85.5), beds: 6),
  ]
  private let habitations = [
    Habitation(location: GeoPoint(latitude: 25, longitude: 84.01), population: 3_000, district: "A"),
    Habitation(location: GeoPoint(latitude: 25, longitude: 84.49), population: 1_000, district: "A"),
    Habitation(location: GeoPoint(latitude: 25, longitude: 84.9), population: 40_000, district: "B"),
  ]

  @Test("a district's ambulances follow its own people, not its neighbours' nearest to its border")
  func followsOwnPopulation() {
    let fleet = FleetSpec.allocate(basic: 8, advanced: 0, inDistrict: "A", bases: [FacilityID(0), FacilityID(1)],
                                   facilities: facilities, habitations: habitations)
    // A's people: 3,000 near A1 and 1,000 near A2, so 6 and 2 (B's 40,000 would put 8 at A2).
    #expect(fleet.filter { $0.base == FacilityID(0) }.count == 6)
    #expect(fleet.filter { $0.base == FacilityID(1) }.count == 2)
  }
}
