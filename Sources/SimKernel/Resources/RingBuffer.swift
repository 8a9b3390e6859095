/// A growable FIFO ring buffer of plain values that reuses its storage, so steady-state use
/// never allocates.
///
/// Slots are not cleared on removal (a removed value simply stays until overwritten), which
/// keeps each operation to one store; hence elements must be plain values such as job tokens.
@usableFromInline
struct RingBuffer<Element> {
  @usableFromInline var storage: ContiguousArray<Element>
  @usableFromInline var head = 0
  @usableFromInline var count = 0
  /// The value that fills unused slots.
  @usableFromInline let filler: Element

  @usableFromInline init(capacity: Int, filler: Element) {
    storage = ContiguousArray(repeating: filler, count: Swift.max(capacity, 4))
    self.filler = filler
  }

  @inlinable var isEmpty: Bool { count == 0 }

  @inlinable mutating func append(_ element: Element) {
    if count == storage.count { grow() }
    var tail = head &+ count
    if tail >= storage.count { tail &-= storage.count }
    storage[tail] = element
    count &+= 1
  }

  @inlinable mutating func removeFirst() -> Element? {
    guard count > 0 else { return nil }
    let element = storage[head]
    head &+= 1
    if head == storage.count { head = 0 }
    count &-= 1
    return element
  }

  @usableFromInline mutating func grow() {
    var bigger = ContiguousArray<Element>(repeating: filler, count: storage.count * 2)
    for i in 0..<count { bigger[i] = storage[(head + i) % storage.count] }
    storage = bigger
    head = 0
  }
}
