/// Orders events that fall at the same instant: a lower value is delivered first.
///
/// Models name their priorities (`.dayBoundary`, `.sessionChange`) rather than writing
/// bare numbers, so that the order of simultaneous events reads as a decision. Events of
/// equal time and priority are delivered in the order they were scheduled.
@frozen
public struct EventPriority: Comparable, Sendable {
  /// The tie-breaker, −128…127.
  public let rawValue: Int8

  /// Creates a priority; lower values go first among equal times.
  @inlinable public init(_ rawValue: Int8) { self.rawValue = rawValue }

  /// The priority of ordinary events.
  public static let normal = EventPriority(0)

  @inlinable public static func < (a: EventPriority, b: EventPriority) -> Bool {
    a.rawValue < b.rawValue
  }
}
