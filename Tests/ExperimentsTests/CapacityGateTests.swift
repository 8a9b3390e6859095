import Experiments
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reporting
import ScenarioIO
import SimStats
import Testing

/// The capacity gate's rules, on results built by hand.
@Suite("Capacity gates")
struct CapacityGateTests {
  static let here = SourceLocation(file: "gate.yaml", line: 3, column: 5)
  static let metrics = [Metric("wait.mean", unit: "h", better: .lowerIsBetter),
                        Metric("same_day", unit: "ratio", better: .higherIsBetter),
                        Metric("admissions", unit: "/d", better: .neither)]

  /// Replications with the given values of the three metrics (one row each), seed 7.
  static func result(_ rows: [[Double]], seed: UInt64 = 7, fingerprints: [UInt64]? = nil) throws -> ExperimentResult {
    ExperimentResult(scenario: try scenario("mmc.yaml"), seed: seed, metrics: metrics, indices: Array(rows.indices),
                     replications: rows.map { MetricValues(metrics: metrics, values: $0) },
                     fingerprints: fingerprints ?? rows.indices.map { UInt64($0) + 100 })
  }

  static func expectations(_ thresholds: [Expectations.Threshold] = [], judge: Expectations.Judge = .ci,
                           regressions: Bool = false, fingerprint: Bool = false) -> Expectations {
    Expectations(file: "gate.yaml", judge: judge, thresholds: thresholds,
                 regressions: regressions ? .init(baseline: "b.json", tolerance: .relative(0.05), metrics: nil, location: here)
                   : nil, fingerprint: fingerprint)
  }

  static func threshold(_ metric: String, _ op: Expectations.Threshold.Comparison, _ limit: Double) -> Expectations.Threshold {
    .init(metric: metric, comparison: op, limit: limit, text: "\(metric) \(op.rawValue) \(limit)", location: here)
  }

  static let base: [[Double]] = [[10, 0.50, 30], [11, 0.52, 31], [10.5, 0.51, 29], [10.2, 0.49, 30], [10.8, 0.50, 32]]

  @Test("a met threshold passes and a missed one fails; ci judges the interval's worse end, mean the mean")
  func thresholds() throws {
    let r = try Self.result(Self.base)  // wait.mean 10.5 [10.0, 11.0]
    let s = try scenario("mmc.yaml")
    func verdicts(_ judge: Expectations.Judge, _ t: [Expectations.Threshold]) -> [GateReport.Finding.Verdict] {
      CapacityGate.judge(r, scenario: s, expectations: Self.expectations(t, judge: judge), baseline: nil).findings.map(\.verdict)
    }
    #expect(verdicts(.ci, [Self.threshold("wait.mean", .atMost, 12)]) == [.pass])
    #expect(verdicts(.ci, [Self.threshold("wait.mean", .atMost, 9)]) == [.fail])
    // 10.6 lies inside the interval: the mean meets it, the interval does not.
    #expect(verdicts(.ci, [Self.threshold("wait.mean", .atMost, 10.6)]) == [.fail])
    #expect(verdicts(.mean, [Self.threshold("wait.mean", .atMost, 10.6)]) == [.pass])
    #expect(verdicts(.ci, [Self.threshold("same_day", .atLeast, 0.45), Self.threshold("same_day", .above, 0.6)])
              == [.pass, .fail])
  }

  /// The baseline is `base`; the new run is `base` with wait.mean scaled by `factor` (paired
  /// replications: same seed, same indices).
  func regressionVerdicts(factor: Double, sameDayShift: Double = 0, seed: UInt64 = 7) throws -> [GateReport.Finding] {
    let s = try scenario("mmc.yaml")
    let baseline = Baseline(try Self.result(Self.base), scenario: s)
    let now = try Self.result(Self.base.map { [$0[0] * factor, $0[1] + sameDayShift, $0[2]] }, seed: seed)
    return CapacityGate.judge(now, scenario: s, expectations: Self.expectations(regressions: true), baseline: baseline)
      .findings
  }

  @Test("a regression beyond the tolerance fails; noise, small worsening and improvement pass")
  func regressions() throws {
    let unchanged = try regressionVerdicts(factor: 1)
    #expect(unchanged.map(\.name) == ["wait.mean not worse than the baseline", "same_day not worse than the baseline"],
            "metrics better neither way are not checked")
    #expect(unchanged.allSatisfy { $0.verdict == .pass })
    #expect(try regressionVerdicts(factor: 1.03)[0].verdict == .pass, "3% worse is within the 5% tolerance")
    let worse = try regressionVerdicts(factor: 1.20)[0]
    #expect(worse.verdict == .fail && worse.explanation.contains("paired replications"))
    #expect(abs(worse.value! - 2.1) < 1e-9, "20% of the baseline mean 10.5")
    #expect(try regressionVerdicts(factor: 0.7)[0].verdict == .pass, "better is never a regression")
    // Higher is better: a fall of 0.05 (10%) in the same-day share is a regression.
    #expect(try regressionVerdicts(factor: 1, sameDayShift: -0.05)[1].verdict == .fail)
    #expect(try regressionVerdicts(factor: 1, sameDayShift: 0.05)[1].verdict == .pass)
    // Another seed: the two runs are independent samples (Welch), and 20% is still caught.
    let independent = try regressionVerdicts(factor: 1.2, seed: 8)[0]
    #expect(independent.verdict == .fail && independent.explanation.contains("independent samples"))
  }

  @Test("a stale baseline is reported with what changed")
  func staleBaseline() throws {
    let before = try scenario("mmc.yaml")
    let after = try scenario("mmc.yaml", [ScenarioOverride(key: "servers", value: "5")])
    let baseline = Baseline(try Self.result(Self.base), scenario: before)
    let report = CapacityGate.judge(try Self.result(Self.base), scenario: after,
                                    expectations: Self.expectations(regressions: true), baseline: baseline)
    let stale = try #require(report.notices.first { $0.contains("stale") })
    #expect(stale.contains("servers: 4 → 5"), "\(stale)")
    #expect(!report.failed, "a changed scenario is what a gate tests: the notice does not fail it")
    let fresh = CapacityGate.judge(try Self.result(Self.base), scenario: before,
                                   expectations: Self.expectations(regressions: true), baseline: baseline)
    #expect(!fresh.notices.contains { $0.contains("stale") })
  }

  @Test("a changed fingerprint fails, and says behaviour changed rather than a figure")
  func fingerprints() throws {
    let s = try scenario("mmc.yaml")
    let baseline = Baseline(try Self.result(Self.base), scenario: s)
    func finding(_ prints: [UInt64], seed: UInt64 = 7) throws -> GateReport.Finding {
      let now = try Self.result(Self.base, seed: seed, fingerprints: prints)
      let report = CapacityGate.judge(now, scenario: s, expectations: Self.expectations(regressions: true, fingerprint: true),
                                      baseline: baseline)
      return try #require(report.findings.first { $0.kind == .fingerprint })
    }
    #expect(try finding([100, 101, 102, 103, 104]).verdict == .pass)
    let changed = try finding([100, 101, 999, 103, 104])
    #expect(changed.verdict == .fail && changed.explanation.contains("behaviour changed: replication 2"))
    // Every figure is the same, yet the fingerprint catches the change.
    #expect(try regressionVerdicts(factor: 1).allSatisfy { $0.verdict == .pass })
    #expect(try finding([100, 101, 102, 103, 104], seed: 9).explanation.contains("baseline's seed"))
  }

  @Test("the JUnit output is XML that a parser reads as one suite with a test case per expectation")
  func junitParses() throws {
    let r = try Self.result(Self.base)
    let report = CapacityGate.judge(r, scenario: try scenario("mmc.yaml"), expectations: Self.expectations([
      Self.threshold("wait.mean", .atMost, 12), Self.threshold("wait.mean", .atMost, 9),
      .init(metric: "same_day", comparison: .atLeast, limit: 0.4, text: "same_day >= 40% & <\"quoted\">", location: Self.here),
    ]), baseline: nil)
    let xml = try XMLDocument(data: Data(GateOutput.junit(report).utf8))
    let suites = try #require(xml.rootElement())
    #expect(suites.name == "testsuites")
    let suite = try #require(suites.elements(forName: "testsuite").first)
    #expect(suite.attribute(forName: "tests")?.stringValue == "3")
    #expect(suite.attribute(forName: "failures")?.stringValue == "1")
    let cases = suite.elements(forName: "testcase")
    #expect(cases.count == 3)
    #expect(cases.map { $0.elements(forName: "failure").count } == [0, 1, 0])
    #expect(cases[2].attribute(forName: "name")?.stringValue == "same_day >= 40% & <\"quoted\">")
    #expect(cases[0].attribute(forName: "line")?.stringValue == "3")
  }

  @Test("GitHub annotations escape their properties and messages")
  func githubAnnotations() throws {
    let r = try Self.result(Self.base)
    let report = CapacityGate.judge(r, scenario: try scenario("mmc.yaml"),
                                    expectations: Self.expectations([Self.threshold("wait.mean", .atMost, 9)]), baseline: nil)
    let lines = GateOutput.githubAnnotations(report)
    #expect(lines.count == 1)
    #expect(lines[0].hasPrefix("::error file=gate.yaml,line=3,col=5,title=telesim check%3A wait.mean <= 9.0::"))
  }
}
