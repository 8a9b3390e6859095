import ScenarioIO

/// What checking a scenario's text (and the form's pending changes) found: the same checks as
/// `telesim validate`, the form's fields, and the file it is based on.
public struct ScenarioCheck: Codable, Sendable {
  /// One diagnostic, located in the text (or in a file it names, or at a form change: file
  /// `--set`).
  public struct Problem: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var path: String
    public var message: String
    public var hint: String?
    /// The form field it belongs to, when there is one.
    public var field: String?
  }

  /// Whether the scenario is valid, its kind and name when it is, and every problem.
  public var ok: Bool
  public var kind: String?
  public var name: String?
  public var problems: [Problem]
  /// The file this one `extends:` ("based on"), if any.
  public var basedOn: String?
  /// The form: the text's scalar settings (as written, without the changes), when it reads.
  public var fields: [FormField] = []

  /// Checks `text` as if it were the file at `path` (so that `extends:` and data files resolve
  /// beside it), with the form's `changes` laid over it.
  public static func check(_ text: String, as path: String, changes: [ScenarioOverride] = []) -> ScenarioCheck {
    let basedOn = ScenarioTextEdit.extends(in: text)
    do {
      let scenario = try ScenarioLoader.parse(text, file: path, overrides: changes)
      // The fields hold the text's values, not the changes: the page compares a field with
      // what is written to know whether it is still a change.
      // (When the text alone does not read, a change has put it right: its values stand in.)
      let written = changes.isEmpty ? scenario : (try? ScenarioLoader.parse(text, file: path)) ?? scenario
      return ScenarioCheck(
        ok: true, kind: scenario.kind, name: scenario.name, problems: [], basedOn: basedOn,
        fields: FormField.fields(of: written, text: text))
    } catch {
      // The form still shows, from the text alone, so that a bad change can be put right there.
      let fields = (try? ScenarioLoader.parse(text, file: path)).map { FormField.fields(of: $0, text: text) } ?? []
      var check = ScenarioCheck(failure: error, fields: fields)
      check.basedOn = basedOn
      return check
    }
  }
}

extension ScenarioCheck {
  /// A failed check: `error`'s diagnostics, each tied to its field of `fields` when it has one
  /// (or, when the text does not read far enough to have fields, to the field of its key path
  /// that the page still shows).
  init(failure error: ScenarioError, fields: [FormField] = []) {
    let paths = Set(fields.map(\.path))
    self.init(
      ok: false, kind: nil, name: nil,
      problems: error.diagnostics.map {
        Problem(
          file: $0.location.file, line: $0.location.line, column: $0.location.column, path: $0.path,
          message: $0.message, hint: $0.hint,
          field: paths.contains($0.path) || (fields.isEmpty && !$0.path.isEmpty) ? $0.path : nil)
      }, basedOn: nil, fields: fields)
  }
}
