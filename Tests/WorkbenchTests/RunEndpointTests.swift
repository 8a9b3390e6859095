import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Workbench

@Suite("Workbench: experiments and history over HTTP")
struct RunEndpointTests {
  @Test("a run started over HTTP reports progress to done; its record, report and files are there")
  func runWithProgress() async throws {
    let f = try WorkbenchFixture()
    try await f.app.test(.router) { client in
      let job = try WorkbenchFixture.json(JobRequest(command: .run, scenario: "clinic.yaml", replications: 4, seed: 3))
      let id = try await client.execute(uri: "/api/jobs", method: .post, headers: WorkbenchFixture.changing, body: job)
      { response in
        try WorkbenchFixture.decode(WorkbenchRouter.Started.self, response.body).id
      }
      var seen: [RunManager.Progress] = []
      for await p in await f.manager.watch(id) { seen.append(p) }
      #expect(seen.last?.status == "done", "\(seen)")
      #expect(seen.contains { $0.done == 4 && $0.total == 4 }, "\(seen)")
      let record = try #require(try f.history.run(id))
      #expect(
        record.kind == "run" && record.seed == 3 && record.replications == 4
          && record.scenarioText == WorkbenchFixture.clinic)
      #expect(record.command == "telesim run clinic.yaml --replications=4 --seed=3", "\(record.command)")
      #expect(FileManager.default.fileExists(atPath: record.resultsPath! + "/summary.json"))
      try await client.execute(uri: "/runs/\(id)/report.html", method: .get) { response in
        let page = String(buffer: response.body)
        let file = try String(contentsOfFile: record.resultsPath! + "/report.html", encoding: .utf8)
        // Served as written: the same bytes as the file a planner opens offline.
        #expect(response.status == .ok && page == file)
      }
    }
  }

  @Test("a cancelled run is recorded as cancelled; a running one cannot be deleted")
  func cancel() async throws {
    let f = try WorkbenchFixture()
    let id = try await f.manager.start(JobRequest(command: .run, scenario: "slow.yaml"))
    try await f.app.test(.router) { client in
      try await client.execute(uri: "/api/runs/\(id)", method: .delete, headers: WorkbenchFixture.changing) {
        response in
        #expect(response.status == .conflict)
      }
      try await client.execute(uri: "/api/runs/\(id)/cancel", method: .post, headers: WorkbenchFixture.changing) {
        response in
        #expect(response.status == .accepted)
      }
    }
    #expect(await f.finish(id)?.status == "cancelled")
    #expect(try f.history.run(id)?.status == "cancelled")
    // Without a seed, the history records the file's, once the file is read.
    for _ in 0..<100 where try f.history.run(id)?.scenarioHash == "" { try await Task.sleep(for: .milliseconds(50)) }
    let record = try #require(try f.history.run(id))
    #expect(record.seed == 42 && record.scenarioHash.count == 16, "\(record)")
  }

  @Test("no more experiments run at once than the server allows")
  func busy() async throws {
    let f = try WorkbenchFixture(maxRunning: 1)
    let id = try await f.manager.start(JobRequest(command: .run, scenario: "slow.yaml"))
    await #expect(throws: WorkbenchError.busy(1)) {
      try await f.manager.start(JobRequest(command: .run, scenario: "clinic.yaml"))
    }
    #expect(await f.manager.cancel(id))
    #expect(await f.finish(id)?.status == "cancelled")
    let next = try await f.manager.start(JobRequest(command: .run, scenario: "clinic.yaml", replications: 2))
    #expect(await f.finish(next)?.status == "done")
    // Deleting forgets it: its events are the history's 404 now, not a stale status.
    try await f.app.test(.router) { client in
      try await client.execute(uri: "/api/runs/\(next)", method: .delete, headers: WorkbenchFixture.changing) {
        response in
        #expect(response.status == .noContent)
      }
      for uri in ["/api/runs/\(next)/events", "/api/runs/\(next)/output", "/api/runs/999"] {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .notFound && String(buffer: response.body).contains("#"), "\(uri)")
        }
      }
    }
  }

  @Test("an experiment's own reads are confined too (TELESIM_CONFINE)")
  func confinedChild() async throws {
    let f = try WorkbenchFixture()
    let outside = f.root.deletingLastPathComponent().appendingPathComponent("secret-\(UUID().uuidString).yaml")
    try WorkbenchFixture.clinic.replacingOccurrences(of: "name: clinic", with: "name: sk_live_SECRET")
      .write(to: outside, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: outside) }
    // A file placed in the folder by other means, naming a file outside the project.
    try "extends: \(outside.path)\n".write(
      to: f.folder.root.appendingPathComponent("sneaky.yaml"), atomically: true, encoding: .utf8)
    let id = try await f.manager.start(JobRequest(command: .run, scenario: "sneaky.yaml", replications: 1))
    #expect(await f.finish(id)?.status == "failed")
    let message = try #require(try f.history.run(id)?.message)
    #expect(message.contains("does not read") && !message.contains("sk_live_SECRET"), "\(message)")
  }

  @Test("a failed experiment keeps what the CLI said")
  func failure() async throws {
    let f = try WorkbenchFixture()
    let id = try await f.manager.start(
      JobRequest(
        command: .sweep, scenario: "clinic.yaml", sets: ["no_such_key=[1,2]"],
        replications: 2))
    #expect(await f.finish(id)?.status == "failed")
    let message = try #require(try f.history.run(id)?.message)
    #expect(message.contains("no_such_key"), "\(message)")
  }

  @Test("two browsers start, list and delete at once without harm; compare two runs; filters")
  func twoBrowsersAndCompare() async throws {
    let f = try WorkbenchFixture()
    let app = f.app
    // Two clients at once, each starting runs of a different file.
    let ids = try await withThrowingTaskGroup(of: [Int64].self) { group in
      for name in ["clinic.yaml", "clinic-5.yaml"] {
        group.addTask {
          try await app.test(.router) { client in
            var mine: [Int64] = []
            for seed in 1...2 {
              let job = try WorkbenchFixture.json(
                JobRequest(command: .run, scenario: name, replications: 3, seed: UInt64(seed)))
              mine.append(
                try await client.execute(uri: "/api/jobs", method: .post, headers: WorkbenchFixture.changing, body: job)
                { response in
                  try WorkbenchFixture.decode(WorkbenchRouter.Started.self, response.body).id
                })
              try await client.execute(uri: "/api/runs", method: .get) { response in #expect(response.status == .ok) }
            }
            return mine
          }
        }
      }
      return try await group.reduce([], +)
    }
    #expect(Set(ids).count == 4)
    for id in ids { #expect(await f.finish(id)?.status == "done") }
    let runs = try f.history.list()
    #expect(runs.count == 4 && Set(runs.compactMap(\.resultsPath)).count == 4)
    #expect(try f.history.list(scenario: "clinic-5.yaml").count == 2 && (try f.history.list(text: "seed=2")).count == 2)
    let a = try #require(runs.first { $0.scenario == "clinic.yaml" && $0.seed == 1 }?.id)
    let b = try #require(runs.first { $0.scenario == "clinic-5.yaml" && $0.seed == 1 }?.id)
    try await app.test(.router) { client in
      let id = try await client.execute(
        uri: "/api/runs/compare?a=\(a)&b=\(b)", method: .post, headers: WorkbenchFixture.changing
      ) { response in
        try WorkbenchFixture.decode(WorkbenchRouter.Started.self, response.body).id
      }
      #expect(await f.finish(id)?.status == "done")
      let record = try #require(try f.history.run(id))
      #expect(
        record.kind == "compare" && record.command.contains("clinic.yaml clinic-5.yaml")
          && record.command.contains("--seed=1"))
      try await client.execute(uri: "/api/runs/\(id)/output", method: .get) { response in
        // compare's own table: the paired difference of the fifth doctor.
        #expect(String(buffer: response.body).contains("clinic-5"), "\(String(buffer: response.body))")
      }
      #expect(FileManager.default.fileExists(atPath: record.resultsPath! + "/comparison.json"))
      // Once a file changed, its runs no longer stand for it.
      try (WorkbenchFixture.clinic + "# changed\n").write(
        to: f.folder.root.appendingPathComponent("clinic.yaml"), atomically: true, encoding: .utf8)
      try await client.execute(
        uri: "/api/runs/compare?a=\(a)&b=\(b)", method: .post, headers: WorkbenchFixture.changing
      ) { response in
        #expect(response.status == .badRequest && String(buffer: response.body).contains("changed"))
      }
      try await client.execute(uri: "/api/runs/\(a)", method: .delete, headers: WorkbenchFixture.changing) { response in
        #expect(response.status == .noContent)
      }
      try await client.execute(uri: "/api/runs/\(a)", method: .get) { response in #expect(response.status == .notFound)
      }
    }
    #expect(!FileManager.default.fileExists(atPath: f.root.appendingPathComponent("runs/\(a)").path))
    #expect(try f.history.list().count == 4)
  }
}
