import ScenarioIO

/// What validating a scenario's text found: the same checks as `telesim validate`.
public struct ScenarioCheck: Codable, Sendable {
  /// One diagnostic, located in the text (or in a file it names).
  public struct Problem: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var path: String
    public var message: String
    public var hint: String?
  }

  /// Whether the scenario is valid, its kind and name when it is, and every problem.
  public var ok: Bool
  public var kind: String?
  public var name: String?
  public var problems: [Problem]

  /// Validates `text` as if it were the file at `path` (so that `extends:` and data files
  /// resolve beside it).
  public static func check(_ text: String, as path: String) -> ScenarioCheck {
    do {
      let scenario = try ScenarioLoader.parse(text, file: path)
      return ScenarioCheck(ok: true, kind: scenario.kind, name: scenario.name, problems: [])
    } catch {
      return ScenarioCheck(ok: false, kind: nil, name: nil, problems: error.diagnostics.map {
        Problem(file: $0.location.file, line: $0.location.line, column: $0.location.column, path: $0.path,
                message: $0.message, hint: $0.hint)
      })
    }
  }
}
