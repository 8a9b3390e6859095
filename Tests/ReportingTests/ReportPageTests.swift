import Experiments
import Foundation
import ScenarioIO
import Testing

@testable import Reporting

@Suite("HTML reports")
struct ReportPageTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A result folder of the teaching network (3 spokes in districts North and South), and a
  /// boundaries folder with North, South and East (where nothing happens).
  func teachingRun() async throws -> (folder: String, boundaries: String) {
    let scenario = try ScenarioLoader.load(path: Self.root.appendingPathComponent("scenarios/teaching-network.yaml").path,
                                           overrides: [ScenarioOverride(key: "horizon", value: "3w")])
    let runner = ReplicationRunner(scenario: scenario, workers: 2)
    let outputs = await runner.runWithTables([0, 1, 2])
    let result = ExperimentResult(scenario: scenario, seed: scenario.seed, metrics: runner.metrics, indices: [0, 1, 2],
                                  replications: outputs.map(\.values), tables: outputs.map(\.tables),
                                  fingerprints: outputs.map(\.fingerprint))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)").path
    try AtomicFile.write(SummaryReport.json(result), to: dir + "/run/summary.json")
    try AtomicFile.write(SummaryReport.replicationsCSV(result), to: dir + "/run/replications.csv")
    try SummaryReport.writeTables(result, to: dir + "/run")
    func square(_ name: String, _ lon: Double) -> String {
      "{\"type\":\"Feature\",\"properties\":{\"district\":\"\(name)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[\(lon),24.7],[\(lon + 0.2),24.7],[\(lon + 0.2),25.2],[\(lon),25.2],[\(lon),24.7]]]}}"
    }
    try AtomicFile.write("{\"type\":\"FeatureCollection\",\"features\":[\(square("North", 84.9)),\(square("South", 85.1)),"
                         + "\(square("East", 85.3))]}", to: dir + "/maps/districts.geojson")
    return (dir + "/run", dir + "/maps")
  }

  @Test("a run report has headline tiles judged against targets, charts, maps with a district without data, and a run record")
  func runReport() async throws {
    let (folder, maps) = try await teachingRun()
    defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
    let html = try HTMLReport.html(folder: folder, context: ReportContext(boundariesFolder: maps, runSeconds: 1.5, threads: 2))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    for section in ["Headline", "Teleconsultation", "Maps", "Beds", "All figures", "Run record"] {
      #expect(html.contains(">\(section)</h2>"), "section \(section)")
    }
    #expect(html.components(separatedBy: "class=\"tile").count - 1 >= 3)
    #expect(html.contains("<title>East: no data</title>"), "the district where nothing happens is grey and says so")
    #expect(html.contains("class=\"area\""))
    #expect(html.contains("wait for a specialist, mean"), "metrics appear in words")
    #expect(html.contains("1.50 s"), "the run time is recorded when known")
    #expect(!html.contains("<script"), "no replay, no script")
    #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"), "no network access")
    let withoutMaps = try HTMLReport.html(folder: folder, context: ReportContext(boundariesFolder: "/nonexistent"))
    #expect(withoutMaps.contains("No district boundaries found"))
    #expect(withoutMaps.contains("not recorded"))
  }

  @Test("a folder that is not a TeleSim result, or is missing, is a clear error")
  func notAResult() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect { try HTMLReport.html(folder: dir) } throws: { ($0 as? ReportError)?.message.contains("holds no summary.json") == true }
    #expect { try HTMLReport.html(folder: dir + "/nope") } throws: { ($0 as? ReportError)?.message.contains("no folder") == true }
    try AtomicFile.write("{\"schema\": 1}", to: dir + "/summary.json")
    #expect { try HTMLReport.html(folder: dir) } throws: { ($0 as? ReportError)?.message.contains("is not a TeleSim result") == true }
  }

  @Test("a sweep report names the swept setting in words and marks the knee and where the target is met")
  func sweepReport() throws {
    func design(_ n: Int, _ wait: Double) -> String {
      "{\"label\":\"specialties[0].specialists_per_hub=\(n)\",\"settings\":[\"specialties[0].specialists_per_hub=\(n)\"],"
        + "\"point\":[\"\(n)\"],\"scenario\":\"s\",\"scenario_hash\":\"h\",\"metrics\":{\"teleconsult.wait.mean\":"
        + "{\"mean\":\(wait),\"ci95\":[\(wait - 0.5),\(wait + 0.5)],\"sd\":1,\"n\":5,\"unit\":\"h\",\"better\":\"lower\","
        + "\"label\":\"wait for a specialist, mean\"}}}"
    }
    let waits = [93.5, 46.5, 26.2, 22.7, 22.7, 22.5]
    let json = "{\"schema\":\"telesim/sweep/v1\",\"telesim_version\":\"0\",\"experiment_hash\":\"e\",\"seed\":1,\"replications\":5,"
      + "\"targets\":[{\"text\":\"teleconsult.wait.mean <= 30h\",\"metric\":\"teleconsult.wait.mean\",\"comparison\":\"<=\","
      + "\"limit\":30,\"judge\":\"ci\"}],\"axes\":[{\"key\":\"specialties[0].specialists_per_hub\","
      + "\"name\":\"general_medicine specialists per hub\",\"values\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]}],\"designs\":["
      + waits.enumerated().map { design($0.offset + 1, $0.element) }.joined(separator: ",") + "]}"
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString)").path
    try AtomicFile.write(json, to: dir + "/sweep.json")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let html = try HTMLReport.html(folder: dir)
    #expect(html.contains("general_medicine specialists per hub"))
    #expect(html.contains("knee: 3"))
    #expect(html.contains("target met from 3"))
    #expect(html.contains("met with confidence from 3"))
  }
}
