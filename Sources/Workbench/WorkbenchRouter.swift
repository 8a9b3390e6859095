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
  public static func make(folder: ScenarioFolder, history: RunHistory) -> Router<BasicRequestContext> {
    let router = Router()
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

  private static func scenarioFile(_ folder: ScenarioFolder, _ context: BasicRequestContext) throws -> URL {
    let name = try context.parameters.require("name")
    guard let file = folder.file(name) else { throw HTTPError(.badRequest, message: "not a scenario file name") }
    return file
  }

  struct Names: ResponseEncodable { var names: [String] }
  struct Runs: ResponseEncodable { var runs: [RunRecord] }
}

extension ScenarioCheck: ResponseEncodable {}
