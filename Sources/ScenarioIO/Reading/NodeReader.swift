import Foundation

/// The entries of one YAML mapping, in file order, with the key path that led to them.
struct Fields {
  let node: ScenarioNode
  let path: String
  let entries: [(key: String, keyNode: ScenarioNode, value: ScenarioNode)]
  /// Allowed keys that an unknown key was probably meant to be ("sevrers" → "servers"): a
  /// missing-key report for them would only repeat the typo's diagnostic.
  let misspelt: [String]

  subscript(key: String) -> ScenarioNode? { entries.first { $0.key == key }?.value }
  func has(_ key: String) -> Bool { entries.contains { $0.key == key } }
  func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// Walks a composed YAML tree, converting values and collecting every problem instead of
/// stopping at the first. Each problem carries the node's line and column and its key path.
final class NodeReader {
  let file: String
  private(set) var diagnostics: [ScenarioDiagnostic] = []
  /// Data files read on the scenario's behalf (CSV tables, road GeoJSON), with their hashes.
  private(set) var dataFiles: [DataFile] = []

  /// Notes that the data file at `path` was read and what it held.
  func recordDataFile(_ path: String, bytes: Data) {
    guard !dataFiles.contains(where: { $0.path == path }) else { return }
    dataFiles.append(DataFile(path: path, hash: FNV1a.text(of: bytes)))
  }

  init(file: String) { self.file = file }

  func location(of node: ScenarioNode) -> SourceLocation { node.location }

  func report(_ code: ScenarioDiagnostic.Code, _ message: String, at node: ScenarioNode, path: String,
              hint: String? = nil) {
    diagnostics.append(ScenarioDiagnostic(
      code: code, message: message, location: location(of: node), path: path, hint: hint))
  }

  func report(_ diagnostic: ScenarioDiagnostic) { diagnostics.append(diagnostic) }

  /// Reads a mapping, reporting unknown keys (with a did-you-mean) and missing required keys.
  func fields(_ node: ScenarioNode, path: String, allowed: [String], required: [String] = []) -> Fields? {
    guard let mapping = node.entries else {
      report(.wrongType, "expected a mapping of keys to values, found \(describe(node))",
             at: node, path: path, hint: "write 'key: value' lines indented under '\(path)'")
      return nil
    }
    var entries: [(String, ScenarioNode, ScenarioNode)] = []
    var misspelt: [String] = []
    for entry in mapping {
      let (keyNode, value) = (entry.key, entry.value)
      guard let key = keyNode.scalar else {
        report(.wrongType, "keys must be plain names", at: keyNode, path: path)
        continue
      }
      let keyPath = path.isEmpty ? key : "\(path).\(key)"
      if !allowed.contains(key) {
        report(.unknownKey, "unknown key '\(key)'", at: keyNode, path: keyPath,
               hint: DidYouMean.hint(for: key, among: allowed))
        if let meant = DidYouMean.suggestion(for: key, among: allowed) { misspelt.append(meant) }
        continue
      }
      entries.append((key, keyNode, value))
    }
    let fields = Fields(node: node, path: path, entries: entries.map { (key: $0.0, keyNode: $0.1, value: $0.2) },
                        misspelt: misspelt)
    for key in required where !fields.has(key) { reportMissing(key, in: fields) }
    return fields
  }

  /// Reports that `key` is missing from `fields`, unless a misspelling of it was reported.
  func reportMissing(_ key: String, in fields: Fields, message: String? = nil, hint: String? = nil) {
    guard !fields.misspelt.contains(key) else { return }
    report(.missingKey, message ?? "missing required key '\(key)'", at: fields.node, path: fields.path(key),
           hint: hint)
  }

  func describe(_ node: ScenarioNode) -> String {
    switch node.content {
    case .scalar(let s): return "'\(s)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
  }

  func string(_ node: ScenarioNode, path: String) -> String? {
    guard let s = node.scalar, !s.isEmpty else {
      report(.wrongType, "expected text, found \(describe(node))", at: node, path: path)
      return nil
    }
    return s
  }

  /// A whole number in `minimum...maximum` (at most ``Limits/count`` unless stated).
  func integer(_ node: ScenarioNode, path: String, atLeast minimum: Int = Int.min,
               atMost maximum: Int = Limits.count) -> Int? {
    guard let s = node.scalar, let value = Int(s.trimmingSpaces) else {
      // Digits that do not fit in an Int are a number out of range, not a typo.
      let text = node.scalar?.trimmingSpaces ?? ""
      let digits = text.drop { $0 == "-" || $0 == "+" }
      if text.count - digits.count <= 1, !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
        let small = text.hasPrefix("-")
        report(.invalidValue, "'\(text)' is too \(small ? "small" : "large")", at: node, path: path,
               hint: "the limit is \(small ? minimum : maximum)")
      } else {
        report(.wrongType, "expected a whole number, found \(describe(node))", at: node, path: path)
      }
      return nil
    }
    guard value >= minimum else {
      report(.invalidValue, "must be at least \(minimum), got \(value)", at: node, path: path)
      return nil
    }
    guard value <= maximum else {
      report(.invalidValue, "must be at most \(maximum), got \(value)", at: node, path: path,
             hint: "TeleSim's limit for this count; see 'Limits' in docs/scenario-reference.md")
      return nil
    }
    return value
  }

  /// A finite number in `minimum...maximum` (at most ``Limits/largestNumber`` unless stated).
  func number(_ node: ScenarioNode, path: String, atLeast minimum: Double = -Limits.largestNumber,
              atMost maximum: Double = Limits.largestNumber) -> Double? {
    guard let s = node.scalar, let value = Double(s.trimmingSpaces) else {
      report(.wrongType, "expected a number, found \(describe(node))", at: node, path: path)
      return nil
    }
    guard value.isFinite else {
      report(.invalidValue, "expected a finite number, found \(describe(node))", at: node, path: path)
      return nil
    }
    guard value >= minimum else {
      report(.invalidValue, "must be at least \(Limits.text(minimum)), got \(Limits.text(value))", at: node, path: path)
      return nil
    }
    guard value <= maximum else {
      report(.invalidValue, "must be at most \(Limits.text(maximum)), got \(Limits.text(value))", at: node, path: path,
             hint: "see 'Limits' in docs/scenario-reference.md")
      return nil
    }
    return value
  }

  func seed(_ node: ScenarioNode, path: String) -> UInt64? {
    guard let s = node.scalar, let value = UInt64(s.trimmingSpaces) else {
      report(.wrongType, "expected a seed between 0 and 2^64-1, found \(describe(node))",
             at: node, path: path)
      return nil
    }
    return value
  }

  /// A duration in minutes: `12min`, `2h`, `3d`; zero (when allowed) or between
  /// ``Limits/shortestMinutes`` and ``Limits/longestMinutes``.
  func duration(_ node: ScenarioNode, path: String, allowZero: Bool = true) -> Double? {
    guard let s = node.scalar else {
      report(.wrongType, "expected a duration, found \(describe(node))", at: node, path: path,
             hint: "write a number and a unit: 30s, 12min, 2h, 3d, 1w")
      return nil
    }
    guard let minutes = Units.minutes(in: s) else {
      let bare = Double(s.trimmingSpaces) != nil
      report(.invalidValue, "'\(s)' is not a duration", at: node, path: path,
             hint: bare ? "add a unit, e.g. '\(s)min' or '\(s)h'"
                        : "write a number and a unit: 30s, 12min, 2h, 3d, 1w")
      return nil
    }
    guard minutes > 0 || (allowZero && minutes == 0) else {
      report(.invalidValue, "must be \(allowZero ? "zero or more" : "positive"), got \(s)",
             at: node, path: path)
      return nil
    }
    guard minutes == 0 || (Limits.shortestMinutes...Limits.longestMinutes).contains(minutes) else {
      report(.invalidValue, "\(s) is \(minutes > 1 ? "longer than 10,000 years" : "shorter than a microsecond")",
             at: node, path: path, hint: Limits.durationBounds)
      return nil
    }
    return minutes
  }

  /// A rate in events per minute: `9/h`, `0.5/min`, `1700/d`, between
  /// ``Limits/slowestRatePerMinute`` and ``Limits/fastestRatePerMinute``.
  func rate(_ node: ScenarioNode, path: String) -> Double? {
    guard let s = node.scalar, let perMinute = Units.ratePerMinute(in: s) else {
      report(.invalidValue, "\(describe(node)) is not a rate", at: node, path: path,
             hint: "write a count per unit of time: 9/h, 0.5/min, 1700/d")
      return nil
    }
    guard perMinute > 0 else {
      report(.invalidValue, "a rate must be positive, got \(s)", at: node, path: path)
      return nil
    }
    guard (Limits.slowestRatePerMinute...Limits.fastestRatePerMinute).contains(perMinute) else {
      report(.invalidValue, "\(s) is \(perMinute > 1 ? "faster than 100,000 a minute" : "slower than one in 1,900 years")",
             at: node, path: path, hint: Limits.rateBounds)
      return nil
    }
    return perMinute
  }

  /// A list of at most `maximum` items.
  func list(_ node: ScenarioNode, path: String, atMost maximum: Int = Limits.yamlValues) -> [ScenarioNode]? {
    guard let seq = node.items else {
      report(.wrongType, "expected a list, found \(describe(node))", at: node, path: path,
             hint: "write '[a, b, c]' or one '- item' per line")
      return nil
    }
    guard seq.count <= maximum else {
      report(.invalidValue, "\(seq.count) items; at most \(maximum)", at: node, path: path,
             hint: "see 'Limits' in docs/scenario-reference.md")
      return nil
    }
    return seq
  }

  func numbers(_ node: ScenarioNode, path: String, atLeast minimum: Double = -Limits.largestNumber,
               atMost maximum: Double = Limits.largestNumber) -> [Double]? {
    guard let items = list(node, path: path) else { return nil }
    var values: [Double] = []
    var ok = true
    for (i, item) in items.enumerated() {
      if let v = number(item, path: "\(path)[\(i)]", atLeast: minimum, atMost: maximum) { values.append(v) } else { ok = false }
    }
    return ok ? values : nil
  }

  func durations(_ node: ScenarioNode, path: String) -> [Double]? {
    guard let items = list(node, path: path) else { return nil }
    var values: [Double] = []
    var ok = true
    for (i, item) in items.enumerated() {
      if let v = duration(item, path: "\(path)[\(i)]") { values.append(v) } else { ok = false }
    }
    return ok ? values : nil
  }
}
