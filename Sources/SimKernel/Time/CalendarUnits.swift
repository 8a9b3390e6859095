// Days and weeks on the simulation clock. Time 0 is midnight at the start of the run's
// first day (a care network's `start` date); weekdays are the model's business.

extension SimDuration {
  /// One minute, the clock's unit.
  public static let minute = SimDuration(minutes: 1)
  /// One hour.
  public static let hour = SimDuration(minutes: 60)
  /// One day. The only place where the number of minutes in a day is written.
  public static let day = SimDuration(minutes: 1440)
  /// One week.
  public static let week = SimDuration(minutes: 7 * day.minutes)

  /// Length in days.
  @inlinable public var days: Double { minutes / SimDuration.day.minutes }

  /// How many times `b` fits in `a` (a plain ratio, e.g. a span in days).
  @inlinable public static func / (a: SimDuration, b: SimDuration) -> Double {
    a.minutes / b.minutes
  }
  /// A span scaled down by `k`.
  @inlinable public static func / (a: SimDuration, k: Double) -> SimDuration {
    SimDuration(minutes: a.minutes / k)
  }
}

extension SimTime {
  /// Midnight at the start of day `day` (day 0 is the first day of the run).
  @inlinable public static func startOfDay(_ day: Int) -> SimTime {
    SimTime(minutes: Double(day) * SimDuration.day.minutes)
  }

  /// The day this instant falls in: 0 on the first day of the run, negative before it.
  @inlinable public var day: Int { Int((minutes / SimDuration.day.minutes).rounded(.down)) }

  /// Time since the last midnight (for instants at or after time 0).
  @inlinable public var timeOfDay: SimDuration {
    SimDuration(minutes: minutes.truncatingRemainder(dividingBy: SimDuration.day.minutes))
  }

  /// Hour of the day, 0…23 (for instants at or after time 0).
  @inlinable public var hourOfDay: Int { Swift.min(Swift.max(Int(timeOfDay.minutes / 60), 0), 23) }

  /// The instant `d` before this one.
  @inlinable public static func - (a: SimTime, d: SimDuration) -> SimTime {
    SimTime(minutes: a.minutes - d.minutes)
  }
}
