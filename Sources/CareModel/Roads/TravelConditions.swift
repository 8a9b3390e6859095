import SimKernel

/// Travel-time multipliers: a congestion factor by hour of day and a season factor (the
/// monsoon slows every road alike). Free-flow minutes × factor(hour) × factor(season).
public struct TravelConditions: Sendable, Equatable {
  /// 24 factors, 00:00 first (1 = free flow).
  public var hourOfDay: [Double]
  /// Factor during the monsoon, and the days of the year (0-based) it spans.
  public var monsoonFactor: Double
  public var monsoonDays: Range<Int>

  /// Days in a year, for the season of a run that crosses a year end (leap days are ignored).
  static let daysPerYear = 365

  /// Creates conditions; by default free flow all day and no monsoon (1 June to 30 September
  /// at a factor of 1).
  public init(hourOfDay: [Double] = Array(repeating: 1, count: 24), monsoonFactor: Double = 1,
              monsoonDays: Range<Int> = 151..<273) {
    precondition(hourOfDay.count == 24 && hourOfDay.allSatisfy { $0 > 0 } && monsoonFactor > 0)
    self.hourOfDay = hourOfDay
    self.monsoonFactor = monsoonFactor
    self.monsoonDays = monsoonDays
  }

  /// The multiplier at `time`, when day 0 of the run is day `startDayOfYear` of the year.
  public func factor(at time: SimTime, startDayOfYear: Int) -> Double {
    let season = monsoonDays.contains((startDayOfYear + time.day) % Self.daysPerYear) ? monsoonFactor : 1
    return hourOfDay[time.hourOfDay] * season
  }
}
