import SimRandom
import Testing

@Suite("Arrival processes")
struct ArrivalTests {
  static let hours: [Double] = [0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 3, 3, 2.5, 2, 2, 1.5, 1.5, 1, 1, 0.8,
                                0.6, 0.4, 0.3, 0.2, 0.1]
  static let days: [Double] = [1.3, 1, 1, 1.2, 1, 0.8, 0.2]

  @Test("thinning reproduces the integrated rate overall and per hour of day", arguments: [1, 2, 3])
  func thinningMatchesIntegratedRate(seed: Int) throws {
    let profile = try RateProfile.weekly(basePerMinute: 0.5, hourOfDay: Self.hours, dayOfWeek: Self.days)
    let process = ArrivalProcess.poisson(profile)
    let stream = RandomStream(seed: UInt64(seed))
    let horizon = 20.0 * 7 * 1440
    var perHour = [Double](repeating: 0, count: 24)
    var t = 0.0
    var total = 0.0
    while true {
      t = process.next(afterMinutes: t, using: stream)
      if t > horizon { break }
      total += 1
      perHour[Int(t / 60) % 24] += 1
    }
    let expected = profile.expectedArrivals(fromMinutes: 0, toMinutes: horizon)
    // Poisson: variance = mean.
    #expect(abs(total - expected) <= 4 * expected.squareRoot(), "seed \(seed): \(total) vs \(expected)")
    for h in 0..<24 {
      let e = 20.0 * 60 * 0.5 * Self.hours[h] * Self.days.reduce(0, +)
      #expect(abs(perHour[h] - e) <= 4 * e.squareRoot() + 1, "seed \(seed), hour \(h): \(perHour[h]) vs \(e)")
    }
  }

  @Test("the expected count integrates partial slots and whole periods")
  func expectedArrivals() throws {
    let p = try RateProfile(periodMinutes: 100, ratesPerMinute: [1, 3])
    #expect(p.expectedArrivals(fromMinutes: 0, toMinutes: 100) == 200)
    #expect(p.expectedArrivals(fromMinutes: 25, toMinutes: 75) == 25 + 75)
    #expect(p.expectedArrivals(fromMinutes: 90, toMinutes: 310) == 30 + 400 + 10)
    #expect(p.rate(atMinutes: 160) == 3)
  }

  @Test("a renewal process adds inter-arrival draws")
  func renewal() throws {
    let process = ArrivalProcess.renewal(try .constant(15))
    let stream = RandomStream(seed: 1)
    #expect(process.next(afterMinutes: 30, using: stream) == 45)
    #expect(process.meanRatePerMinute == 1.0 / 15)
  }
}
