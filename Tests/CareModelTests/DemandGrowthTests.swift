import CareModel
import Foundation
import SimKernel
import SimTestSupport
import Testing

/// Demand growth by thinning: the daily requests of each week against ∫ g(t) dt over it,
/// where g(t) = min((1 + monthly)^(t / 30 d), max_daily / daily).
@Suite("Demand growth")
struct DemandGrowthTests {
  static let daily = 1000.0
  static let days = 126

  /// Expected requests on days `range`: daily × ∫ g, by the midpoint rule on 1-minute steps.
  static func expected(days range: Range<Int>, growth: Double, cap: Double?) -> Double {
    var total = 0.0
    for minute in (range.lowerBound * 1440)..<(range.upperBound * 1440) {
      var g = pow(1 + growth, (Double(minute) + 0.5) / (30 * 1440))
      if let cap { g = min(g, cap / daily) }
      total += g / 1440
    }
    return daily * total
  }

  static func requests(growth: Double, cap: Double?) throws -> [Double] {
    var net = TinyNetwork()
    net.flatDemand = true
    net.dailyRequests = daily
    net.monthlyGrowth = growth
    net.maxDaily = cap
    net.admit = 0
    net.refer = 0
    net.specialists = 100
    net.consult = try .constant(1)
    let r = try net.run(seed: 17, days: Double(days))
    let table = try #require(r.tables.first { $0.name == "daily" })
    let column = try #require(table.valueColumns.firstIndex(of: "requests"))
    return table.values.map { $0[column] }
  }

  @Test("requests follow growth up, down and up to a ceiling, fortnight by fortnight", arguments: [
    (0.2, nil), (-0.2, nil), (0.3, 1500.0), (0.0, nil),
  ] as [(Double, Double?)])
  func weeklyRequestsFollowGrowth(growth: Double, cap: Double?) throws {
    let perDay = try Self.requests(growth: growth, cap: cap)
    #expect(perDay.count == Self.days)
    for week in stride(from: 0, to: Self.days, by: 14) {
      let observed = perDay[week..<(week + 14)].reduce(0, +)
      let expected = Self.expected(days: week..<(week + 14), growth: growth, cap: cap)
      // Poisson counts: 4 standard errors, and the check would catch a 5% bias.
      let se = expected.squareRoot()
      let deviation = abs(observed - expected)
      let label = "growth \(growth), cap \(cap ?? 0), week from day \(week): \(observed) against \(expected)"
      #expect(deviation <= 4 * se, "\(label)")
      if week == 0 {
        let teeth = 0.05 * expected > 4 * se
        #expect(teeth, "no teeth: \(label)")
      }
    }
  }

  @Test("falling demand falls, rising demand rises, and a ceiling holds")
  func direction() throws {
    let down = try Self.requests(growth: -0.2, cap: nil)
    let first = down.prefix(14).reduce(0, +)
    let last = down.suffix(14).reduce(0, +)
    #expect(last < 0.55 * first, "falling demand: \(first) in the first fortnight, \(last) in the last")
    let capped = try Self.requests(growth: 0.3, cap: 1500)
    let lastMonth = capped.suffix(30).reduce(0, +) / 30
    #expect(lastMonth < 1500 * 1.05 && lastMonth > 1500 * 0.95, "capped at 1500/d: \(lastMonth)")
  }
}
