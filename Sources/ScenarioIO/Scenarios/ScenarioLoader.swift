import Foundation
import SimStats
import Yams

/// Reads scenario files (YAML, `schema: telesim/v1`) into validated ``Scenario`` values.
public enum ScenarioLoader {
  /// Loads and validates the scenario at `path`, following `extends:` to its base files.
  /// - Throws: ``ScenarioError`` with every problem found, each with file, line, column, key
  ///   path and, where possible, a hint.
  public static func load(path: String) throws(ScenarioError) -> Scenario {
    try load(path: path, overrides: [])
  }

  /// Loads `path` with some keys replaced, as `telesim sweep --set KEY=VALUE` does. Each
  /// override's value is YAML (`4`, `2h`, `[mon, thu]`, `{dist: exponential, mean: 5min}`);
  /// its key is a dotted path with list indices (`specialties[0].specialists_per_hub`).
  public static func load(path: String, overrides: [ScenarioOverride]) throws(ScenarioError) -> Scenario {
    var texts: [String] = []
    let root = try document(at: path, texts: &texts, chain: [])
    return try read(try overriding(root, with: overrides, texts: &texts), file: path, texts: texts)
  }

  /// Parses and validates scenario text; `file` names it in diagnostics and anchors relative
  /// paths (`extends:`, data files). `overrides` replace keys as in ``load(path:overrides:)``.
  public static func parse(_ text: String, file: String, overrides: [ScenarioOverride] = [])
    throws(ScenarioError) -> Scenario
  {
    var texts = [text]
    var root = try compose(text, file: file)
    root = try resolveExtends(root, file: file, texts: &texts, chain: [file])
    return try read(try overriding(root, with: overrides, texts: &texts), file: file, texts: texts)
  }

  /// The composed document of the file at `path` with its `extends:` chain laid under it.
  static func resolvedDocument(at path: String) throws(ScenarioError) -> ScenarioNode {
    var texts: [String] = []
    return try document(at: path, texts: &texts, chain: [])
  }

  /// `root` with each override's key set to its value (located at `--set`, column = its
  /// position); the overrides join `texts`, so that they change the scenario's hash.
  static func overriding(_ root: ScenarioNode, with overrides: [ScenarioOverride], texts: inout [String])
    throws(ScenarioError) -> ScenarioNode
  {
    var root = root
    for (i, o) in overrides.enumerated() {
      let origin = SourceLocation(file: "--set", line: 1, column: i + 1)
      let value = try compose(o.value.isEmpty ? "\"\"" : o.value, file: "--set \(o.key)")
      guard let updated = root.setting(o.key, to: value.relocated(to: origin)) else {
        throw ScenarioError([ScenarioDiagnostic(
          code: .invalidValue, message: "cannot set '\(o.key)': no such place in the scenario", location: origin,
          path: o.key, hint: "use a dotted key path with list indices, e.g. specialties[0].specialists_per_hub")])
      }
      root = updated
      texts.append("\(o.key)=\(o.value)")
    }
    return root
  }

  private static func read(_ root: ScenarioNode, file: String, texts: [String]) throws(ScenarioError)
    -> Scenario
  {
    let reader = NodeReader(file: file)
    let hash = FNV1a.text(of: texts.joined(separator: "\u{0}").utf8)
    guard var scenario = ScenarioReader(reader: reader, contentHash: hash).read(root), reader.diagnostics.isEmpty else {
      throw ScenarioError(reader.diagnostics)
    }
    // Paths relative to the scenario's folder, so that a baseline written from one working
    // folder matches a check run from another.
    scenario.dataFiles = reader.dataFiles.map { DataFile(path: relativePath(of: $0.path, from: file), hash: $0.hash) }
    scenario.settings = root.flattened().map { ScenarioSetting(path: $0.path, value: $0.value) }
    return scenario
  }

  /// Reads and composes one file, then the files it extends.
  private static func document(at path: String, texts: inout [String], chain: [String])
    throws(ScenarioError) -> ScenarioNode
  {
    let text = try readText(path)
    texts.append(text)
    let node = try compose(text, file: path)
    return try resolveExtends(node, file: path, texts: &texts, chain: chain + [path])
  }

  /// `extends: base.yaml` (relative to this file): the base is read first and this file's keys
  /// are laid over it (mappings merge, other values replace).
  private static func resolveExtends(_ node: ScenarioNode, file: String, texts: inout [String],
                                     chain: [String]) throws(ScenarioError) -> ScenarioNode
  {
    guard let ref = node["extends"] else { return node }
    guard let name = ref.scalar, !name.isEmpty else {
      throw ScenarioError([ScenarioDiagnostic(code: .wrongType, message: "expected a file name",
                                              location: ref.location, path: "extends")])
    }
    let basePath = resolve(name, relativeTo: file)
    if chain.contains(basePath) {
      throw ScenarioError([ScenarioDiagnostic(
        code: .invalidValue, message: "'\(name)' extends itself through " + chain.joined(separator: " → "),
        location: ref.location, path: "extends")])
    }
    if let outside = outsideReason(basePath) {
      throw ScenarioError([ScenarioDiagnostic(code: .io, message: "'\(name)' is \(outside)", location: ref.location,
                                              path: "extends", hint: "name a scenario file of this folder")])
    }
    guard FileManager.default.fileExists(atPath: basePath) else {
      throw ScenarioError([ScenarioDiagnostic(
        code: .io, message: "cannot find the base scenario '\(name)'", location: ref.location,
        path: "extends", hint: "paths are relative to the file that names them")])
    }
    // Said here, at the `extends:` line, rather than at line 1 of something that is no file.
    if let kind = BoundedFile.kind(of: basePath) {
      throw ScenarioError([ScenarioDiagnostic(code: .io, message: "'\(name)' is \(kind), not a scenario file",
                                              location: ref.location, path: "extends")])
    }
    let base = try document(at: basePath, texts: &texts, chain: chain)
    return node.removing("extends").overlaid(on: base)
  }

  /// Loads an expectations file (`schema: telesim/expect/v1`) for a scenario that reports
  /// `metrics`.
  /// - Throws: ``ScenarioError`` with every problem found, located in the file.
  public static func loadExpectations(path: String, metrics: [Metric]) throws(ScenarioError) -> Expectations {
    let root = try compose(try readText(path), file: path)
    let reader = NodeReader(file: path)
    let allowed = ["schema"] + ExpectationReader.keys
    guard let f = reader.fields(root, path: "", allowed: allowed, required: ["schema"]) else {
      throw ScenarioError(reader.diagnostics)
    }
    if let node = f["schema"], let schema = reader.string(node, path: "schema"), schema != Expectations.schema {
      reader.report(.invalidValue, "unsupported schema '\(schema)'", at: node, path: "schema",
                    hint: "an expectations file starts with 'schema: \(Expectations.schema)'")
    }
    let expectations = ExpectationReader(reader: reader, metrics: metrics).read(f)
    guard let expectations, reader.diagnostics.isEmpty else { throw ScenarioError(reader.diagnostics) }
    return expectations
  }

  /// `path` relative to the folder of `file` (both relative to the current folder or absolute).
  static func relativePath(of path: String, from file: String) -> String {
    func components(_ p: String) -> [String] {
      let absolute = p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
      return (absolute as NSString).standardizingPath.split(separator: "/").map(String.init)
    }
    let target = components(path)
    let folder = components(file).dropLast()
    let common = zip(target, folder).prefix { $0 == $1 }.count
    return (Array(repeating: "..", count: folder.count - common) + target.dropFirst(common)).joined(separator: "/")
  }

  /// `path` without `..` detours, relative to the current folder when it lies below it.
  static func normalized(_ path: String) -> String {
    let relative = relativePath(of: path, from: "_")
    return relative.hasPrefix("..") && path.hasPrefix("/") ? (path as NSString).standardizingPath : relative
  }

  private static func readText(_ path: String) throws(ScenarioError) -> String {
    func failure(_ message: String, _ hint: String? = nil) -> ScenarioError {
      ScenarioError([ScenarioDiagnostic(code: .io, message: message, location: .init(file: path, line: 1, column: 1),
                                        path: "", hint: hint)])
    }
    switch BoundedFile.read(path, limit: Limits.scenarioBytes) {
    case .failure(.missing): throw failure("cannot read the file", "no such file")
    case .failure(.notAFile(let kind)): throw failure("is \(kind), not a scenario file", "name a .yaml file")
    case .failure(.tooLarge(let limit)):
      throw failure("the file has more than \(limit) bytes", "keep tables in CSV files that the scenario names")
    case .failure(.unreadable(let reason)): throw failure("cannot read the file: \(reason)")
    case .success(let data):
      guard let text = String(data: data, encoding: .utf8) else { throw failure("the file is not UTF-8 text", "save it as UTF-8") }
      return text
    }
  }

  private static func compose(_ text: String, file: String) throws(ScenarioError) -> ScenarioNode {
    func failure(_ message: String, _ hint: String? = nil) -> ScenarioError {
      ScenarioError([ScenarioDiagnostic(code: .syntax, message: message, location: .init(file: file, line: 1, column: 1),
                                        path: "", hint: hint)])
    }
    guard text.utf8.count <= Limits.scenarioBytes else {
      throw failure("the text has more than \(Limits.scenarioBytes) bytes")
    }
    if let problem = YAMLPrecheck.problem(in: text) {
      throw ScenarioError([ScenarioDiagnostic(
        code: .syntax, message: problem.message, location: .init(file: file, line: problem.line, column: problem.column),
        path: "", hint: problem.hint)])
    }
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw failure("the file is empty", "start with 'schema: telesim/v1' and 'kind: queue'")
      }
      var budget = Limits.yamlValues
      guard let converted = ScenarioNode.converting(node, file: file, budget: &budget, depth: Limits.yamlDepth) else {
        throw failure("the document expands to more than \(Limits.yamlValues) values",
                      "YAML aliases (*name) repeat what they name; a scenario needs far fewer")
      }
      return converted
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError([syntaxDiagnostic(error, file: file)])
    }
  }

  static func syntaxDiagnostic(_ error: Error, file: String) -> ScenarioDiagnostic {
    var line = 1
    var column = 1
    var problem = "\(error)"
    if let yaml = error as? YamlError {
      switch yaml {
      case .reader(let p, let offset, _, let text):
        problem = p
        // The offset counts characters; the mark a reader error lacks is computed from it.
        if let offset, offset >= 0 {
          let before = text.prefix(offset)
          line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
          column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        }
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
    // The indentation hint helps with a scanner's or parser's complaint, not with a control
    // character or a duplicate key.
    var structural = false
    if let yaml = error as? YamlError {
      switch yaml {
      case .scanner, .parser: structural = true
      default: break
      }
    }
    return ScenarioDiagnostic(code: .syntax, message: "invalid YAML: \(problem)",
                              location: .init(file: file, line: line, column: column), path: "",
                              hint: structural ? "check indentation and that every ':' is followed by a space" : nil)
  }

}
