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

  @Test("a scenario file over 1 MiB is refused before it is parsed")
  func oversizedFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("telesim-big-\(getpid()).yaml")
    defer { try? FileManager.default.removeItem(at: url) }
    let filler = "# " + String(repeating: "x", count: 1 << 20) + "\n"
    try ("schema: telesim/v1\nkind: queue\nhorizon: 8h\nservers: 1\narrivals: 9/h\nservice: 5min\n" + filler)
      .write(to: url, atomically: true, encoding: .utf8)
    let found = diagnostics { () throws(ScenarioError) in try ScenarioLoader.load(path: url.path) }
    #expect(found.count == 1)
    #expect(found.first?.message.contains("at most 1048576") == true, "\(found)")
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

  @Test("the edges of each bound are accepted", arguments: [
    "horizon: 87660000h", "horizon: 0.000002s", "servers: 1000000", "arrivals: 100000/min",
    "arrivals: 0.000000001/min",
  ])
  func boundsAreInclusive(line: String) throws {
    var keys = ["horizon": "8h", "servers": "1", "arrivals": "9/h"]
    let (key, value) = (String(line.prefix { $0 != ":" }), String(line.drop { $0 != " " }.dropFirst()))
    keys[key] = value
    let text = "schema: telesim/v1\nkind: queue\nservice: 0.5s\n"
      + keys.keys.sorted().map { "\($0): \(keys[$0]!)" }.joined(separator: "\n") + "\n"
    _ = try ScenarioLoader.parse(text, file: fixtures.appendingPathComponent("valid/edge.yaml").path)
  }

  @Test("every bound is documented in the scenario reference's Limits section")
  func limitsDocumented() throws {
    let doc = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/scenario-reference.md")
    let text = try String(contentsOf: doc, encoding: .utf8)
    let section = try #require(text.range(of: "## Limits").map { String(text[$0.upperBound...]) })
    for figure in ["1,000,000", "100,000", "10,000 years", "1 µs", "1e-9/min", "1e5/min", "10^12", "10^6", "1900", "2200",
                   "1 MiB", "200,000", "64", "256 MiB", "10^9", "100 years", "--force", "10", "100,000,000"] {
      #expect(section.contains(figure), "docs/scenario-reference.md, Limits: \(figure) is not mentioned")
    }
  }
}
