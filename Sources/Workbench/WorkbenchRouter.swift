import Foundation
import Hummingbird
import ScenarioIO

/// The workbench's HTTP API over a scenario folder and a run history, and its page.
///
/// Scenarios (this file):
/// - `GET /api/scenarios`: the scenario files' names.
/// - `GET /api/scenarios/NAME`: a file's text.
/// - `POST /api/check/NAME` `{text, changes}`: the text checked as if it were file NAME with
///   the form's changes laid over it: every diagnostic, located, and the form's fields.
/// - `PUT /api/scenarios/NAME` `{text, changes}`: saves the text with the changes written in
///   place (comments and layout kept); 409 when a change is not written in this file, 422
///   when the result does not validate.
/// - `POST /api/scenarios/NAME/variant` `{name, changes}`: writes a new file NAME that
///   `extends:` this one with the changes; 409 when NAME exists.
///
/// Runs: see ``addRuns(to:_:history:)``.
///
/// Names are plain file names in the folder; anything else is refused with 400, and bodies
/// are bounded (``maxBody``).
public enum WorkbenchRouter {
  /// Largest request body read: the scenario limit of the loader.
  public static let maxBody = 1 << 20

  /// Host names a server on the loopback answers to.
  public static let loopback: Set<String> = ["127.0.0.1", "localhost", "::1"]

  /// The router serving `folder` and `history`, and running experiments with `manager`;
  /// requests for other host names than `hosts` are refused (nil: any).
  public static func make(
    folder: ScenarioFolder, history: RunHistory, runs manager: RunManager? = nil,
    hosts: Set<String>? = loopback
  ) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: RequestGuard(hosts: hosts))
    if let manager { addRuns(to: router, manager, history: history) }
    router.get("/") { _, _ -> Response in
      html(ByteBuffer(string: WorkbenchPage.html))
    }
    router.get("api/scenarios") { _, _ in
      Names(names: try folder.names())
    }
    router.get("api/scenarios/:name") { _, context -> Response in
      let file = try scenarioFile(folder, context)
      let (text, version) = try await mapped { try folder.read(file.lastPathComponent) }
      // The version comes back with a save, which is refused if the file changed in between.
      return Response(
        status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .eTag: "\"\(version)\""],
        body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
    router.post("api/check/:name") { request, context -> ScenarioCheck in
      let file = try scenarioFile(folder, context)
      let edit = try await body(request, as: Edit.self)
      let changes = try Change.overrides(edit.changes)
      return folder.confined {
        ScenarioCheck.check(edit.text, as: file.path, changes: changes)
      }
    }
    router.put("api/scenarios/:name") { request, context -> Response in
      let file = try scenarioFile(folder, context)
      let edit = try await body(request, as: Edit.self)
      let text: String
      do { text = try ScenarioTextEdit.applying(try Change.overrides(edit.changes), to: edit.text) } catch let error
        as ScenarioTextEdit.Failure
      {
        throw HTTPError(.conflict, message: Self.explain(error, basedOn: ScenarioTextEdit.extends(in: edit.text)))
      }
      let check = folder.confined { ScenarioCheck.check(text, as: file.path) }
      guard check.ok else { return try json(check, status: .unprocessableContent) }
      let version = try await mapped { try folder.save(text, as: file.lastPathComponent, base: edit.base) }
      return try json(Saved(name: file.lastPathComponent, text: text, version: version), status: .ok)
    }
    router.post("api/scenarios/:name/variant") { request, context -> Response in
      let file = try scenarioFile(folder, context)
      let variant = try await body(request, as: Variant.self)
      guard folder.file(variant.name) != nil else {
        throw HTTPError(
          .badRequest,
          message: "a new file name is at most 200 letters, digits, '-', '_' and '.', ending in .yaml, "
            + "and does not start with '.' or '-'")
      }
      var overrides = try Change.overrides(variant.changes)
      // The variant reports under its own name unless the planner named it.
      if !overrides.contains(where: { $0.key == "name" }) {
        // Quoted: a file name such as null.yaml or 1e3.yaml is text, not YAML's null or a number.
        overrides.append(ScenarioOverride(key: "name", value: "\"\(variant.name.dropLast(".yaml".count))\""))
      }
      let text: String
      do {
        text = try folder.confined {
          try ScenarioVariant.text(extending: file.path, as: file.lastPathComponent, overrides: overrides)
        }
      } catch let error as ScenarioError {
        return try json(ScenarioCheck(failure: error), status: .unprocessableContent)
      }
      try await mapped { try folder.create(text, as: variant.name) }
      return try json(Saved(name: variant.name, text: text, version: nil), status: .created)
    }
    return router
  }

  /// A text and the form's changes.
  struct Edit: Codable {
    var text: String
    /// Optional in the JSON: no changes.
    var changes: [Change]? = nil
    /// The version the page opened (its ETag), for a save.
    var base: String? = nil
  }

  /// Most form changes in one request (a scenario has a few hundred settings).
  static let maxChanges = 1_000

  /// A form change: a key path and its new value as YAML.
  struct Change: Codable {
    /// The loader's overrides for `changes`, at most ``maxChanges`` of them (400 beyond).
    static func overrides(_ changes: [Change]?) throws -> [ScenarioOverride] {
      let changes = changes ?? []
      guard changes.count <= maxChanges else {
        throw HTTPError(.badRequest, message: "at most \(maxChanges) changes at once")
      }
      return changes.map { ScenarioOverride(key: $0.key, value: $0.value) }
    }

    var key: String
    var value: String
  }

  struct Variant: Codable {
    var name: String
    var changes: [Change]
  }

  struct Saved: Codable {
    var name: String
    var text: String
    /// The file's new version, for the next save.
    var version: String?
  }

  struct Names: ResponseEncodable { var names: [String] }

  static func explain(_ failure: ScenarioTextEdit.Failure, basedOn: String?) -> String {
    switch failure {
    case .notInThisText(let key):
      "\(key) is not written in this file"
        + (basedOn.map { " (it comes from \($0), which this file is based on)" } ?? "")
        + ": save the change as a variant, or add the key to the text"
    case .notEditable(let key): "\(key) is not a one-line value: change it in the YAML text"
    case .invalid(let key): "the new value of \(key) is not one line of YAML that reads back as itself"
    }
  }

  /// The request's JSON body, read up to ``maxBody`` bytes (413 beyond).
  static func body<T: Decodable>(_ request: Request, as type: T.Type) async throws -> T {
    let buffer = try await request.body.collect(upTo: maxBody)
    do { return try JSONDecoder().decode(T.self, from: Data(buffer: buffer)) } catch {
      throw HTTPError(.badRequest, message: "the body is not the JSON this endpoint takes: " + explain(error))
    }
  }

  /// Which field of a JSON body is wrong, and how.
  static func explain(_ error: any Error) -> String {
    func at(_ path: [any CodingKey]) -> String {
      path.isEmpty ? "the body" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error as? DecodingError {
    case .typeMismatch(let type, let c)?:
      return "\(at(c.codingPath)) should be \(type == String.self ? "text" : "a \(type)")"
    case .valueNotFound(_, let c)?: return "\(at(c.codingPath)) is missing"
    case .keyNotFound(let key, let c)?: return "\(at(c.codingPath + [key])) is missing"
    case .dataCorrupted(let c)?: return "\(at(c.codingPath)): \(c.debugDescription)"
    default: return "not JSON"
    }
  }

  static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status) throws -> Response {
    Response(
      status: status, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
  }

  /// An HTML page: the workbench's, or a run's report as written.
  static func html(_ page: ByteBuffer) -> Response {
    Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: page))
  }

  /// Runs a folder or manager step, turning its errors into HTTP statuses.
  static func mapped<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let error as WorkbenchError {
      switch error {
      case .noSuchScenario: throw HTTPError(.notFound, message: "no such scenario file")
      case .exists: throw HTTPError(.conflict, message: "a file of that name exists: choose another name")
      case .changedOnDisk:
        throw HTTPError(
          .conflict,
          message: "the file changed since this page opened it (another browser saved it): "
            + "copy your changes, reopen the file and make them again")
      case .busy(let n):
        throw HTTPError(
          .tooManyRequests,
          message: "\(n) experiments are running, as many as this server runs at once: "
            + "wait for one to end or cancel one")
      case .badArgument(let message): throw HTTPError(.badRequest, message: message)
      }
    }
  }

  static func scenarioFile(_ folder: ScenarioFolder, _ context: BasicRequestContext) throws -> URL {
    let name = try context.parameters.require("name")
    guard let file = folder.file(name) else { throw HTTPError(.badRequest, message: "not a scenario file name") }
    return file
  }
}

extension ScenarioCheck: ResponseEncodable {}
