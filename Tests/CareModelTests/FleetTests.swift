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
