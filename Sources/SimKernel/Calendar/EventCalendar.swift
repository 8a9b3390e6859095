/// The future-event list: a 4-ary min-heap ordered by (time, priority, insertion sequence).
///
/// Equal times pop in priority order (lower value first), and equal (time, priority) pop in
/// the order they were scheduled: a plain heap gives no FIFO among ties, so the insertion
/// sequence is part of the key. Priority and sequence share one 64-bit word (8 + 56 bits),
/// which keeps a comparison to two loads.
///
/// Cancellation is lazy: ``cancel(_:)`` records the handle, and the entry is dropped when it
/// reaches the top. Storage grows only when the calendar reaches a new high-water mark, so a
/// steady-state run allocates nothing.
public struct EventCalendar<Event> {
  @usableFromInline
  struct Entry {
    /// The time as an order-preserving integer (see ``orderBits(_:)``): comparing two entries
    /// is then one 128-bit integer comparison, which compiles without branches. The sift
    /// loops compare random times, where a branch is mispredicted about half of the time.
    @usableFromInline var timeBits: UInt64
    @usableFromInline var key: UInt64
    @usableFromInline var event: Event
    @inlinable init(time: Double, key: UInt64, event: Event) {
      self.timeBits = EventCalendar.orderBits(time)
      self.key = key
      self.event = event
    }
    @inlinable var time: Double { EventCalendar.time(ofOrderBits: timeBits) }
    @inlinable @inline(__always) func precedes(_ other: Entry) -> Bool {
      (UInt128(timeBits) << 64 | UInt128(key)) < (UInt128(other.timeBits) << 64 | UInt128(other.key))
    }
  }

  /// Maps a finite time to an integer with the same order: non-negative doubles keep their
  /// bit pattern with the sign bit set; negative ones have all bits flipped. `-0.0` is
  /// first made `+0.0` so that equal times get equal integers.
  @inlinable static func orderBits(_ time: Double) -> UInt64 {
    let bits = (time + 0.0).bitPattern
    let negativeMask = UInt64(bitPattern: Int64(bitPattern: bits) >> 63)
    return bits ^ (negativeMask | (1 << 63))
  }

  @inlinable static func time(ofOrderBits bits: UInt64) -> Double {
    let wasNegativeMask = UInt64(bitPattern: Int64(bitPattern: ~bits) >> 63)
    return Double(bitPattern: bits ^ (wasNegativeMask | (1 << 63)))
  }

  @usableFromInline var heap: ContiguousArray<Entry> = []
  @usableFromInline var nextSequence: UInt64 = 0
  /// Whether the root was delivered and awaits removal: the next `schedule` overwrites it
  /// (one sift instead of two), otherwise ``finishDelivery()`` removes it.
  @usableFromInline var deliveredTopPending = false
  /// Handles cancelled but not yet popped, kept sorted for binary search.
  @usableFromInline var cancelled: ContiguousArray<UInt64> = []

  @usableFromInline static var sequenceMask: UInt64 { (1 << 56) - 1 }

  /// Creates an empty calendar with room for `capacity` pending events.
  public init(reservingCapacity capacity: Int = 64) {
    heap.reserveCapacity(capacity)
  }

  /// Number of pending events that have not been cancelled.
  public var count: Int { heap.count - cancelled.count - (deliveredTopPending ? 1 : 0) }
  /// Whether no live event is pending.
  public var isEmpty: Bool { count == 0 }

  /// Adds `event` at `time` and returns its handle.
  ///
  /// - Parameters:
  ///   - priority: tie-breaker among equal times, -128...127, lower first.
  /// - Complexity: O(log₄ n).
  @inlinable @discardableResult
  public mutating func schedule(_ event: Event, at time: Double, priority: Int = 0)
    -> EventHandle
  {
    precondition(priority >= -128 && priority <= 127, "event priority must be in -128...127")
    precondition(time.isFinite, "event time must be finite")
    let seq = nextSequence
    nextSequence &+= 1
    let key = (UInt64(priority + 128) << 56) | (seq & Self.sequenceMask)
    if deliveredTopPending {
      deliveredTopPending = false
      heap[0] = Entry(time: time, key: key, event: event)
      siftDown(0)
    } else {
      heap.append(Entry(time: time, key: key, event: event))
      siftUp(heap.count - 1)
    }
    return EventHandle(sequence: seq)
  }

  /// Marks the event with `handle` as cancelled; it will never be delivered.
  ///
  /// Cancelling an event that already fired or was already cancelled is a no-op only if the
  /// caller knows it is still pending; cancelling unknown handles is a programmer error that
  /// this type cannot detect cheaply, so callers track liveness themselves.
  /// - Complexity: O(k) for k outstanding cancellations.
  public mutating func cancel(_ handle: EventHandle) {
    let seq = handle.sequence
    let at = insertionIndex(of: seq)
    if at < cancelled.count && cancelled[at] == seq { return }
    cancelled.insert(seq, at: at)
  }

  /// Removes and returns the earliest live event, or `nil` when none is pending.
  /// - Complexity: O(log₄ n) amortised.
  @inlinable
  public mutating func popNext() -> (time: Double, event: Event)? {
    finishDelivery()
    while let top = heap.first {
      removeTop()
      if !cancelled.isEmpty && consumeCancellation(top.key & Self.sequenceMask) { continue }
      return (top.time, top.event)
    }
    return nil
  }

  /// Returns the earliest live event but leaves it in place until the next ``schedule`` (which
  /// overwrites it) or ``finishDelivery()``: the run loop's fast path, since most handlers
  /// schedule at least one event.
  /// - Precondition: call ``finishDelivery()`` before any other read of the calendar.
  @inlinable
  public mutating func beginDelivery() -> (time: Double, event: Event)? {
    guard nextLiveTime() != nil else { return nil }
    return deliverTop()
  }

  /// Marks the root, known to be live (``nextLiveTime()`` just returned it), as delivered.
  @inlinable
  mutating func deliverTop() -> (time: Double, event: Event) {
    deliveredTopPending = true
    return (heap[0].time, heap[0].event)
  }

  /// Removes the delivered root if no `schedule` has overwritten it.
  @inlinable
  public mutating func finishDelivery() {
    if deliveredTopPending {
      deliveredTopPending = false
      removeTop()
    }
  }

  /// Time of the earliest live event, or `nil` when none is pending. Drops cancelled
  /// entries that sit on top, which is why it is mutating.
  /// - Complexity: O(1) unless cancelled entries are on top.
  @inlinable
  public mutating func nextLiveTime() -> Double? {
    finishDelivery()
    while let top = heap.first {
      if cancelled.isEmpty || !consumeCancellation(top.key & Self.sequenceMask) {
        return top.time
      }
      removeTop()
    }
    return nil
  }

  @inlinable
  mutating func removeTop() {
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      siftDown(0)
    }
  }

  @usableFromInline
  mutating func consumeCancellation(_ seq: UInt64) -> Bool {
    let at = insertionIndex(of: seq)
    guard at < cancelled.count && cancelled[at] == seq else { return false }
    cancelled.remove(at: at)
    return true
  }

  func insertionIndex(of seq: UInt64) -> Int {
    var lo = 0
    var hi = cancelled.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if cancelled[mid] < seq { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  // The sift loops work on the raw buffer: one uniqueness check per sift instead of one per
  // moved entry. Indices stay inside `0..<heap.count` by construction.
  @inlinable
  mutating func siftUp(_ start: Int) {
    heap.withUnsafeMutableBufferPointer { h in
      var child = start
      let moving = h[child]
      while child > 0 {
        let parent = (child &- 1) >> 2
        guard moving.precedes(h[parent]) else { break }
        h[child] = h[parent]
        child = parent
      }
      h[child] = moving
    }
  }

  @inlinable
  mutating func siftDown(_ start: Int) {
    heap.withUnsafeMutableBufferPointer { h in
      let n = h.count
      var parent = start
      let moving = h[parent]
      while true {
        let first = 4 &* parent &+ 1
        if first >= n { break }
        var best = first
        if first &+ 4 <= n {
          // Four children: a branch-free tournament (two independent pairs, then the final).
          let left = Self.earlier(first &+ 1, first, in: h)
          let right = Self.earlier(first &+ 3, first &+ 2, in: h)
          best = Self.earlier(right, left, in: h)
        } else {
          var c = first &+ 1
          while c < n {
            best = Self.earlier(c, best, in: h)
            c &+= 1
          }
        }
        guard h[best].precedes(moving) else { break }
        h[parent] = h[best]
        parent = best
      }
      h[parent] = moving
    }
  }

  /// `a` if its entry precedes `b`'s, else `b`, selected with a mask rather than a branch.
  @inlinable @inline(__always)
  static func earlier(_ a: Int, _ b: Int, in h: UnsafeMutableBufferPointer<Entry>) -> Int {
    let mask = 0 &- Int(truncatingIfNeeded: UInt8(h[a].precedes(h[b]) ? 1 : 0))
    return b ^ ((a ^ b) & mask)
  }
}

extension EventCalendar {
  /// Bytes between consecutive calendar entries: tests keep hot event types at 24.
  package static var entryStride: Int { MemoryLayout<Entry>.stride }

  /// Checks the heap property everywhere (tests and `SIM_INTERNAL_CHECKS` builds).
  package func satisfiesHeapProperty() -> Bool {
    for i in 1..<Swift.max(heap.count, 1) where heap[i].precedes(heap[(i - 1) >> 2]) {
      return false
    }
    return true
  }
}
