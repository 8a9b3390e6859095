import Foundation
import ScenarioIO

/// One field of the workbench's form: a scalar setting of the scenario, labelled as a planner
/// would say it, its number and unit apart, and its default from the scenario reference.
public struct FormField: Codable, Sendable, Equatable {
  /// Key path (`specialties[0].specialists_per_hub.dh`) and label ("general_medicine
  /// specialists per hub dh").
  public var path: String
  public var label: String
  /// The top-level key it belongs to, for grouping.
  public var section: String
  /// The value as written, and split into a number and its unit when it is one (`45min`:
  /// 45 and `min`).
  public var value: String
  public var number: String?
  public var unit: String?
  /// The reference's default for this key, when it has one.
  public var defaultValue: String?
  /// Whether this file writes the value (false: it comes from the file it is based on).
  public var here: Bool

  /// The fields of `scenario`, read from `text`: every setting whose value is a scalar that is
  /// not an item of a list of scalars (those, like hour-of-day factors, stay in the YAML).
  static func fields(of scenario: Scenario, text: String) -> [FormField] {
    let settings = scenario.settings.filter { !$0.path.hasSuffix("]") && $0.path != "schema" && $0.path != "kind" }
    let here = ScenarioTextEdit.written(settings.map(\.path), in: text)
    let defaults = ScenarioDefaults.documented
    return zip(settings, here).map { s, here in
      let (number, unit) = split(s.value)
      let pattern = referenceKey(s.path)
      return FormField(
        path: s.path, label: scenario.settingName(s.path),
        section: String(s.path.prefix { $0 != "." && $0 != "[" }), value: s.value, number: number,
        unit: unit, defaultValue: defaults.first { $0.key == pattern }?.value, here: here)
    }
  }

  /// `45min` → ("45", "min"); `0.085` → ("0.085", nil); `lognormal` → (nil, nil).
  static func split(_ value: String) -> (String?, String?) {
    let digits = value.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" }
    guard !digits.isEmpty, Double(digits) != nil else { return (nil, nil) }
    let rest = value.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
    guard rest.isEmpty || rest.allSatisfy({ $0.isLetter || $0 == "/" || $0 == "%" }) else { return (nil, nil) }
    return (String(digits), rest.isEmpty ? nil : rest)
  }

  /// How the reference writes a key: list indices as `[]` (`specialties[0].admit` →
  /// `specialties[].admit`).
  static func referenceKey(_ path: String) -> String {
    var out = ""
    var skipping = false
    for c in path {
      if c == "[" {
        out += "[]"
        skipping = true
      } else if c == "]" {
        skipping = false
      } else if !skipping {
        out.append(c)
      }
    }
    return out
  }
}
