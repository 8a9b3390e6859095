import Foundation
import ScenarioIO
import Testing

/// What scenario text may read when the workbench confines it to a project folder.
@Suite("Files a confined scenario may name")
struct ConfinementTests {
  static let clinic =
    "schema: telesim/v1\nkind: queue\nname: base\nhorizon: 100h\nservers: 2\n"
    + "arrivals: {dist: exponential, mean: 1h}\nservice: {dist: exponential, mean: 1h}\n"

  /// TMP/{project/{scenarios, shared → TMP/store}, elsewhere, secret.yaml}, with a base file in
  /// each place and a link from the project to a folder outside it.
  func layout() throws -> (project: URL, temporary: URL) {
    let fm = FileManager.default
    let tmp = fm.temporaryDirectory.appendingPathComponent("confine-\(UUID().uuidString)").resolvingSymlinksInPath()
    for folder in ["project/scenarios", "store", "elsewhere"] {
      try fm.createDirectory(at: tmp.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    for file in ["project/scenarios/base.yaml", "store/base.yaml", "secret.yaml", "elsewhere/base.yaml"] {
      try Self.clinic.write(to: tmp.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
    // The project's own linked folder is the project's: the planner put it there.
    try fm.createSymbolicLink(
      at: tmp.appendingPathComponent("project/shared"), withDestinationURL: tmp.appendingPathComponent("store"))
    // A linked scenario folder whose target lies outside.
    try fm.createSymbolicLink(
      at: tmp.appendingPathComponent("project/linked"), withDestinationURL: tmp.appendingPathComponent("elsewhere"))
    return (tmp.appendingPathComponent("project"), tmp)
  }

  func problems(_ extends: String, from folder: String, project: URL) -> [String] {
    let file = project.appendingPathComponent(folder).appendingPathComponent("a.yaml").path
    return ScenarioLoader.$confinedTo.withValue(project.path) {
      do {
        _ = try ScenarioLoader.parse("extends: \(extends)\nservers: 3\n", file: file)
        return []
      } catch let error as ScenarioError {
        return error.diagnostics.map(\.message)
      } catch {
        return ["\(error)"]
      }
    }
  }

  @Test("inside the project: relative names, climbing at the start, its own linked folders")
  func inside() throws {
    let (project, tmp) = try layout()
    defer { try? FileManager.default.removeItem(at: tmp) }
    #expect(problems("base.yaml", from: "scenarios", project: project) == [])
    #expect(problems("../scenarios/base.yaml", from: "scenarios", project: project) == [])
    #expect(problems("../shared/base.yaml", from: "scenarios", project: project) == [])
  }

  @Test("outside it: absolute names, climbing out, climbing after a folder, out of a linked folder")
  func outside() throws {
    let (project, tmp) = try layout()
    defer { try? FileManager.default.removeItem(at: tmp) }
    for (name, folder) in [
      (tmp.appendingPathComponent("secret.yaml").path, "scenarios"), ("../../secret.yaml", "scenarios"),
      ("../shared/../secret.yaml", "scenarios"), ("./../../secret.yaml", "scenarios"),
      ("../secret.yaml", "linked"), ("base.yaml", "linked"),
    ] {
      let found = problems(name, from: folder, project: project)
      #expect(found.contains { $0.contains("does not read") }, "\(name) from \(folder): \(found)")
    }
    // Unconfined (the command line), the same names read.
    let file = project.appendingPathComponent("scenarios/a.yaml").path
    #expect(throws: Never.self) { try ScenarioLoader.parse("extends: ../../secret.yaml\nservers: 3\n", file: file) }
  }
}
