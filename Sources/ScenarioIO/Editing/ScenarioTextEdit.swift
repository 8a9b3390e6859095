import Yams

/// Changes values in a scenario file's text where they are written, leaving everything else
/// (comments, layout, quoting of other values) as it was: what the workbench's form does
/// when a planner saves a file.
public enum ScenarioTextEdit {
  /// Why a value could not be changed in place.
  public enum Failure: Error, Equatable, Sendable {
    /// The key is not written in this text (it comes from the file it extends, or is a default).
    case notInThisText(key: String)
    /// The value is not a one-line scalar (a list, a block, a multi-line string).
    case notEditable(key: String)
    /// The text or the new value is not YAML, or the result would not read back as the value.
    case invalid(key: String)
  }

  /// `text` with each override's scalar replaced in place by its value's text.
  public static func applying(_ overrides: [ScenarioOverride], to text: String) throws(Failure) -> String {
    var text = text
    for o in overrides { text = try applying(o, to: text) }
    return text
  }

  /// For each key path, whether `text` itself writes it (rather than a file it extends).
  public static func written(_ keys: [String], in text: String) -> [Bool] {
    guard let root = composed(text) else { return keys.map { _ in false } }
    return keys.map { key in ScenarioNode.steps(key).map { find($0[...], in: root, lines: []) != nil } ?? false }
  }

  /// The file `text` extends, if it names one.
  public static func extends(in text: String) -> String? {
    guard let root = composed(text), case .mapping(let m) = root,
      case .scalar(let s)? = m.first(where: { $0.key.string == "extends" })?.value
    else { return nil }
    return s.string
  }

  private static func applying(_ o: ScenarioOverride, to text: String) throws(Failure) -> String {
    guard let steps = ScenarioNode.steps(o.key),
      !o.value.unicodeScalars.contains(where: { "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }),
      let wanted = composedScalar(o.value), let root = composed(text)
    else { throw .invalid(key: o.key) }
    // Lines as Unicode scalars, as libyaml counts columns (and so that "\r\n" stays two).
    var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    guard let (node, inFlow) = find(steps[...], in: root, lines: lines) else { throw .notInThisText(key: o.key) }
    guard case .scalar(let scalar) = node, let mark = node.mark, scalar.style != .literal, scalar.style != .folded
    else { throw .notEditable(key: o.key) }
    guard lines.indices.contains(mark.line - 1) else { throw .notEditable(key: o.key) }
    let line = lines[mark.line - 1]
    let start = mark.column - 1
    guard let end = scalarEnd(line, from: start, style: scalar.style, inFlow: inFlow) else {
      throw .notEditable(key: o.key)
    }
    // An empty value (`key:`) starts right after the colon: YAML needs a space there.
    let space: [Unicode.Scalar] = start > 0 && line[start - 1] == ":" ? [" "] : []
    lines[mark.line - 1] = Array(line[..<start]) + space + Array(o.value.unicodeScalars) + Array(line[end...])
    var view = String.UnicodeScalarView()
    for (i, line) in lines.enumerated() {
      if i > 0 { view.append("\n") }
      view.append(contentsOf: line)
    }
    let edited = String(view)
    // The edit must read back as the value asked for, at the same place.
    guard let after = composed(edited), let (again, _) = find(steps[...], in: after, lines: lines),
      case .scalar(let s) = again, s.string == wanted
    else { throw .invalid(key: o.key) }
    return edited
  }

  /// The composed text, behind the loader's own guards: its size limit, and the precheck that
  /// keeps alias bombs and deep nesting away from the YAML library.
  private static func composed(_ text: String) -> Node? {
    guard text.utf8.count <= Limits.scenarioBytes, YAMLPrecheck.problem(in: text) == nil else { return nil }
    return (try? Yams.compose(yaml: text)) ?? nil
  }

  private static func composedScalar(_ value: String) -> String? {
    guard let node = composed(value.isEmpty ? "\"\"" : value), case .scalar(let s) = node else { return nil }
    return s.string
  }

  /// The node at `steps`, and whether it sits inside a flow collection (`{…}` or `[…]`) of
  /// `lines` (the composer does not keep the style, but a flow collection starts at its
  /// bracket).
  private static func find(
    _ steps: ArraySlice<ScenarioNode.PathStep>, in node: Node, lines: [[Unicode.Scalar]],
    inFlow: Bool = false
  ) -> (Node, Bool)? {
    guard let step = steps.first else { return (node, inFlow) }
    let flow = inFlow || isFlow(node, lines)
    switch (step, node) {
    case (.key(let k), .mapping(let m)):
      guard let child = m.first(where: { $0.key.string == k })?.value else { return nil }
      return find(steps.dropFirst(), in: child, lines: lines, inFlow: flow)
    case (.index(let i), .sequence(let s)):
      guard s.indices.contains(i) else { return nil }
      return find(steps.dropFirst(), in: s[i], lines: lines, inFlow: flow)
    default:
      return nil
    }
  }

  private static func isFlow(_ node: Node, _ lines: [[Unicode.Scalar]]) -> Bool {
    guard let mark = node.mark, lines.indices.contains(mark.line - 1) else { return false }
    let line = lines[mark.line - 1]
    return line.indices.contains(mark.column - 1) && (line[mark.column - 1] == "{" || line[mark.column - 1] == "[")
  }

  /// Where the scalar starting at `start` ends on its line (exclusive), or nil when it does not
  /// end there.
  private static func scalarEnd(_ line: [Unicode.Scalar], from start: Int, style: Node.Scalar.Style, inFlow: Bool)
    -> Int?
  {
    guard start >= 0, start <= line.count else { return nil }
    switch style {
    case .doubleQuoted:
      var i = start + 1
      while i < line.count {
        if line[i] == "\\" { i += 2; continue }
        if line[i] == "\"" { return i + 1 }
        i += 1
      }
      return nil
    case .singleQuoted:
      var i = start + 1
      while i < line.count {
        if line[i] == "'" {
          if i + 1 < line.count && line[i + 1] == "'" { i += 2; continue }
          return i + 1
        }
        i += 1
      }
      return nil
    default:
      var end = start
      while end < line.count {
        let c = line[end]
        if c == "#" && end > start && (line[end - 1] == " " || line[end - 1] == "\t") { break }
        if inFlow && (c == "," || c == "]" || c == "}") { break }
        end += 1
      }
      while end > start && (line[end - 1] == " " || line[end - 1] == "\t" || line[end - 1] == "\r") { end -= 1 }
      return end
    }
  }
}
