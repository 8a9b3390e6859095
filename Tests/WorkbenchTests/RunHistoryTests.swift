import Foundation
import GRDB
import Testing

@testable import Workbench

@Suite("Workbench: the run history")
struct RunHistoryTests {
  static func path() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).sqlite").path
  }

  static func record(_ i: Int) -> RunRecord {
    RunRecord(
      scenario: "s\(i % 2).yaml", scenarioHash: "h", scenarioText: "t", seed: Int64(i),
      command: "telesim run s\(i % 2).yaml",
      status: "running", startedAt: Double(i))
  }

  @Test("writers at once, lists newest first, filters, finishes and deletes")
  func concurrentWriters() async throws {
    let db = Self.path()
    let history = try RunHistory(path: db)
    // Two histories on one file, as two servers (or a server and a reader) would have.
    let other = try RunHistory(path: db)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for i in 0..<40 {
        group.addTask {
          let h = i % 2 == 0 ? history : other
          let r = try h.add(Self.record(i))
          try h.finish(r.id!, status: i % 4 == 0 ? "done" : "failed", at: Double(i + 1), resultsPath: nil)
          _ = try h.list()
        }
      }
      try await group.waitForAll()
    }
    let all = try history.list()
    #expect(all.count == 40 && Set(all.compactMap(\.id)).count == 40 && all.first!.id! > all.last!.id!)
    #expect(try history.list(scenario: "s1.yaml").count == 20)
    #expect(try history.list(status: "done").count == 10)
    #expect(all.allSatisfy { $0.finishedAt != nil })
    #expect(try history.delete(all[0].id!) && !(try history.delete(all[0].id!)))
    #expect(try RunHistory(path: db).list().count == 39)
  }

  @Test("a history written before v2 migrates and keeps its runs")
  func migration() throws {
    let db = Self.path()
    do {
      let queue = try DatabaseQueue(path: db)
      try RunHistory.migrator.migrate(queue, upTo: "v1: runs")
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO runs (scenario, scenarioHash, scenarioText, seed, command, status, startedAt)
            VALUES ('old.yaml', 'h', 't', 7, 'run old.yaml', 'done', 1)
            """)
      }
    }
    let history = try RunHistory(path: db)
    let old = try #require(try history.list().first)
    #expect(old.scenario == "old.yaml" && old.kind == "run" && old.replications == nil && old.message == nil)
    try history.markInterrupted(at: 5)
    let added = try history.add(Self.record(1))
    try history.markInterrupted(at: 9)
    #expect(try history.run(added.id!)?.status == "interrupted" && (try history.run(old.id!)?.status) == "done")
  }
}
