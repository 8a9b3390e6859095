import SimKernel
import Testing

@Suite("Resource and roster")
struct ResourceTests {
  @Test("a system capacity below the servers is refused, as documented")
  func capacityBelowServersIsAProgrammerError() async {
    await #expect(processExitsWith: .failure) { _ = Resource(servers: 3, systemCapacity: 2) }
    await #expect(processExitsWith: .failure) { _ = Resource(servers: 0, systemCapacity: 0) }
    await #expect(processExitsWith: .failure) {
      var r = Resource(servers: 1, systemCapacity: 2)
      r.setCapacity(3, at: .zero)
    }
    // The boundary itself is allowed.
    var r = Resource(servers: 2, systemCapacity: 2)
    r.setCapacity(2, at: .zero)
    #expect(r.capacity == 2)
  }

  @Test("serves first come first served while servers are free, then queues")
  func fifo() {
    var r = Resource(servers: 2)
    #expect(r.arrive(1) == .served)
    #expect(r.arrive(2) == .served)
    #expect(r.arrive(3) == .queued)
    #expect(r.arrive(4) == .queued)
    #expect(r.busy == 2 && r.queue.count == 2)
    #expect(r.complete(at: SimTime(minutes: 1))?.job == 3)
    #expect(r.complete(at: SimTime(minutes: 2))?.job == 4)
    #expect(r.complete(at: SimTime(minutes: 3)) == nil)
    #expect(r.busy == 1 && r.inSystem == 1)
  }

  @Test("priority classes: class 0 first, FIFO within a class")
  func priorityClasses() {
    var r = Resource(servers: 1, priorityClasses: 3)
    _ = r.arrive(0, priorityClass: 2)
    _ = r.arrive(1, priorityClass: 2)
    _ = r.arrive(2, priorityClass: 1)
    _ = r.arrive(3, priorityClass: 0)
    _ = r.arrive(4, priorityClass: 1)
    var order: [Int32] = []
    var t = 0.0
    while let next = r.complete(at: SimTime(minutes: t)) {
      order.append(next.job)
      t += 1
    }
    #expect(order == [3, 2, 4, 1])
  }

  @Test("finite capacity refuses arrivals and counts them")
  func finiteCapacity() {
    var r = Resource(servers: 1, systemCapacity: 2)
    #expect(r.arrive(1) == .served)
    #expect(r.arrive(2) == .queued)
    #expect(r.arrive(3) == .refused)
    #expect(r.refusedCount == 1)
    #expect(r.inSystem == 2)
  }

  @Test("at shift end a busy server finishes its job, then leaves; overtime is recorded")
  func shiftEndSemantics() {
    var r = Resource(servers: 2)
    _ = r.arrive(1)
    _ = r.arrive(2)
    _ = r.arrive(3)  // waits
    r.setCapacity(0, at: SimTime(minutes: 100))
    #expect(r.busy == 2, "busy servers are not interrupted")
    #expect(r.complete(at: SimTime(minutes: 110)) == nil, "a leaving server takes no new job")
    #expect(r.complete(at: SimTime(minutes: 130)) == nil)
    #expect(r.busy == 0 && r.queue.count == 1)
    #expect(r.overtime.minutes == 10 + 30)
    r.setCapacity(1, at: SimTime(minutes: 200))
    #expect(r.startNextIfFree()?.job == 3, "the next shift starts with the waiting job")
    #expect(r.startNextIfFree() == nil)
  }

  @Test("a server called back before finishing stops accruing overtime")
  func calledBack() {
    var r = Resource(servers: 1)
    _ = r.arrive(1)
    r.setCapacity(0, at: SimTime(minutes: 10))
    r.setCapacity(1, at: SimTime(minutes: 20))
    _ = r.complete(at: SimTime(minutes: 30))
    #expect(r.overtime.minutes == 0)
  }

  @Test("a roster repeats over its period and reports the next change")
  func rosterTimetable() {
    let roster = Roster(period: .days(1), changes: [
      .init(offset: .hours(9), servers: 3), .init(offset: .hours(12), servers: 2),
      .init(offset: .hours(14), servers: 0),
    ])
    #expect(roster.servers(at: SimTime(minutes: 0)) == 0)
    #expect(roster.servers(at: SimTime(minutes: 9 * 60)) == 3)
    #expect(roster.servers(at: SimTime(minutes: 1440 + 13 * 60)) == 2)
    #expect(roster.nextChange(after: SimTime(minutes: 9 * 60)) == SimTime(minutes: 12 * 60))
    #expect(roster.nextChange(after: SimTime(minutes: 15 * 60)) == SimTime(minutes: 1440 + 9 * 60))
    #expect(abs(roster.meanServers - (3.0 * 3 + 2.0 * 2) / 24) < 1e-12)
    #expect(Roster.constant(4).nextChange(after: .zero) == nil)
  }

  /// A change at 10 s (1/6 min, not a whole float) lands, in later cycles, on an instant whose
  /// phase rounds to just below the offset: the roster must still say the change has come,
  /// and name a later instant as the next one (else a model reschedules it for ever).
  @Test("offsets that are not whole minutes: each change takes effect when it comes, and the next is later")
  func fractionalOffsets() {
    let offsets: [Double] = [10.0 / 60, 7.0 / 60, 0.1, 20.0 / 60, 730.0 + 1.0 / 6]
    for offset in offsets {
      let roster = Roster(period: .days(1), changes: [.init(offset: .zero, servers: 1),
                                                       .init(offset: SimDuration(minutes: offset), servers: 2)])
      var t = SimTime.zero
      var steps = 0
      // Walk 400 days of changes, as a model does, from each change to the next.
      while let next = roster.nextChange(after: t), next.minutes < 400 * 1440 {
        #expect(next > t, "offset \(offset): the change after \(t.minutes) is \(next.minutes)")
        guard next > t else { return }
        t = next
        steps += 1
        // A change at a day's start sets 1, the one at the offset 2.
        let dayStart = (t.minutes / 1440).rounded() * 1440
        let expected = abs(t.minutes - dayStart) < 1e-6 ? 1 : 2
        #expect(roster.servers(at: t) == expected, "offset \(offset) at \(t.minutes)")
      }
      #expect(steps == 2 * 400 - 1 || steps == 2 * 400, "offset \(offset): \(steps) changes in 400 days")
    }
  }
}
