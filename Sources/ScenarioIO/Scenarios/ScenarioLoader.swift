import Foundation
import Yams

/// Reads scenario files (YAML, `schema: telesim/v1`) into validated ``Scenario`` values.
public enum ScenarioLoader {
  /// Loads and validates the scenario at `path`.
  /// - Throws: ``ScenarioError`` with every problem found, each with line, column, key path
  ///   and, where possible, a hint.
  public static func load(path: String) throws(ScenarioError) -> Scenario {
    guard let data = FileManager.default.contents(atPath: path),
          let text = String(data: data, encoding: .utf8)
    else {
      throw ScenarioError([ScenarioDiagnostic(
        code: .io, message: "cannot read the file", location: .init(file: path, line: 1, column: 1),
        path: "", hint: FileManager.default.fileExists(atPath: path) ? "is it UTF-8 text?" : "no such file")])
    }
    return try parse(text, file: path)
  }

  /// Parses and validates scenario text; `file` names it in diagnostics.
  public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw ScenarioError([ScenarioDiagnostic(
          code: .syntax, message: "the file is empty", location: .init(file: file, line: 1, column: 1),
          path: "", hint: "start with 'schema: telesim/v1' and 'kind: queue'")])
      }
      root = node
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError([syntaxDiagnostic(error, file: file)])
    }
    let reader = NodeReader(file: file)
    let scenario = ScenarioReader(reader: reader, contentHash: hex(fnv1a(text))).read(root)
    if let scenario, reader.diagnostics.isEmpty { return scenario }
    throw ScenarioError(reader.diagnostics)
  }

  static func syntaxDiagnostic(_ error: Error, file: String) -> ScenarioDiagnostic {
    var line = 1
    var column = 1
    var problem = "\(error)"
    if let yaml = error as? YamlError {
      switch yaml {
      case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _),
           .composer(_, let p, let mark, _):
        (line, column, problem) = (mark.line, mark.column, p)
      case .duplicatedKeysInMapping(let duplicates, let context):
        (line, column) = (context.mark.line, context.mark.column)
        problem = "duplicate key " + duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
      default:
        break
      }
    }
    return ScenarioDiagnostic(code: .syntax, message: "invalid YAML: \(problem)",
                              location: .init(file: file, line: line, column: column), path: "",
                              hint: "check indentation and that every ':' is followed by a space")
  }

  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
