import ScenarioIO

/// What a planner changed between two scenarios: every setting whose text differs, in the
/// alternative's document order, then those only the baseline has. The scenario's `name` is
/// left out (it always differs and changes nothing).
public struct SettingChange: Sendable, Equatable {
  public var path: String
  /// nil when the setting is absent on that side.
  public var baseline: String?
  public var alternative: String?

  public init(path: String, baseline: String?, alternative: String?) {
    self.path = path
    self.baseline = baseline
    self.alternative = alternative
  }

  /// The settings of `alternative` that differ from `baseline`'s.
  public static func between(_ baseline: [ScenarioSetting], _ alternative: [ScenarioSetting]) -> [SettingChange] {
    var before: [String: String] = [:]
    for s in baseline { before[s.path] = s.value }
    var seen = Set<String>()
    var changes: [SettingChange] = []
    for s in alternative where s.path != "name" {
      seen.insert(s.path)
      if before[s.path] != s.value { changes.append(SettingChange(path: s.path, baseline: before[s.path], alternative: s.value)) }
    }
    for s in baseline where s.path != "name" && !seen.contains(s.path) {
      changes.append(SettingChange(path: s.path, baseline: s.value, alternative: nil))
    }
    return changes
  }
}
