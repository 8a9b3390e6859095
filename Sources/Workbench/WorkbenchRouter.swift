import Foundation
import Hummingbird

/// The workbench's HTTP API over a scenario folder and a run history.
///
/// - `GET /api/scenarios`: the scenario files' names.
/// - `GET /api/scenarios/NAME`: a file's text.
/// - `POST /api/validate/NAME`: the body's YAML checked as if it were file NAME (every
///   diagnostic, located).
/// - `GET /api/runs`: the run history, newest first.
///
/// Names are plain file names in the folder; anything else is refused with 400, and bodies
/// are bounded (``maxBody``).
public enum WorkbenchRouter {
  /// Largest request body read: the scenario limit of the loader.
  public static let maxBody = 1 << 20

  /// The router serving `folder` and `history`.
  public static func make(folder: ScenarioFolder, history: RunHistory, runs manager: RunManager? = nil)
    -> Router<BasicRequestContext>
  {
    let router = Router()
    if let manager { addRuns(to: router, manager) }
    router.get("/") { _, _ -> Response in
      Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
               body: ResponseBody(byteBuffer: ByteBuffer(string: WorkbenchPage.html)))
    }
    router.get("api/scenarios") { _, _ in
      Names(names: try folder.names())
    }
    router.get("api/scenarios/:name") { _, context -> String in
      let file = try scenarioFile(folder, context)
      guard let text = try? String(contentsOf: file, encoding: .utf8) else { throw HTTPError(.notFound) }
      return text
    }
    router.post("api/validate/:name") { request, context -> ScenarioCheck in
      let file = try scenarioFile(folder, context)
      let body = try await request.body.collect(upTo: maxBody)
      return ScenarioCheck.check(String(buffer: body), as: file.path)
    }
    router.get("api/runs") { _, _ in
      Runs(runs: try history.list())
    }
    return router
  }

  /// `POST /api/runs/start/NAME?replications=N&seed=S` → `{"id": ID}`; `GET /api/runs/ID/events`:
  /// server-sent events of the run's progress until it ends; `POST /api/runs/ID/cancel`.
  static func addRuns(to router: Router<BasicRequestContext>, _ manager: RunManager) {
    router.post("api/runs/start/:name") { request, context -> Started in
      let name = try context.parameters.require("name")
      let replications = request.uri.queryParameters.get("replications", as: Int.self) ?? 10
      let seed = request.uri.queryParameters.get("seed", as: Int64.self) ?? 1
      do {
        return Started(id: try await manager.start(scenario: name, replications: replications, seed: seed))
      } catch WorkbenchError.noSuchScenario {
        throw HTTPError(.notFound, message: "no such scenario")
      } catch WorkbenchError.badArgument(let message) {
        throw HTTPError(.badRequest, message: message)
      }
    }
    router.get("api/runs/:id/events") { _, context -> Response in
      let id = try context.parameters.require("id", as: Int64.self)
      let updates = await manager.watch(id)
      let encoder = JSONEncoder()
      let events = updates.map { p -> ByteBuffer in
        ByteBuffer(string: "data: " + String(decoding: (try? encoder.encode(p)) ?? Data(), as: UTF8.self) + "\n\n")
      }
      return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                      body: ResponseBody(asyncSequence: events))
    }
    // A run's report, as `telesim run --report` wrote it: the same HTML as offline.
    router.get("runs/:id/report.html") { _, context -> Response in
      let id = try context.parameters.require("id", as: Int64.self)
      let file = await manager.results.appendingPathComponent("\(id)/report.html")
      guard let data = FileManager.default.contents(atPath: file.path) else { throw HTTPError(.notFound) }
      return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
    router.post("api/runs/:id/cancel") { _, context -> HTTPResponse.Status in
      let id = try context.parameters.require("id", as: Int64.self)
      return await manager.cancel(id) ? .accepted : .conflict
    }
  }

  struct Started: ResponseEncodable { var id: Int64 }

  private static func scenarioFile(_ folder: ScenarioFolder, _ context: BasicRequestContext) throws -> URL {
    let name = try context.parameters.require("name")
    guard let file = folder.file(name) else { throw HTTPError(.badRequest, message: "not a scenario file name") }
    return file
  }

  struct Names: ResponseEncodable { var names: [String] }
  struct Runs: ResponseEncodable { var runs: [RunRecord] }
}

extension ScenarioCheck: ResponseEncodable {}
