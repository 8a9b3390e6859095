import Foundation
import ScenarioIO
import Testing

@Suite("Settings named as a planner says them")
struct SettingNameTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test("list items are named by their name, words by spaces, unnamed items by their place")
  func names() throws {
    let s = try ScenarioLoader.load(path: Self.root.appendingPathComponent("scenarios/bihar-phc-upgrade.yaml").path)
    #expect(s.settingName("specialties[0].specialists_per_hub") == "general_medicine specialists per hub")
    #expect(s.settingName("specialties[2].consult.mean") == "paediatrics consult mean")
    #expect(s.settingName("upgrades[1].beds") == "upgrades 2 beds")
    #expect(s.settingName("horizon") == "horizon")
    #expect(s.settingName("policy.session_end") == "policy session end")
  }
}
