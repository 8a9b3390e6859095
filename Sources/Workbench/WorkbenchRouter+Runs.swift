import Foundation
import Hummingbird

extension WorkbenchRouter {
  /// Experiments and their history:
  /// - `POST /api/jobs` ``JobRequest`` → `{"id": ID}`: starts a run, sweep, compare or
  ///   optimisation;
  /// - `POST /api/runs/compare?a=ID&b=ID`: compares two finished runs with `telesim compare`
  ///   (their files, unchanged since, on the first run's seed and replications);
  /// - `GET /api/runs?scenario=&status=&q=`: the history, newest first, filtered;
  /// - `GET /api/runs/ID`, `DELETE /api/runs/ID` (409 while it runs), `POST /api/runs/ID/cancel`;
  /// - `GET /api/runs/ID/events`: server-sent events of its progress until it ends;
  /// - `GET /api/runs/ID/output`: what the CLI printed (a comparison's or sweep's table);
  /// - `GET /runs/ID/report.html`: its report, the same HTML as offline.
  static func addRuns(to router: Router<BasicRequestContext>, _ manager: RunManager, history: RunHistory) {
    router.post("api/jobs") { request, _ -> Started in
      let job = try await body(request, as: JobRequest.self)
      return Started(id: try await mapped { try await manager.start(job) })
    }
    router.post("api/runs/compare") { request, _ -> Started in
      let q = request.uri.queryParameters
      guard let a = q.get("a", as: Int64.self), let b = q.get("b", as: Int64.self),
        let first = try history.run(a), let second = try history.run(b)
      else { throw HTTPError(.notFound, message: "no such runs") }
      return Started(id: try await mapped { try await manager.compare(first, second) })
    }
    router.get("api/runs") { request, _ in
      let q = request.uri.queryParameters
      // Without each run's scenario text (GET /api/runs/ID has it): the list is asked for at
      // every keystroke of the filter.
      return Runs(
        runs: try history.list(
          scenario: q.get("scenario").flatMap { $0.isEmpty ? nil : $0 },
          status: q.get("status").flatMap { $0.isEmpty ? nil : $0 }, text: q.get("q")
        ).map { run in
          var listed = run
          listed.scenarioText = ""
          return listed
        })
    }
    router.get("api/runs/:id") { _, context -> RunRecord in
      try known(context, history)
    }
    router.delete("api/runs/:id") { _, context -> HTTPResponse.Status in
      let id = try context.parameters.require("id", as: Int64.self)
      guard await !manager.isRunning(id) else {
        throw HTTPError(.conflict, message: "cancel the run before deleting it")
      }
      guard try history.delete(id) else { throw HTTPError(.notFound, message: "no run #\(id) in the history") }
      await manager.removeFiles(of: id)
      return .noContent
    }
    router.post("api/runs/:id/cancel") { _, context -> HTTPResponse.Status in
      let run = try known(context, history)
      guard await manager.cancel(run.id!) else { throw HTTPError(.conflict, message: "run #\(run.id!) is not running") }
      return .accepted
    }
    router.get("api/runs/:id/events") { _, context -> Response in
      // A run the history does not know gets 404, so that a browser's event source stops asking.
      let id = try known(context, history).id!
      let updates = await manager.watch(id)
      let encoder = JSONEncoder()
      let events = updates.map { p -> ByteBuffer in
        ByteBuffer(string: "data: " + String(decoding: (try? encoder.encode(p)) ?? Data(), as: UTF8.self) + "\n\n")
      }
      return Response(
        status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
        body: ResponseBody(asyncSequence: events))
    }
    router.get("api/runs/:id/output") { _, context -> String in
      let id = try context.parameters.require("id", as: Int64.self)
      // The first MiB: a sweep's table is a few KB.
      guard let file = FileHandle(forReadingAtPath: manager.results.appendingPathComponent("\(id).log").path) else {
        throw HTTPError(.notFound, message: "run #\(id) has no output (yet)")
      }
      defer { try? file.close() }
      return String(decoding: (try? file.read(upToCount: maxBody)) ?? Data(), as: UTF8.self)
    }
    router.get("runs/:id/report.html") { _, context -> Response in
      let id = try context.parameters.require("id", as: Int64.self)
      let file = manager.results.appendingPathComponent("\(id)/report.html")
      guard let data = FileManager.default.contents(atPath: file.path) else {
        throw HTTPError(.notFound, message: "run #\(id) has no report")
      }
      return html(ByteBuffer(bytes: data))
    }
  }

  /// The run the request's `:id` names, or 404.
  static func known(_ context: BasicRequestContext, _ history: RunHistory) throws -> RunRecord {
    let id = try context.parameters.require("id", as: Int64.self)
    guard let run = try history.run(id) else { throw HTTPError(.notFound, message: "no run #\(id) in the history") }
    return run
  }

  struct Started: ResponseEncodable, Decodable { var id: Int64 }
  struct Runs: ResponseEncodable { var runs: [RunRecord] }
}

extension RunRecord: ResponseEncodable {}
