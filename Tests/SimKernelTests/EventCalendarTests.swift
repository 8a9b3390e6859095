import Foundation
import SimKernel
import Testing

@Suite("Event calendar")
struct EventCalendarTests {
  @Test("equal times pop in scheduling order")
  func equalTimesPopInSchedulingOrder() {
    var calendar = EventCalendar<Int>()
    for i in 0..<100 { calendar.schedule(i, at: 5.0) }
    var popped: [Int] = []
    while let (_, e) = calendar.popNext() { popped.append(e) }
    #expect(popped == Array(0..<100))
  }

  @Test("lower priority values pop first among equal times")
  func priorityBreaksTies() {
    var calendar = EventCalendar<String>()
    calendar.schedule("late", at: 1, priority: EventPriority(5))
    calendar.schedule("urgent", at: 1, priority: EventPriority(-3))
    calendar.schedule("normal", at: 1)
    calendar.schedule("earlier", at: 0.5, priority: EventPriority(100))
    var popped: [String] = []
    while let (_, e) = calendar.popNext() { popped.append(e) }
    #expect(popped == ["earlier", "urgent", "normal", "late"])
  }

  @Test("cancelled events are never delivered", arguments: 0..<16)
  func cancelledEventsAreSkipped(seed: Int) {
    var rng = SplitMixForTests(seed: UInt64(seed))
    var calendar = EventCalendar<Int>()
    var handles: [(EventHandle, Int, Double)] = []
    for i in 0..<500 {
      let t = Double(rng.next() % 1000)
      handles.append((calendar.scheduleCancellable(i, at: t), i, t))
    }
    var cancelled = Set<Int>()
    for (h, i, _) in handles where rng.next() % 3 == 0 {
      calendar.cancel(h)
      cancelled.insert(i)
    }
    #expect(calendar.count == 500 - cancelled.count, "seed \(seed)")
    var seen: [Int] = []
    var lastTime = -Double.infinity
    while let (t, e) = calendar.popNext() {
      #expect(t >= lastTime, "seed \(seed): time went backwards")
      lastTime = t
      seen.append(e)
    }
    let expected = handles.filter { !cancelled.contains($0.1) }
      .sorted { ($0.2, $0.1) < ($1.2, $1.1) }.map(\.1)
    #expect(seen == expected, "seed \(seed)")
  }

  @Test("cancelling an event that already fired changes nothing")
  func cancellingAFiredEventIsANoOp() {
    var calendar = EventCalendar<String>()
    let first = calendar.scheduleCancellable("first", at: 1)
    calendar.schedule("second", at: 2)
    #expect(calendar.popNext()?.event == "first")
    let cancelledFired = calendar.cancel(first)
    #expect(!cancelledFired, "the event had fired: nothing to cancel")
    #expect(calendar.count == 1, "the second event is still pending")
    #expect(calendar.popNext()?.event == "second")
    #expect(calendar.isEmpty && calendar.popNext() == nil)
  }

  @Test("cancelling twice counts once, and a delivered root is not cancellable")
  func cancellingTwiceCountsOnce() {
    var calendar = EventCalendar<Int>()
    let a = calendar.scheduleCancellable(1, at: 5)
    calendar.schedule(2, at: 6)
    let once = calendar.cancel(a)
    let twice = calendar.cancel(a)
    #expect(once && !twice)
    #expect(calendar.count == 1)
    let b = calendar.scheduleCancellable(3, at: 7)
    #expect(calendar.beginDelivery()?.event == 2)
    calendar.finishDelivery()
    #expect(calendar.beginDelivery()?.event == 3)
    let late = calendar.cancel(b)
    #expect(!late, "being delivered: too late to cancel")
    calendar.finishDelivery()
    #expect(calendar.count == 0)
  }

  @Test("heap property holds after every operation", arguments: 0..<8)
  func heapPropertyHolds(seed: Int) {
    var rng = SplitMixForTests(seed: UInt64(seed) &+ 1000)
    var calendar = EventCalendar<Int>()
    var now = 0.0
    for step in 0..<2000 {
      if rng.next() % 3 == 0, let (t, _) = calendar.popNext() {
        now = t
      } else {
        calendar.schedule(step, at: now + Double(rng.next() % 50), priority: EventPriority(Int8(rng.next() % 5) - 2))
      }
      #expect(calendar.satisfiesHeapProperty(), "seed \(seed), step \(step)")
    }
  }

  // The heap compares times as order-preserving integers; these cases are where a bit
  // pattern and a double disagree: signs, zeros, subnormals, huge and tiny magnitudes.
  @Test("times of any sign and magnitude pop in numeric order, unchanged", arguments: 0..<8)
  func anyFiniteTimePopsInOrder(seed: Int) {
    var rng = SplitMixForTests(seed: UInt64(seed) &+ 77)
    let special: [Double] = [0, -0.0, 1, -1, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                             .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                             1e-300, -1e-300, 1e300, 0.1, -0.1]
    var times = special
    for _ in 0..<300 {
      let magnitude = Double(rng.next() % 10_000) / 7 * pow(10, Double(Int(rng.next() % 40) - 20))
      times.append(rng.next() % 2 == 0 ? magnitude : -magnitude)
    }
    var calendar = EventCalendar<Int>()
    for (i, t) in times.enumerated() { calendar.schedule(i, at: t) }
    var popped: [(time: Double, event: Int)] = []
    while let next = calendar.popNext() { popped.append(next) }
    // Stable sort by time: equal times (including -0 and +0) keep scheduling order.
    let expected = times.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
    #expect(popped.map(\.event) == expected.map(\.offset), "seed \(seed)")
    #expect(popped.allSatisfy { $0.time == times[$0.event] }, "seed \(seed): a time changed")
  }

  @Test("delivery with replacement gives the same order as pop then push", arguments: 0..<8)
  func deliveryReplacementMatchesPopPush(seed: Int) {
    var a = EventCalendar<Int>()
    var b = EventCalendar<Int>()
    var rngA = SplitMixForTests(seed: UInt64(seed))
    var rngB = SplitMixForTests(seed: UInt64(seed))
    for i in 0..<50 {
      a.schedule(i, at: Double(i % 7))
      b.schedule(i, at: Double(i % 7))
    }
    var orderA: [Int] = []
    var orderB: [Int] = []
    for step in 0..<400 {
      if let (t, e) = a.beginDelivery() {
        orderA.append(e)
        if rngA.next() % 4 != 0 { a.schedule(50 + step, at: t + Double(rngA.next() % 5)) }
        a.finishDelivery()
      }
      if let (t, e) = b.popNext() {
        orderB.append(e)
        if rngB.next() % 4 != 0 { b.schedule(50 + step, at: t + Double(rngB.next() % 5)) }
      }
    }
    #expect(orderA == orderB, "seed \(seed)")
  }
}

/// A tiny seeded generator for tests of the kernel, which has no RNG of its own.
struct SplitMixForTests: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
