import Foundation
import Yams

/// A YAML node that remembers which file and position it came from, so that a scenario
/// assembled from several files (`extends:`) still reports each problem where it was written.
struct ScenarioNode: Sendable {
  enum Content: Sendable {
    case scalar(String)
    case mapping([Entry])
    case sequence([ScenarioNode])
  }

  struct Entry: Sendable {
    var key: ScenarioNode
    var value: ScenarioNode
  }

  var content: Content
  var location: SourceLocation
  /// Whether the YAML wrote null: a plain `~`, `null`, `Null`, `NULL` or nothing (YAML 1.2's
  /// core schema), not a quoted "null".
  var isNull = false

  /// The text of a scalar, `nil` for a mapping or list.
  var scalar: String? {
    if case .scalar(let s) = content { return s }
    return nil
  }

  /// The entries of a mapping, in file order.
  var entries: [Entry]? {
    if case .mapping(let e) = content { return e }
    return nil
  }

  /// The items of a list.
  var items: [ScenarioNode]? {
    if case .sequence(let s) = content { return s }
    return nil
  }

  /// Every scalar below this node with its dotted key path (list items as `[i]`), in
  /// document order: the scenario's settings as one flat list, to say what changed.
  func flattened(prefix: String = "") -> [(path: String, value: String)] {
    switch content {
    case .scalar(let s): return [(prefix, s)]
    case .sequence(let items):
      return items.enumerated().flatMap { i, item in item.flattened(prefix: "\(prefix)[\(i)]") }
    case .mapping(let entries):
      return entries.flatMap { e in
        e.value.flattened(prefix: prefix.isEmpty ? (e.key.scalar ?? "") : "\(prefix).\(e.key.scalar ?? "")")
      }
    }
  }

  /// The value of `key` in a mapping.
  subscript(key: String) -> ScenarioNode? {
    entries?.first { $0.key.scalar == key }?.value
  }

  /// Converts a composed Yams tree, tagging every node with `file`; nil when the tree holds
  /// more than `budget` values or nests deeper than `depth`. Yams shares the nodes an alias
  /// repeats, but this copy expands them, so an alias bomb (nine nested lists of nine aliases
  /// each) would otherwise take gigabytes.
  static func converting(_ node: Node, file: String, budget: inout Int, depth: Int) -> ScenarioNode? {
    budget -= 1
    guard budget >= 0, depth >= 0 else { return nil }
    let mark = node.mark
    let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    switch node {
    case .scalar(let s):
      var scalar = ScenarioNode(content: .scalar(s.string), location: location)
      scalar.isNull = s.style == .plain && ["~", "null", "Null", "NULL", ""].contains(s.string)
      return scalar
    case .mapping(let m):
      var entries: [Entry] = []
      for (key, value) in m {
        guard let k = converting(key, file: file, budget: &budget, depth: depth - 1),
              let v = converting(value, file: file, budget: &budget, depth: depth - 1) else { return nil }
        entries.append(Entry(key: k, value: v))
      }
      return ScenarioNode(content: .mapping(entries), location: location)
    case .sequence(let items):
      var converted: [ScenarioNode] = []
      for item in items {
        guard let c = converting(item, file: file, budget: &budget, depth: depth - 1) else { return nil }
        converted.append(c)
      }
      return ScenarioNode(content: .sequence(converted), location: location)
    case .alias:
      return ScenarioNode(content: .scalar(""), location: location)
    }
  }

  init(content: Content, location: SourceLocation) {
    self.content = content
    self.location = location
  }

  /// This document laid over `base`: mappings merge key by key (recursively); any other value
  /// replaces the base's, lists included; a key set to null (``isNull``) removes the base's.
  func overlaid(on base: ScenarioNode) -> ScenarioNode {
    guard let mine = entries, let theirs = base.entries else { return self }
    var merged = theirs
    for entry in mine {
      if entry.value.isNull {
        merged.removeAll { $0.key.scalar == entry.key.scalar }
      } else if let i = merged.firstIndex(where: { $0.key.scalar == entry.key.scalar }) {
        merged[i] = Entry(key: entry.key, value: entry.value.overlaid(on: merged[i].value))
      } else {
        merged.append(entry)
      }
    }
    return ScenarioNode(content: .mapping(merged), location: location)
  }

  /// This node with every location replaced by `location` (for values given on the command line).
  func relocated(to location: SourceLocation) -> ScenarioNode {
    switch content {
    case .scalar:
      var scalar = ScenarioNode(content: content, location: location)
      scalar.isNull = isNull
      return scalar
    case .sequence(let items): return ScenarioNode(content: .sequence(items.map { $0.relocated(to: location) }), location: location)
    case .mapping(let entries):
      return ScenarioNode(content: .mapping(entries.map { Entry(key: $0.key.relocated(to: location), value: $0.value.relocated(to: location)) }),
                          location: location)
    }
  }

  /// This document with the value at `path` (`a.b[2].c`) replaced or, for a missing last key
  /// of a mapping, added; nil when the path does not lead anywhere.
  func setting(_ path: String, to value: ScenarioNode) -> ScenarioNode? {
    guard let steps = Self.steps(path) else { return nil }
    return setting(steps[...], to: value)
  }

  enum PathStep: Equatable { case key(String), index(Int) }

  /// The steps of a key path (`a.b[2].c` is a, b, 2, c); nil for an empty path.
  static func steps(_ path: String) -> [PathStep]? {
    var steps: [PathStep] = []
    for part in path.split(separator: ".") {
      var name = Substring(part)
      var indices: [Int] = []
      while let open = name.lastIndex(of: "["), name.hasSuffix("]"), let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
        indices.insert(i, at: 0)
        name = name[..<open]
      }
      if !name.isEmpty { steps.append(.key(String(name))) }
      steps += indices.map { .index($0) }
    }
    return steps.isEmpty ? nil : steps
  }

  private func setting(_ steps: ArraySlice<PathStep>, to value: ScenarioNode) -> ScenarioNode? {
    guard let step = steps.first else { return value }
    let rest = steps.dropFirst()
    switch (step, content) {
    case (.key(let k), .mapping(var entries)):
      if let i = entries.firstIndex(where: { $0.key.scalar == k }) {
        guard let child = entries[i].value.setting(rest, to: value) else { return nil }
        entries[i].value = child
      } else {
        guard rest.isEmpty else { return nil }
        entries.append(Entry(key: ScenarioNode(content: .scalar(k), location: value.location), value: value))
      }
      return ScenarioNode(content: .mapping(entries), location: location)
    case (.index(let i), .sequence(var items)):
      guard items.indices.contains(i), let child = items[i].setting(rest, to: value) else { return nil }
      items[i] = child
      return ScenarioNode(content: .sequence(items), location: location)
    default:
      return nil
    }
  }

  /// Flow-style YAML text of this node (`3`, `[mon, thu]`, `{dist: exponential, mean: 5min}`),
  /// quoting scalars that YAML would otherwise read differently.
  var flowText: String {
    switch content {
    case .scalar(let s):
      let plain = !s.isEmpty && !s.contains(where: { ",:[]{}#&*!|>'\"%@`".contains($0) }) && s.trimmingSpaces == s
      return plain ? s : "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    case .sequence(let items): return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
    case .mapping(let entries): return "{" + entries.map { "\($0.key.flowText): \($0.value.flowText)" }.joined(separator: ", ") + "}"
    }
  }

  /// Removes `key` from a mapping.
  func removing(_ key: String) -> ScenarioNode {
    guard let e = entries else { return self }
    return ScenarioNode(content: .mapping(e.filter { $0.key.scalar != key }), location: location)
  }
}
