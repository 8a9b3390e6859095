import SimKernel

/// The time-average of a level by hour of the week (Monday 00:00-01:00 first), for the
/// "queue by hour and weekday" heatmap: the level's area is split at every hour boundary.
struct HourOfWeekLevel {
  /// Level-minutes by hour of the week, since the last reset.
  private var area = [Double](repeating: 0, count: 7 * 24)
  /// Minutes observed in each hour of the week.
  private var observed = [Double](repeating: 0, count: 7 * 24)
  private(set) var level = 0
  private var last = SimTime.zero
  /// Weekday (0 = Monday) of day 0.
  private let startWeekday: Int

  init(startWeekday: Int) { self.startWeekday = startWeekday }

  /// The level changes by `delta` at `now`.
  mutating func change(by delta: Int, at now: SimTime) {
    accumulate(until: now)
    level += delta
  }

  /// Adds the time since the last change, hour by hour.
  mutating func accumulate(until now: SimTime) {
    while last < now {
      let hourEnd = SimTime(minutes: ((last.minutes / 60).rounded(.down) + 1) * 60)
      // Beyond 2^53 minutes an hour no longer moves the clock: stop rather than spin.
      guard hourEnd > last else { break }
      let end = Swift.min(now, hourEnd)
      let slot = ((last.day + startWeekday) % 7) * 24 + last.hourOfDay
      let dt = (end - last).minutes
      area[slot] += Double(level) * dt
      observed[slot] += dt
      last = end
    }
  }

  /// Discards what was gathered (end of warm-up), keeping the level.
  mutating func reset(at now: SimTime) {
    accumulate(until: now)
    area = [Double](repeating: 0, count: area.count)
    observed = [Double](repeating: 0, count: observed.count)
  }

  /// The mean level in each hour of the week (NaN where none was observed).
  mutating func means(until now: SimTime) -> [Double] {
    accumulate(until: now)
    return zip(area, observed).map { $1 > 0 ? $0 / $1 : .nan }
  }
}

/// Occupied beds over beds by tier, day by day: the occupancy chart of the report. Kept apart
/// from the pools' own figures so that splitting areas at midnight changes none of them.
struct TierOccupancyByDay {
  private var occupied = [Int](repeating: 0, count: Tier.allCases.count)
  private var capacity = [Int](repeating: 0, count: Tier.allCases.count)
  private var occupiedArea = [Double](repeating: 0, count: Tier.allCases.count)
  private var capacityArea = [Double](repeating: 0, count: Tier.allCases.count)
  private var last = SimTime.zero

  /// Beds at the start, by tier.
  init(capacity byTier: [Int]) { capacity = byTier }

  /// The occupied beds or the beds of `tier` change by `occupiedDelta` and `capacityDelta`.
  mutating func change(_ tier: Tier, occupied occupiedDelta: Int = 0, capacity capacityDelta: Int = 0, at now: SimTime) {
    accumulate(until: now)
    occupied[tier.rank] += occupiedDelta
    capacity[tier.rank] += capacityDelta
  }

  private mutating func accumulate(until now: SimTime) {
    let dt = (now - last).minutes
    guard dt > 0 else { return }
    for t in occupied.indices {
      occupiedArea[t] += Double(occupied[t]) * dt
      capacityArea[t] += Double(capacity[t]) * dt
    }
    last = now
  }

  /// The day that ends at `now`: occupied bed-time over bed-time by tier (NaN where a tier
  /// has no beds), then starts the next.
  mutating func closeDay(at now: SimTime) -> [Double] {
    accumulate(until: now)
    defer {
      occupiedArea = [Double](repeating: 0, count: occupiedArea.count)
      capacityArea = [Double](repeating: 0, count: capacityArea.count)
    }
    return zip(occupiedArea, capacityArea).map { $1 > 0 ? $0 / $1 : .nan }
  }
}

/// Counts of emergency responses in 5-minute bins (the last bin open-ended), urban and rural
/// apart, for the report's response distribution.
struct ResponseHistogram {
  static let binWidth = SimDuration(minutes: 5)
  static let bins = 25
  var urban = [Int](repeating: 0, count: bins)
  var rural = [Int](repeating: 0, count: bins)

  mutating func record(_ response: SimDuration, isUrban: Bool) {
    let bin = Swift.min(Int(response / Self.binWidth), Self.bins - 1)
    if isUrban { urban[bin] += 1 } else { rural[bin] += 1 }
  }
}
