/// A waiting line with priority classes: class 0 is served first, FIFO within a class.
///
/// Jobs are opaque 32-bit tokens (usually indices into the model's entity arrays).
public struct ClassQueue: Sendable {
  @usableFromInline var lanes: [RingBuffer<Int32>]
  /// Number of waiting jobs over all classes.
  public private(set) var count = 0

  /// Creates a queue with `classes` priority classes.
  /// - Precondition: `classes >= 1`.
  public init(classes: Int = 1, reservingCapacity capacity: Int = 16) {
    precondition(classes >= 1, "a queue needs at least one priority class")
    lanes = (0..<classes).map { _ in RingBuffer(capacity: capacity, filler: -1) }
  }

  /// Number of priority classes.
  public var classCount: Int { lanes.count }
  /// Whether nobody is waiting.
  public var isEmpty: Bool { count == 0 }

  /// Number waiting in class `priorityClass`.
  public func count(inClass priorityClass: Int) -> Int { lanes[priorityClass].count }

  /// Adds `job` at the back of its class.
  /// - Complexity: O(1) amortised.
  public mutating func enqueue(_ job: Int32, priorityClass: Int = 0) {
    lanes[priorityClass].append(job)
    count += 1
  }

  /// Removes the first job of the most urgent non-empty class.
  /// - Complexity: O(number of classes).
  public mutating func dequeue() -> (job: Int32, priorityClass: Int)? {
    guard count > 0 else { return nil }
    for c in lanes.indices where !lanes[c].isEmpty {
      count -= 1
      return (lanes[c].removeFirst()!, c)
    }
    return nil
  }
}

extension RingBuffer: @unchecked Sendable where Element: Sendable {}
