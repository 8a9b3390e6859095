import Foundation
import ScenarioIO
import Testing

/// Inputs beyond any meaning are refused by the loader with a message, not met later by a
/// trap, an endless loop or a runaway allocation (issue 12). The fixtures in `invalid/`
/// (`limits-*`, `alias-bomb`, `deep-nesting`, `control-characters`, `care-limits*`) pin the
/// exact messages; these tests cover what a fixture file cannot be.
@Suite("Scenario limits")
struct LimitsTests {
  func diagnostics(_ body: () throws(ScenarioError) -> Scenario) -> [ScenarioDiagnostic] {
    do {
      _ = try body()
      return []
    } catch {
      return error.diagnostics
    }
  }

  @Test("a folder named as a scenario is called a folder")
  func folderAsScenario() {
    let found = diagnostics { () throws(ScenarioError) in try ScenarioLoader.load(path: fixtures.path) }
    #expect(found.count == 1)
    #expect(found.first?.message == "is a folder, not a scenario file")
  }

  @Test("a scenario reached through a symbolic link loads like the file itself")
  func symlinkedScenario() throws {
    let link = FileManager.default.temporaryDirectory.appendingPathComponent("telesim-link-\(getpid()).yaml").path
    defer { try? FileManager.default.removeItem(atPath: link) }
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixtures.appendingPathComponent("valid/mmc.yaml").path)
    let scenario = try ScenarioLoader.load(path: link)
    #expect(scenario.replications >= 1)
  }

  @Test("a scenario file over 1 MiB is refused before it is parsed")
  func oversizedFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("telesim-big-\(getpid()).yaml")
    defer { try? FileManager.default.removeItem(at: url) }
    let filler = "# " + String(repeating: "x", count: 1 << 20) + "\n"
    try ("schema: telesim/v1\nkind: queue\nhorizon: 8h\nservers: 1\narrivals: 9/h\nservice: 5min\n" + filler)
      .write(to: url, atomically: true, encoding: .utf8)
    let found = diagnostics { () throws(ScenarioError) in try ScenarioLoader.load(path: url.path) }
    #expect(found.count == 1)
    #expect(found.first?.message == "the file has more than \(Limits.scenarioBytes) bytes", "\(found)")
  }

  @Test("a year beyond any calendar is refused, not an overflow trap",
        arguments: ["9223372036854775807-01-01", "-9223372036854775807-01-01", "3000-01-01", "1899-12-31"])
  func absurdYears(date: String) {
    let file = fixtures.appendingPathComponent("invalid/years.yaml").path
    let text = "extends: ../valid/care-small.yaml\nstart: \(date)\n"
    let found = diagnostics { () throws(ScenarioError) in try ScenarioLoader.parse(text, file: file) }
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.path == "start")
  }

  func parses(_ line: String) -> Bool {
    var keys = ["horizon": "8h", "servers": "1", "arrivals": "9/h", "service": "0.5s"]
    let (key, value) = (String(line.prefix { $0 != ":" }), String(line.drop { $0 != " " }.dropFirst()))
    keys[key] = value
    let text = "schema: telesim/v1\nkind: queue\n" + keys.keys.sorted().map { "\($0): \(keys[$0]!)" }.joined(separator: "\n")
    return (try? ScenarioLoader.parse(text + "\n", file: fixtures.appendingPathComponent("valid/edge.yaml").path)) != nil
  }

  @Test("each bound is inclusive, and a step past it is refused", arguments: [
    ("horizon: 10000y", "horizon: 10000.001y"), ("service: 1us", "service: 0.99us"),
    ("servers: \(Limits.count)", "servers: \(Limits.count + 1)"), ("arrivals: 100000/min", "arrivals: 100001/min"),
    ("arrivals: 0.000000001/min", "arrivals: 0.00000000099/min"),
    ("service: {dist: gamma, shape: 0.00011, mean: 1min}", "service: {dist: gamma, shape: 0.00009, mean: 1min}"),
  ])
  func boundsAreInclusive(edge: String, beyond: String) {
    #expect(parses(edge), "\(edge) should load")
    #expect(!parses(beyond), "\(beyond) should be refused")
  }

  /// `1234567` as `1,234,567`, as the reference writes it.
  func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    return digits.enumerated().map { i, d in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(d) }.joined()
  }

  @Test("every bound in Limits is stated in the scenario reference's Limits section")
  func limitsDocumented() throws {
    let doc = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/scenario-reference.md")
    let text = try String(contentsOf: doc, encoding: .utf8)
    let section = try #require(text.range(of: "## Limits").map { String(text[$0.upperBound...]) })
      .components(separatedBy: "\n## ")[0]
    let years = Int(Limits.longestMinutes / (365.25 * 1440))
    let figures = [
      "at most \(grouped(Limits.count))", "at most \(grouped(Limits.ambulances))", "0 to \(grouped(Limits.population))",
      "1 to 10^\(Int(log10(Double(Limits.replications))))", "\(grouped(years)) years",
      "1 µs", "at most \(grouped(Limits.stations))", "\(Int(Limits.largestVariation)) times the mean",
      "1e\(Int(log10(Limits.slowestRatePerMinute)))/min", "1e\(Int(log10(Limits.fastestRatePerMinute)))/min",
      "0 to 10^\(Int(log10(Limits.largestProfileFactor)))", "at most 10^\(Int(log10(Limits.largestNumber)))",
      "\(Limits.years.lowerBound) to \(Limits.years.upperBound)", "\(Limits.scenarioBytes >> 20) MiB",
      "\(grouped(Limits.yamlValues)) values", "at most \(Limits.yamlDepth) levels", "| \(Limits.tableBytes >> 20) MiB |",
      "10^9 expected events", "10^6 replications", "100 years", "10,000 design points", "`--force`",
    ]
    for figure in figures {
      #expect(section.contains(figure), "docs/scenario-reference.md, Limits: '\(figure)' is not stated")
    }
  }
}
