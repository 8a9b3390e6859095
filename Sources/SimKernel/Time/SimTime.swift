/// An instant on the simulation clock, in minutes since the start of the run.
///
/// The clock unit is the minute everywhere in TeleSim; `SimTime` and ``SimDuration`` keep
/// instants and spans apart so that a bare `Double` never crosses an API.
@frozen
public struct SimTime: Hashable, Comparable, Sendable {
  /// Minutes since the start of the run.
  public var minutes: Double

  /// Creates an instant `minutes` after the start of the run.
  @inlinable public init(minutes: Double) { self.minutes = minutes }

  /// The start of the run.
  public static let zero = SimTime(minutes: 0)

  @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.minutes < b.minutes }
  @inlinable public static func + (a: SimTime, d: SimDuration) -> SimTime {
    SimTime(minutes: a.minutes + d.minutes)
  }
  @inlinable public static func - (a: SimTime, b: SimTime) -> SimDuration {
    SimDuration(minutes: a.minutes - b.minutes)
  }
}

/// A span of simulated time, in minutes.
@frozen
public struct SimDuration: Hashable, Comparable, Sendable {
  /// Length in minutes.
  public var minutes: Double

  /// Creates a span of `minutes` minutes.
  @inlinable public init(minutes: Double) { self.minutes = minutes }
  /// Creates a span of `hours` hours.
  @inlinable public static func hours(_ hours: Double) -> SimDuration {
    SimDuration(minutes: hours * 60)
  }
  /// Creates a span of `days` days.
  @inlinable public static func days(_ days: Double) -> SimDuration {
    SimDuration(minutes: days * day.minutes)
  }

  /// No time at all.
  public static let zero = SimDuration(minutes: 0)
  /// Length in hours.
  @inlinable public var hours: Double { minutes / 60 }

  @inlinable public static func < (a: SimDuration, b: SimDuration) -> Bool {
    a.minutes < b.minutes
  }
  @inlinable public static func + (a: SimDuration, b: SimDuration) -> SimDuration {
    SimDuration(minutes: a.minutes + b.minutes)
  }
  @inlinable public static func - (a: SimDuration, b: SimDuration) -> SimDuration {
    SimDuration(minutes: a.minutes - b.minutes)
  }
  @inlinable public static func * (a: SimDuration, k: Double) -> SimDuration {
    SimDuration(minutes: a.minutes * k)
  }
}
