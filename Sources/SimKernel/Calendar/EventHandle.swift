/// Identifies one scheduled event, so that it can be cancelled.
///
/// Handles are never reused within a run: the sequence number grows monotonically.
@frozen
public struct EventHandle: Hashable, Comparable, Sendable {
  /// Insertion sequence number of the event (its tie-breaker in the calendar).
  public let sequence: UInt64
  @inlinable init(sequence: UInt64) { self.sequence = sequence }
  @inlinable public static func < (a: EventHandle, b: EventHandle) -> Bool {
    a.sequence < b.sequence
  }
}
