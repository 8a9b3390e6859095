import Experiments
import Reporting
import SimStats
import Testing

@Suite("Breakdown summaries")
struct BreakdownSummaryTests {
  static func table(_ rows: [(String, Double, Double)], name: String = "by-district") -> BreakdownTable {
    BreakdownTable(name: name, keyColumns: ["district"], valueColumns: ["wait_mean_h", "wait_p90_h"],
                   keys: rows.map { [$0.0] }, values: rows.map { [$0.1, $0.2] },
                   resolutions: [0, QuantileSketch.relativeError])
  }

  /// By hand: values 1, 2, 6 have mean 3 and sd √7; the 95% half-width is
  /// t(0.975, 2) · √7 / √3 = 4.302653 · 1.527525 = 6.572411 (scipy agrees). A quantile column adds
  /// mean/256.
  @Test("each cell gets its mean and a Student t half-width; quantile columns add the sketch's bound")
  func summary() throws {
    let tables = [Self.table([("North", 1, 10), ("South", 5, .nan)]),
                  Self.table([("North", 2, 10), ("South", 7, 20)]),
                  Self.table([("North", 6, 10), ("South", 9, .nan)])]
    let s = try #require(BreakdownTable.summary(of: tables))
    #expect(s.valueColumns == ["wait_mean_h", "wait_mean_h_ci95", "wait_p90_h", "wait_p90_h_ci95"])
    #expect(s.values[0][0] == 3)
    #expect(abs(s.values[0][1] - 6.572411) < 1e-5)
    #expect(s.values[0][2] == 10 && abs(s.values[0][3] - 10.0 / 256) < 1e-12, "zero spread: only the sketch's bound")
    // South's p90 was observed once: a mean, and no interval.
    #expect(s.values[1][2] == 20 && s.values[1][3].isNaN)
  }

  @Test("paired differences match rows by key and use the replication-by-replication differences")
  func pairedDifferences() throws {
    let base = [Self.table([("North", 1, 10), ("South", 5, 8)]), Self.table([("North", 2, 12), ("South", 7, 8)])]
    // The alternative lists its rows in another order and has one more district.
    let alt = [Self.table([("South", 4, 8), ("North", 2, 10), ("East", 1, 1)]),
               Self.table([("South", 5, 8), ("North", 4, 12)])]
    let d = try #require(BreakdownTable.pairedDifferences(baseline: base, alternative: alt))
    #expect(d.keys == [["South"], ["North"]])
    // South: differences −1 and −2 (mean −1.5, sd 0.7071, t(0.975, 1) = 12.7062).
    #expect(d.values[0][0] == -1.5)
    #expect(abs(d.values[0][1] - 12.7062047 * 0.5) < 1e-5)
    // North: differences 1 and 2; the p90 column: 0 and 0, widened by (|A| + |B|)/256 = 22/256.
    #expect(d.values[1][0] == 1.5 && d.values[1][2] == 0 && abs(d.values[1][3] - 22.0 / 256) < 1e-12)
  }

  @Test("a daily series written with a start date gains its calendar date")
  func dailyDates() {
    let daily = BreakdownTable(name: "daily", keyColumns: ["day"], valueColumns: ["requests"],
                               keys: [["7"], ["8"]], values: [[10], [11]])
    let csv = SummaryReport.csv(daily, startDate: "2021-02-21")
    #expect(csv == "day,date,requests\n7,2021-02-28,10\n8,2021-03-01,11\n")
    #expect(SummaryReport.csv(daily) == "day,requests\n7,10\n8,11\n")
  }
}
