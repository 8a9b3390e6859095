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

  /// The value of `key` in a mapping.
  subscript(key: String) -> ScenarioNode? {
    entries?.first { $0.key.scalar == key }?.value
  }

  /// Converts a composed Yams tree, tagging every node with `file`.
  init(_ node: Node, file: String) {
    let mark = node.mark
    location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    switch node {
    case .scalar(let s):
      content = .scalar(s.string)
    case .mapping(let m):
      content = .mapping(m.map { Entry(key: ScenarioNode($0.key, file: file), value: ScenarioNode($0.value, file: file)) })
    case .sequence(let s):
      content = .sequence(s.map { ScenarioNode($0, file: file) })
    case .alias:
      content = .scalar("")
    }
  }

  init(content: Content, location: SourceLocation) {
    self.content = content
    self.location = location
  }

  /// This document laid over `base`: mappings merge key by key (recursively); any other value
  /// replaces the base's, lists included.
  func overlaid(on base: ScenarioNode) -> ScenarioNode {
    guard let mine = entries, let theirs = base.entries else { return self }
    var merged = theirs
    for entry in mine {
      if let i = merged.firstIndex(where: { $0.key.scalar == entry.key.scalar }) {
        merged[i] = Entry(key: entry.key, value: entry.value.overlaid(on: merged[i].value))
      } else {
        merged.append(entry)
      }
    }
    return ScenarioNode(content: .mapping(merged), location: location)
  }

  /// Removes `key` from a mapping.
  func removing(_ key: String) -> ScenarioNode {
    guard let e = entries else { return self }
    return ScenarioNode(content: .mapping(e.filter { $0.key.scalar != key }), location: location)
  }
}
