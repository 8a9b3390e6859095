import ScenarioIO
import SimStats

/// A full-factorial grid of settings: every combination of the values given for each key.
public struct SweepGrid: Sendable {
  /// `KEY=[v1,v2,…]` per key, in the order given.
  public let axes: [(key: String, values: [String])]

  public init(axes: [(key: String, values: [String])]) { self.axes = axes }

  /// Parses `KEY=[v1,v2]` or `KEY=v` (one value). Values split on top-level commas, so
  /// `{dist: exponential, mean: 5min}` stays whole.
  public static func parseAxis(_ text: String) -> (key: String, values: [String])? {
    guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { return nil }
    let key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
    var body = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
    guard body.hasPrefix("[") && body.hasSuffix("]") else { return body.isEmpty ? nil : (key, [body]) }
    body = String(body.dropFirst().dropLast())
    var values: [String] = []
    var depth = 0
    var current = ""
    for ch in body {
      if ch == "," && depth == 0 {
        values.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
        continue
      }
      if ch == "[" || ch == "{" { depth += 1 }
      if ch == "]" || ch == "}" { depth -= 1 }
      current.append(ch)
    }
    values.append(current.trimmingCharacters(in: .whitespaces))
    values = values.filter { !$0.isEmpty }
    return values.isEmpty ? nil : (key, values)
  }

  /// Keys a sweep cannot vary: they choose the file or the kind, or they belong to the
  /// experiment rather than the design (every design runs with one seed and the same
  /// replications, so that designs share random streams).
  static let fixedKeys = ["schema", "kind", "extends", "sweep", "expect", "seed", "replications", "name"]

  /// Why `axes` do not make a grid, if they do not: a key that is not a setting, or a value
  /// listed twice on one axis (the same design point twice).
  public static func problem(_ axes: [(key: String, values: [String])]) -> String? {
    for (i, axis) in axes.enumerated() where axes[..<i].contains(where: { $0.key == axis.key }) {
      return "'\(axis.key)' is given twice: give all its values in one list"
    }
    for axis in axes {
      if let root = axis.key.split(separator: ".").first.map(String.init), fixedKeys.contains(root) {
        return ["seed", "replications"].contains(root)
          ? "'\(axis.key)' cannot be varied: every design runs with the experiment's seed and replications (give --seed or --replications)"
          : "'\(axis.key)' cannot be swept: it is not a setting of the scenario"
      }
      var seen: [String] = []
      for value in axis.values {
        if seen.contains(value) { return "'\(axis.key)' lists \(value) twice" }
        seen.append(value)
      }
    }
    return nil
  }

  /// How many combinations there are (a float, so that absurd grids do not overflow).
  public var pointCount: Double { axes.reduce(1.0) { $0 * Double($1.values.count) } }

  /// Every combination, first axis slowest.
  public var points: [[ScenarioOverride]] {
    var result: [[ScenarioOverride]] = [[]]
    for axis in axes {
      result = result.flatMap { prefix in axis.values.map { prefix + [ScenarioOverride(key: axis.key, value: $0)] } }
    }
    return result
  }

  /// `key=value,key=value`.
  public static func label(_ settings: [ScenarioOverride]) -> String {
    settings.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
  }
}

import Foundation
