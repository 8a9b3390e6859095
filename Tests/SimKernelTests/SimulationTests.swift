import SimKernel
import Testing

/// Records what the kernel delivers, and reschedules a tick every `period` minutes.
private struct Recorder: SimulationModel {
  var delivered: [(time: Double, event: String)] = []
  var warmUpAt: [Double] = []
  var stopAfter: Int?

  mutating func handle(_ event: String, in sim: inout Simulation<String>) {
    delivered.append((sim.now.minutes, event))
    if event == "tick" { sim.schedule("tick", after: SimDuration(minutes: 10)) }
    if let n = stopAfter, delivered.count >= n { sim.stop() }
  }

  mutating func endWarmUp(at time: SimTime) { warmUpAt.append(time.minutes) }
}

@Suite("Run loop")
struct SimulationTests {
  @Test("runs to the horizon, delivering events at the horizon and none after")
  func runsToHorizon() {
    var sim = Simulation<String>()
    var model = Recorder()
    sim.schedule("tick", at: SimTime(minutes: 0))
    let outcome = sim.run(&model, until: SimTime(minutes: 50))
    #expect(outcome == .reachedHorizon)
    #expect(model.delivered.map(\.time) == [0, 10, 20, 30, 40, 50])
    #expect(sim.now.minutes == 50)
    #expect(sim.eventsProcessed == 6)
    #expect(sim.pendingEventCount == 1)
  }

  @Test("warm-up ends once, at its instant, before later events")
  func warmUpEndsOnce() {
    var sim = Simulation<String>()
    var model = Recorder()
    sim.schedule("tick", at: SimTime(minutes: 0))
    _ = sim.run(&model, until: SimTime(minutes: 100), warmUpEnd: SimTime(minutes: 25))
    #expect(model.warmUpAt == [25])
  }

  @Test("a stop request returns after the current event")
  func stopReturnsEarly() {
    var sim = Simulation<String>()
    var model = Recorder(stopAfter: 3)
    sim.schedule("tick", at: SimTime(minutes: 0))
    #expect(sim.run(&model, until: SimTime(minutes: 1000)) == .stopped)
    #expect(sim.now.minutes == 20)
  }

  @Test("an empty calendar ends the run at the horizon")
  func emptyCalendar() {
    var sim = Simulation<String>()
    var model = Recorder()
    sim.schedule("once", at: SimTime(minutes: 3))
    #expect(sim.run(&model, until: SimTime(minutes: 10), warmUpEnd: SimTime(minutes: 5)) == .calendarEmpty)
    #expect(model.warmUpAt == [5])
    #expect(sim.now.minutes == 10)
  }

  @Test("scheduling before now is a programmer error")
  func schedulingInThePastTraps() async {
    await #expect(processExitsWith: .failure) {
      var sim = Simulation<Int>()
      var model = PastScheduler()
      sim.schedule(1, at: SimTime(minutes: 10))
      _ = sim.run(&model, until: SimTime(minutes: 20))
    }
  }
}

private struct PastScheduler: SimulationModel {
  mutating func handle(_ event: Int, in sim: inout Simulation<Int>) {
    sim.schedule(2, at: SimTime(minutes: 5))
  }
}

@Suite("Invariant checks")
struct InvariantCheckTests {
  /// Debug builds run the engine's and the models' invariant checks (scripts/test.sh runs the
  /// model tests in one); release builds compile them away.
  @Test("debug builds check invariants as they run, release builds do not")
  func checksFollowTheBuild() {
    #if DEBUG
    #expect(internalChecksEnabled)
    #else
    #expect(!internalChecksEnabled)
    #endif
  }
}
