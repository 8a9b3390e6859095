import Experiments
import ScenarioIO
import Testing

@Suite("Practical significance and what changed")
struct ComparisonSizeTests {
  @Test("shares are judged in percentage points and relative to the baseline, the larger counting", arguments: [
    (0.004, 0.5, PracticalSize.negligible), (-0.03, 0.5, .small), (0.10, 0.5, .moderate), (-0.20, 0.5, .large),
    (-0.0048, 0.0689, .small), (0.003, 0.02, .moderate), (-0.003, 0.516, .negligible),
  ])
  func shares(difference: Double, baseline: Double, size: PracticalSize) {
    #expect(PracticalSize(difference: difference, baseline: baseline, unit: "ratio") == size, "\(baseline) + \(difference)")
  }

  @Test("other figures relative to the baseline's mean", arguments: [
    (0.5, PracticalSize.negligible), (-2.0, .small), (5.0, .moderate), (-40.0, .large),
  ])
  func relative(difference: Double, size: PracticalSize) {
    #expect(PracticalSize(difference: difference, baseline: 40, unit: "min") == size, "40 min → \(difference)")
  }

  @Test("a zero or unknown baseline leaves the size unknown, except for shares, judged in points")
  func unknown() {
    #expect(PracticalSize(difference: 1, baseline: 0, unit: "/d") == nil)
    #expect(PracticalSize(difference: 1, baseline: .nan, unit: "/d") == nil)
    #expect(PracticalSize(difference: .nan, baseline: 0.5, unit: "ratio") == nil)
    #expect(PracticalSize(difference: 0.02, baseline: 0, unit: "ratio") == .small)
  }

  @Test("what changed: differing and added settings in the alternative's order, then removed ones; the name never")
  func changes() {
    let a = [ScenarioSetting(path: "name", value: "a"), ScenarioSetting(path: "beds", value: "6"),
             ScenarioSetting(path: "seed", value: "1"), ScenarioSetting(path: "gone", value: "x")]
    let b = [ScenarioSetting(path: "name", value: "b"), ScenarioSetting(path: "seed", value: "1"),
             ScenarioSetting(path: "beds", value: "30"), ScenarioSetting(path: "added", value: "y")]
    #expect(SettingChange.between(a, b) == [
      SettingChange(path: "beds", baseline: "6", alternative: "30"),
      SettingChange(path: "added", baseline: nil, alternative: "y"),
      SettingChange(path: "gone", baseline: "x", alternative: nil),
    ])
    #expect(SettingChange.between(a, a).isEmpty)
  }
}
