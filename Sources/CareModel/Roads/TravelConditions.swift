import SimKernel

/// Travel-time multipliers: a congestion factor by hour of day and a season factor (the
/// monsoon slows rural roads). Free-flow minutes × factor(hour) × factor(season).
public struct TravelConditions: Sendable, Equatable {
  /// 24 factors, 00:00 first (1 = free flow).
  public var hourOfDay: [Double]
  /// Factor during the monsoon, and the days of the year (0-based) it spans.
  public var monsoonFactor: Double
  public var monsoonDays: Range<Int>

  public init(hourOfDay: [Double] = Array(repeating: 1, count: 24), monsoonFactor: Double = 1,
              monsoonDays: Range<Int> = 152..<273) {
    precondition(hourOfDay.count == 24 && hourOfDay.allSatisfy { $0 > 0 } && monsoonFactor > 0)
    self.hourOfDay = hourOfDay
    self.monsoonFactor = monsoonFactor
    self.monsoonDays = monsoonDays
  }

  /// The multiplier at `time`, when day 0 of the run is day `startDayOfYear` of the year.
  public func factor(at time: SimTime, startDayOfYear: Int) -> Double {
    let season = monsoonDays.contains((startDayOfYear + time.day) % 365) ? monsoonFactor : 1
    return hourOfDay[time.hourOfDay] * season
  }
}
