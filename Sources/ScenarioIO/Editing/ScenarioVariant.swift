/// A variant of a scenario file: a new file that `extends:` the original and writes only what
/// changed, so that the original (and its comments) stay untouched and the difference is
/// readable on its own.
public enum ScenarioVariant {
  /// The text of a file beside `path` that extends it (as `baseName`) with `overrides`.
  /// Mappings merge under `extends:`, but a list replaces the base's, so a change inside a
  /// list (`specialties[0].specialists_per_hub`) writes that whole list, changed.
  /// - Throws: the loader's diagnostics when `path` does not load or an override does not
  ///   apply.
  public static func text(extending path: String, as baseName: String, overrides: [ScenarioOverride])
    throws(ScenarioError) -> String
  {
    let base = try ScenarioLoader.resolvedDocument(at: path)
    var texts: [String] = []
    let changed = try ScenarioLoader.overriding(base, with: overrides, texts: &texts)
    var overlay = ScenarioNode(content: .mapping([]), location: base.location)
    for o in overrides {
      // Down the mappings to the first list, which is copied whole from the changed document.
      guard let steps = ScenarioNode.steps(o.key) else { continue }
      let keys = steps.prefix { !$0.isIndex }.compactMap(\.key)
      guard var value = changed.value(at: keys) else { continue }
      // Mappings merge under `extends:`: a key the new value no longer has is removed with null.
      if let old = base.value(at: keys)?.entries, let new = value.entries {
        let gone = old.filter { e in !new.contains { $0.key.scalar == e.key.scalar } }
        value = ScenarioNode(
          content: .mapping(
            new + gone.map { ScenarioNode.Entry(key: $0.key, value: ScenarioNode.null(at: value.location)) }),
          location: value.location)
      }
      overlay = overlay.placing(value, at: keys[...])
    }
    var lines = ["# A variant of \(baseName), written by the TeleSim workbench. It changes:"]
    lines += overrides.map { "#   \($0.key): \($0.value)" }
    lines.append("extends: \(ScenarioNode(content: .scalar(baseName), location: base.location).flowText)")
    lines += overlay.blockLines(indent: "")
    let text = lines.joined(separator: "\n") + "\n"
    // What the variant reads as must be what the overrides make of the original.
    let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    let variant = try ScenarioLoader.parse(text, file: folder + "/(variant of \(baseName))")
    let wanted = try ScenarioLoader.load(path: path, overrides: overrides)
    guard Set(variant.settings) == Set(wanted.settings) else {
      throw ScenarioError([
        ScenarioDiagnostic(
          code: .invalidValue, message: "the changes cannot be written as a file that extends \(baseName)",
          location: SourceLocation(file: path, line: 1, column: 1), path: overrides.first?.key ?? "",
          hint: "edit the YAML text instead")
      ])
    }
    return text
  }
}

extension ScenarioNode.PathStep {
  fileprivate var isIndex: Bool { if case .index = self { true } else { false } }
  fileprivate var key: String? { if case .key(let k) = self { k } else { nil } }
}

extension ScenarioNode {
  /// A YAML null, which removes a key under `extends:`.
  fileprivate static func null(at location: SourceLocation) -> ScenarioNode {
    var node = ScenarioNode(content: .scalar("null"), location: location)
    node.isNull = true
    return node
  }

  /// The node under a chain of mapping keys.
  fileprivate func value(at keys: [String]) -> ScenarioNode? {
    var node = self
    for k in keys {
      guard let child = node[k] else { return nil }
      node = child
    }
    return node
  }

  /// This mapping with `value` under the chain of `keys`, adding mappings on the way.
  fileprivate func placing(_ value: ScenarioNode, at keys: ArraySlice<String>) -> ScenarioNode {
    guard let k = keys.first else { return value }
    var entries = self.entries ?? []
    let empty = ScenarioNode(content: .mapping([]), location: location)
    let key = ScenarioNode(content: .scalar(k), location: location)
    if let i = entries.firstIndex(where: { $0.key.scalar == k }) {
      entries[i].value = entries[i].value.placing(value, at: keys.dropFirst())
    } else {
      entries.append(Entry(key: key, value: empty.placing(value, at: keys.dropFirst())))
    }
    return ScenarioNode(content: .mapping(entries), location: location)
  }

  /// Block-style YAML of a mapping: nested mappings indented, lists one item a line, each
  /// item and every other value in flow style.
  fileprivate func blockLines(indent: String) -> [String] {
    (entries ?? []).flatMap { e -> [String] in
      let key = indent + (e.key.flowText) + ":"
      if e.value.entries != nil { return [key] + e.value.blockLines(indent: indent + "  ") }
      // A list, one item a line, so that a planner can read which item changed.
      if let items = e.value.items, !items.isEmpty { return [key] + items.map { indent + "  - " + $0.flowText } }
      return [key + " " + e.value.flowText]
    }
  }
}
