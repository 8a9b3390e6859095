/// The future-event list: a 4-ary min-heap ordered by (time, priority, insertion sequence).
///
/// Equal times pop in priority order (lower value first), and equal (time, priority) pop in
/// the order they were scheduled: a plain heap gives no FIFO among ties, so the insertion
/// sequence is part of the key. Priority, sequence and a cancellable flag share one 64-bit
/// word (8 + 55 + 1 bits), which keeps a comparison to two loads.
///
/// Cancellation is lazy: ``cancel(_:)`` records the handle, and the entry is dropped when it
/// reaches the top. Only events scheduled with ``scheduleCancellable(_:at:priority:)`` can be
/// cancelled: the calendar tracks which of them are still pending (their key carries a flag
/// in its lowest bit, below the sequence, so FIFO order among ties is kept), which is how
/// cancelling an event that already fired is recognised and ignored instead of leaving a
/// stale cancellation that would corrupt ``count``. Storage grows only when the calendar
/// reaches a new high-water mark, so a steady-state run allocates nothing.
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
  /// Cancellable events still pending, by sequence. Sequences grow, so appending keeps the
  /// list sorted.
  @usableFromInline var pendingCancellable: ContiguousArray<UInt64> = []
  /// Operations since the last full invariant check (`SIM_INTERNAL_CHECKS` builds only).
  @usableFromInline var operationsSinceCheck = 0

  /// The low 56 bits of a key: the sequence shifted left once, and the cancellable flag.
  @usableFromInline static var sequenceMask: UInt64 { (1 << 56) - 1 }
  @usableFromInline static var cancellableFlag: UInt64 { 1 }

  /// Creates an empty calendar with room for `capacity` pending events.
  public init(reservingCapacity capacity: Int = 64) {
    heap.reserveCapacity(capacity)
  }

  /// Number of pending events that have not been cancelled.
  public var count: Int { heap.count - cancelled.count - (deliveredTopPending ? 1 : 0) }
  /// Whether no live event is pending.
  public var isEmpty: Bool { count == 0 }

  /// Adds `event` at `time`.
  ///
  /// - Parameters:
  ///   - priority: tie-breaker among equal times, lower first.
  /// - Precondition: `time` is finite.
  /// - Complexity: O(log₄ n).
  @inlinable
  public mutating func schedule(_ event: Event, at time: Double, priority: EventPriority = .normal) {
    insert(event, at: time, key: nextKey(priority, cancellable: false))
  }

  /// Adds `event` at `time` and returns a handle that ``cancel(_:)`` accepts.
  ///
  /// - Parameters:
  ///   - priority: tie-breaker among equal times, lower first.
  /// - Precondition: `time` is finite.
  /// - Complexity: O(log₄ n).
  @inlinable
  public mutating func scheduleCancellable(_ event: Event, at time: Double, priority: EventPriority = .normal)
    -> EventHandle
  {
    let key = nextKey(priority, cancellable: true)
    pendingCancellable.append(key & Self.sequenceMask)
    insert(event, at: time, key: key)
    return EventHandle(sequence: key & Self.sequenceMask)
  }

  @inlinable
  mutating func nextKey(_ priority: EventPriority, cancellable: Bool) -> UInt64 {
    let seq = nextSequence
    nextSequence &+= 1
    let low = ((seq << 1) | (cancellable ? Self.cancellableFlag : 0)) & Self.sequenceMask
    return (UInt64(Int(priority.rawValue) + 128) << 56) | low
  }

  @inlinable
  mutating func insert(_ event: Event, at time: Double, key: UInt64) {
    precondition(time.isFinite, "event time must be finite")
    if deliveredTopPending {
      deliveredTopPending = false
      heap[0] = Entry(time: time, key: key, event: event)
      siftDown(0)
    } else {
      heap.append(Entry(time: time, key: key, event: event))
      siftUp(heap.count - 1)
    }
    checkInvariantsIfEnabled()
  }

  /// Cancels the event with `handle` if it is still pending; it will never be delivered.
  ///
  /// - Returns: whether an event was cancelled: `false` when it has fired, is being
  ///   delivered, or was cancelled before (cancelling is then a no-op).
  /// - Complexity: O(k) for k pending cancellable events.
  @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    let seq = handle.sequence
    let pending = Self.insertionIndex(of: seq, in: pendingCancellable)
    guard pending < pendingCancellable.count && pendingCancellable[pending] == seq else { return false }
    pendingCancellable.remove(at: pending)
    cancelled.insert(seq, at: Self.insertionIndex(of: seq, in: cancelled))
    return true
  }

  /// Removes and returns the earliest live event, or `nil` when none is pending.
  /// - Complexity: O(log₄ n) amortised.
  @inlinable
  public mutating func popNext() -> (time: Double, event: Event)? {
    finishDelivery()
    while let top = heap.first {
      let wasCancelled = !cancelled.isEmpty && consumeCancellation(top.key & Self.sequenceMask)
      if !wasCancelled && top.key & Self.cancellableFlag != 0 { forgetCancellable(top.key & Self.sequenceMask) }
      removeTop()
      if wasCancelled { continue }
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
    if heap[0].key & Self.cancellableFlag != 0 { forgetCancellable(heap[0].key & Self.sequenceMask) }
    return (heap[0].time, heap[0].event)
  }

  /// A cancellable event is being delivered: it can no longer be cancelled.
  @usableFromInline
  mutating func forgetCancellable(_ seq: UInt64) {
    let at = Self.insertionIndex(of: seq, in: pendingCancellable)
    if at < pendingCancellable.count && pendingCancellable[at] == seq { pendingCancellable.remove(at: at) }
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
    checkInvariantsIfEnabled()
  }

  @usableFromInline
  mutating func consumeCancellation(_ seq: UInt64) -> Bool {
    let at = Self.insertionIndex(of: seq, in: cancelled)
    guard at < cancelled.count && cancelled[at] == seq else { return false }
    cancelled.remove(at: at)
    return true
  }

  /// Where `seq` is or would go in the sorted `list`.
  @usableFromInline
  static func insertionIndex(of seq: UInt64, in list: ContiguousArray<UInt64>) -> Int {
    var lo = 0
    var hi = list.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if list[mid] < seq { lo = mid + 1 } else { hi = mid }
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
  /// In `SIM_INTERNAL_CHECKS` builds (every debug build), checks the whole calendar after an
  /// operation: always while it holds at most 256 entries, and every 1,024th operation
  /// beyond that, so that a long debug run stays usable. Compiles to nothing otherwise.
  @inlinable @inline(__always)
  mutating func checkInvariantsIfEnabled() {
    #if SIM_INTERNAL_CHECKS
    operationsSinceCheck &+= 1
    if heap.count <= 256 || operationsSinceCheck >= 1024 {
      operationsSinceCheck = 0
      verifyInvariants()
    }
    #endif
  }

  /// Traps if the heap property, the cancellation lists or the live count are broken.
  @usableFromInline
  func verifyInvariants() {
    precondition(satisfiesHeapProperty(), "event calendar: heap property violated")
    precondition(zip(cancelled, cancelled.dropFirst()).allSatisfy { $0 < $1 }, "event calendar: cancellations unsorted")
    precondition(zip(pendingCancellable, pendingCancellable.dropFirst()).allSatisfy { $0 < $1 },
                 "event calendar: cancellable events unsorted")
    precondition(count >= 0, "event calendar: more cancellations than entries")
  }

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
