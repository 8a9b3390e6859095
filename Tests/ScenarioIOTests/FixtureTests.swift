import Foundation
import ScenarioIO
import SimTestSupport
import Testing

/// Fixtures live beside this file; `RECORD_GOLDEN=1` rewrites the `.expected` files.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixtureNames(_ folder: String) -> [String] {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(folder).path)) ?? []
  return names.filter { $0.hasSuffix(".yaml") }.sorted()
}

@Suite("Scenario fixtures")
struct FixtureTests {
  @Test("every invalid fixture gives exactly its expected diagnostics", arguments: fixtureNames("invalid"))
  func invalidFixture(name: String) throws {
    let url = fixtures.appendingPathComponent("invalid/\(name)")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
    var rendered = ""
    do {
      _ = try ScenarioLoader.load(path: url.path)
      Issue.record("\(name) loaded without errors")
      return
    } catch {
      // Paths relative to the fixtures folder keep the expected files machine-independent.
      rendered = error.description.replacingOccurrences(of: fixtures.path + "/", with: "") + "\n"
    }
    if Golden.isRecording {
      try rendered.write(to: expectedURL, atomically: true, encoding: .utf8)
      Issue.record("recorded \(expectedURL.lastPathComponent); review the diff and run again without RECORD_GOLDEN")
      return
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(rendered == expected, "\(name)")
    // Each diagnostic about this file points at a real line and column of it.
    for diagnostic in rendered.split(separator: "\n") where diagnostic.hasPrefix("invalid/\(name):") {
      let parts = diagnostic.split(separator: ":")
      guard parts.count > 3, let line = Int(parts[1]), let column = Int(parts[2]) else { continue }
      #expect(line >= 1 && line <= lines.count, "\(name): \(diagnostic)")
      if line >= 1 && line <= lines.count {
        #expect(column >= 1 && column <= lines[line - 1].count + 1, "\(name): \(diagnostic)")
      }
    }
  }

  @Test("every valid fixture and shipped scenario loads", arguments: fixtureNames("valid"))
  func validFixture(name: String) throws {
    let url = fixtures.appendingPathComponent("valid/\(name)")
    let scenario = try ScenarioLoader.load(path: url.path)
    #expect(scenario.replications >= 1)
    #expect(scenario.contentHash.count == 16)
  }

  @Test("the shipped scenarios load")
  func shippedScenarios() throws {
    let folder = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("scenarios")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
    #expect(names.count >= 5)
    for name in names { _ = try ScenarioLoader.load(path: folder.appendingPathComponent(name).path) }
  }
}

@Suite("Expectation fixtures")
struct ExpectationFixtureTests {
  /// Each file in `Fixtures/expect-invalid`, read for the metrics of `valid/mmc.yaml`, gives
  /// exactly the diagnostics of its `.expected` file, every one located.
  @Test("every invalid expectations file gives exactly its expected diagnostics", arguments: fixtureNames("expect-invalid"))
  func invalidExpectations(name: String) throws {
    let metrics = try ScenarioLoader.load(path: fixtures.appendingPathComponent("valid/mmc.yaml").path)
    let url = fixtures.appendingPathComponent("expect-invalid/\(name)")
    let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
    var rendered = ""
    do {
      guard case .queueNetwork(let spec) = metrics.model else { return }
      _ = try ScenarioLoader.loadExpectations(path: url.path, metrics: spec.metrics)
      Issue.record("\(name) loaded without errors")
      return
    } catch {
      rendered = error.description.replacingOccurrences(of: fixtures.path + "/", with: "") + "\n"
    }
    if Golden.isRecording {
      try rendered.write(to: expectedURL, atomically: true, encoding: .utf8)
      Issue.record("recorded \(expectedURL.lastPathComponent); review the diff and run again without RECORD_GOLDEN")
      return
    }
    #expect(rendered == (try String(contentsOf: expectedURL, encoding: .utf8)), "\(name)")
    #expect(rendered.split(separator: "\n").allSatisfy { $0.hasPrefix("expect-invalid/\(name):") }, "every diagnostic is located")
  }
}
