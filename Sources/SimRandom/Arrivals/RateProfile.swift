/// A repeating, piecewise-constant arrival rate λ(t), in arrivals per minute.
///
/// The profile covers one `period` split into equal slots (for example a week of 168 hourly
/// slots, each the product of an hour-of-day and a day-of-week factor), and repeats.
public struct RateProfile: Sendable, Equatable {
  /// Length of one cycle, in minutes.
  public let periodMinutes: Double
  /// Rate in each slot, arrivals per minute.
  public let ratesPerMinute: [Double]

  /// Creates a profile of equal slots covering `periodMinutes`.
  /// - Throws: ``DistributionError`` if the period is not positive, no slot is given, a rate
  ///   is negative or all rates are zero.
  public init(periodMinutes: Double, ratesPerMinute: [Double]) throws(DistributionError) {
    guard periodMinutes.isFinite, periodMinutes > 0 else {
      throw DistributionError("period must be positive (got \(periodMinutes))")
    }
    guard !ratesPerMinute.isEmpty else { throw DistributionError("a rate profile needs a slot") }
    for r in ratesPerMinute where !(r.isFinite && r >= 0) {
      throw DistributionError("rates must be zero or positive (got \(r))")
    }
    guard ratesPerMinute.contains(where: { $0 > 0 }) else {
      throw DistributionError("a rate profile needs some positive rate")
    }
    self.periodMinutes = periodMinutes
    self.ratesPerMinute = ratesPerMinute
  }

  /// Minutes in a week. SimRandom does not import the kernel, whose `SimDuration.week` is
  /// the same span.
  public static let minutesPerWeek = 7.0 * 24 * 60

  /// A weekly profile: `base` arrivals per minute times an hour-of-day factor (24 values)
  /// times a day-of-week factor (7 values, the first for the day that starts at time 0).
  public static func weekly(basePerMinute base: Double, hourOfDay: [Double], dayOfWeek: [Double])
    throws(DistributionError) -> RateProfile
  {
    guard hourOfDay.count == 24, dayOfWeek.count == 7 else {
      throw DistributionError("need 24 hour-of-day and 7 day-of-week factors")
    }
    var rates: [Double] = []
    rates.reserveCapacity(168)
    for d in 0..<7 { for h in 0..<24 { rates.append(base * hourOfDay[h] * dayOfWeek[d]) } }
    return try RateProfile(periodMinutes: minutesPerWeek, ratesPerMinute: rates)
  }

  /// The largest of `factors` over their mean (1 for an empty or all-zero list): how much
  /// faster than average the busiest slot of a profile shaped by them runs.
  public static func peakOverMean(_ factors: [Double]) -> Double {
    let mean = factors.reduce(0, +) / Double(max(factors.count, 1))
    return mean > 0 ? (factors.max() ?? 0) / mean : 1
  }

  /// How much faster than average the busiest hour of a week shaped by `hourOfDay` and
  /// `dayOfWeek` factors runs.
  public static func peakOverMean(hourOfDay: [Double], dayOfWeek: [Double]) -> Double {
    peakOverMean(hourOfDay) * peakOverMean(dayOfWeek)
  }

  /// Width of one slot in minutes.
  public var slotMinutes: Double { periodMinutes / Double(ratesPerMinute.count) }

  /// The largest rate (the thinning envelope).
  public var maximumRate: Double { ratesPerMinute.max()! }

  /// Mean rate over one period.
  public var meanRate: Double { ratesPerMinute.reduce(0, +) / Double(ratesPerMinute.count) }

  /// λ(t) at `minutes` since the start.
  @inlinable
  public func rate(atMinutes t: Double) -> Double {
    var phase = t.truncatingRemainder(dividingBy: periodMinutes)
    if phase < 0 { phase += periodMinutes }
    let slot = Swift.min(Int(phase / slotMinutes), ratesPerMinute.count - 1)
    return ratesPerMinute[slot]
  }

  /// ∫ λ(t) dt from `start` to `end` minutes: the expected number of arrivals.
  public func expectedArrivals(fromMinutes start: Double, toMinutes end: Double) -> Double {
    guard end > start else { return 0 }
    let cycles = ((end - start) / periodMinutes).rounded(.down)
    var total = cycles * meanRate * periodMinutes
    var t = start + cycles * periodMinutes
    while t < end {
      var phase = t.truncatingRemainder(dividingBy: periodMinutes)
      if phase < 0 { phase += periodMinutes }
      let slot = Swift.min(Int(phase / slotMinutes), ratesPerMinute.count - 1)
      let slotEnd = t - phase + Double(slot + 1) * slotMinutes
      let stop = Swift.min(slotEnd, end)
      total += ratesPerMinute[slot] * (stop - t)
      t = stop > t ? stop : end
    }
    return total
  }
}
