import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Workbench

@Suite("Workbench API (spike)")
struct WorkbenchTests {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

  func app() throws -> some ApplicationProtocol {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).sqlite").path
    let history = try RunHistory(path: db)
    return Application(router: WorkbenchRouter.make(folder: ScenarioFolder(root: Self.scenarios), history: history))
  }

  @Test("lists the shipped scenarios and serves one")
  func listAndRead() async throws {
    try await app().test(.router) { client in
      try await client.execute(uri: "/api/scenarios", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("bihar-2021-launch.yaml"))
      }
      try await client.execute(uri: "/api/scenarios/mmc.yaml", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("kind: queue"))
      }
    }
  }

  @Test("refuses names that leave the folder")
  func pathTraversal() async throws {
    try await app().test(.router) { client in
      for uri in ["/api/scenarios/..%2F..%2Fetc%2Fpasswd", "/api/scenarios/.hidden.yaml", "/api/scenarios/x%00.yaml",
                  "/api/scenarios/%2Fetc%2Fpasswd"] {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .badRequest || response.status == .notFound, "\(uri): \(response.status)")
          #expect(!String(buffer: response.body).contains("root:"))
        }
      }
    }
  }

  @Test("validates text with every located diagnostic, and bounds the body")
  func validate() async throws {
    try await app().test(.router) { client in
      let bad = "schema: telesim/v1\nkind: queue\nservers: -1\n"
      try await client.execute(uri: "/api/validate/mmc.yaml", method: .post, body: ByteBuffer(string: bad)) { response in
        #expect(response.status == .ok)
        let check = try JSONDecoder().decode(ScenarioCheck.self, from: Data(buffer: response.body))
        #expect(!check.ok && !check.problems.isEmpty && check.problems.allSatisfy { $0.line >= 1 })
      }
      let huge = ByteBuffer(string: String(repeating: "#", count: WorkbenchRouter.maxBody + 1))
      try await client.execute(uri: "/api/validate/mmc.yaml", method: .post, body: huge) { response in
        #expect(response.status == .contentTooLarge)
      }
    }
  }

  @Test("the history migrates, records, lists newest first and deletes, with writers at once")
  func history() async throws {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).sqlite").path
    let history = try RunHistory(path: db)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for i in 0..<20 {
        group.addTask {
          _ = try history.add(RunRecord(scenario: "s\(i % 2).yaml", scenarioHash: "h", scenarioText: "t", seed: Int64(i),
                                        command: "run", status: "running", startedAt: Double(i)))
        }
      }
      try await group.waitForAll()
    }
    let all = try history.list()
    #expect(all.count == 20 && all.first!.id! > all.last!.id!)
    #expect(try history.list(scenario: "s1.yaml").count == 10)
    try history.finish(all[0].id!, status: "done", at: 99, resultsPath: "results/1")
    #expect(try history.list()[0].status == "done")
    #expect(try history.delete(all[0].id!) && !(try history.delete(all[0].id!)))
    // Reopening runs the migrations again without harm.
    #expect(try RunHistory(path: db).list().count == 19)
  }
}

@Suite("Workbench runs (spike)")
struct WorkbenchRunTests {
  /// The `telesim` built beside the test binary.
  static let telesim = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("telesim")

  @Test("a run started over HTTP reports progress until done, and the history records it")
  func runWithProgress() async throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let history = try RunHistory(path: data.appendingPathComponent("history.sqlite").path)
    let manager = RunManager(telesim: Self.telesim, folder: ScenarioFolder(root: WorkbenchTests.scenarios),
                             history: history, results: data.appendingPathComponent("runs"))
    let id = try await manager.start(scenario: "mmc.yaml", replications: 4, seed: 3)
    var seen: [RunManager.Progress] = []
    for await p in await manager.watch(id) { seen.append(p) }
    #expect(seen.last?.status == "done", "\(seen)")
    #expect(seen.contains { $0.done == 4 && $0.total == 4 }, "\(seen)")
    let record = try history.list()[0]
    #expect(record.status == "done" && record.scenario == "mmc.yaml" && record.command.hasPrefix("run "))
    #expect(FileManager.default.fileExists(atPath: record.resultsPath! + "/summary.json"))
  }

  @Test("a cancelled run is recorded as cancelled")
  func cancel() async throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let history = try RunHistory(path: data.appendingPathComponent("history.sqlite").path)
    let manager = RunManager(telesim: Self.telesim, folder: ScenarioFolder(root: WorkbenchTests.scenarios),
                             history: history, results: data.appendingPathComponent("runs"))
    let id = try await manager.start(scenario: "bihar-2021-aug.yaml", replications: 50, seed: 1)
    #expect(await manager.cancel(id))
    var last: RunManager.Progress?
    for await p in await manager.watch(id) { last = p }
    #expect(last?.status == "cancelled")
    #expect(try history.list()[0].status == "cancelled")
  }
}
