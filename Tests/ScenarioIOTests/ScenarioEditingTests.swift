import Foundation
import ScenarioIO
import Testing

/// The workbench's two ways of saving a form: values changed where they are written, and a
/// variant file that extends the original.
@Suite("Editing scenario files")
struct ScenarioEditingTests {
  static let base = """
    # A clinic.  Comments stay.
    schema: telesim/v1
    kind: queue
    name: clinic   # the name
    seed: 42
    horizon: 1000h
    replications: 4
    servers: 4
    arrivals: {dist: exponential, mean: 20min}     # or: {rate: 3/h}
    service: {dist: exponential, mean: "1h"}

    """

  @Test("a value changes where it is written; every other byte stays")
  func inPlace() throws {
    let edited = try ScenarioTextEdit.applying(
      [
        .init(key: "servers", value: "5"), .init(key: "arrivals.mean", value: "15min"),
        .init(key: "service.mean", value: "50min"), .init(key: "name", value: "bigger"),
      ], to: Self.base)
    let before = Self.base.split(separator: "\n", omittingEmptySubsequences: false)
    let after = edited.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(before.count == after.count)
    let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    #expect(changed == [3, 7, 8, 9])
    #expect(after[3] == "name: bigger   # the name")
    #expect(after[7] == "servers: 5")
    #expect(after[8] == "arrivals: {dist: exponential, mean: 15min}     # or: {rate: 3/h}")
    #expect(after[9] == "service: {dist: exponential, mean: 50min}")
    let scenario = try ScenarioLoader.parse(edited, file: "clinic.yaml")
    #expect(scenario.settings.contains(ScenarioSetting(path: "servers", value: "5")))
  }

  @Test("refuses what it cannot change in place, and says why")
  func refusals() {
    #expect(throws: ScenarioTextEdit.Failure.notInThisText(key: "warmup")) {
      try ScenarioTextEdit.applying([.init(key: "warmup", value: "2h")], to: Self.base)
    }
    #expect(throws: ScenarioTextEdit.Failure.notEditable(key: "arrivals")) {
      try ScenarioTextEdit.applying([.init(key: "arrivals", value: "3")], to: Self.base)
    }
    // In a flow mapping, a comma would split the value: the edit would not read back.
    #expect(throws: ScenarioTextEdit.Failure.invalid(key: "arrivals.dist")) {
      try ScenarioTextEdit.applying([.init(key: "arrivals.dist", value: "a, b")], to: Self.base)
    }
    #expect(throws: ScenarioTextEdit.Failure.invalid(key: "servers")) {
      try ScenarioTextEdit.applying([.init(key: "servers", value: "4\nkind: x")], to: Self.base)
    }
    #expect(
      ScenarioTextEdit.written(["servers", "arrivals.mean", "warmup", "nope[2]"], in: Self.base)
        == [true, true, false, false])
    #expect(ScenarioTextEdit.extends(in: "extends: a.yaml\nservers: 2\n") == "a.yaml")
    #expect(ScenarioTextEdit.extends(in: Self.base) == nil)
  }

  @Test("Windows line endings, empty values and hostile text")
  func awkwardText() throws {
    let crlf = Self.base.replacingOccurrences(of: "\n", with: "\r\n")
    let edited = try ScenarioTextEdit.applying([.init(key: "arrivals.mean", value: "15min")], to: crlf)
    #expect(edited == crlf.replacingOccurrences(of: "mean: 20min}", with: "mean: 15min}"))
    let empty = "schema: telesim/v1\nname:\nservers: 4\n"
    #expect(
      try ScenarioTextEdit.applying([.init(key: "name", value: "x")], to: empty)
        == "schema: telesim/v1\nname: x\nservers: 4\n")
    // An alias used as a key takes the YAML library minutes: the loader's precheck comes first.
    let bomb = "a: &a [x, x]\nb: &b [*a, *a]\n*b : 1\nservers: 4\n"
    #expect(throws: ScenarioTextEdit.Failure.invalid(key: "servers")) {
      try ScenarioTextEdit.applying([.init(key: "servers", value: "5")], to: bomb)
    }
    #expect(ScenarioTextEdit.written(["servers"], in: bomb) == [false])
  }

  @Test("a variant extends the file, writes only what changed, and reads as the changes do")
  func variant() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("edit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("clinic.yaml").path
    try Self.base.write(toFile: path, atomically: true, encoding: .utf8)
    let changes: [ScenarioOverride] = [
      .init(key: "servers", value: "6"), .init(key: "service", value: "{dist: constant, value: 1h}"),
    ]
    let text = try ScenarioVariant.text(extending: path, as: "clinic.yaml", overrides: changes)
    #expect(text.contains("extends: clinic.yaml\n") && text.contains("servers: 6\n"))
    #expect(!text.contains("horizon"), "only what changed is written:\n\(text)")
    // `service` was {dist, mean}: the variant removes `mean` so that the mapping is replaced, not merged.
    #expect(text.contains("mean: null"), "\(text)")
    let variantPath = folder.appendingPathComponent("clinic-6.yaml").path
    try text.write(toFile: variantPath, atomically: true, encoding: .utf8)
    let variant = try ScenarioLoader.load(path: variantPath)
    let wanted = try ScenarioLoader.load(path: path, overrides: changes)
    #expect(Set(variant.settings) == Set(wanted.settings))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.base)
  }

  @Test("a change inside a list writes the whole list, changed")
  func variantOfList() throws {
    let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scenarios")
    let path = scenarios.appendingPathComponent("bihar-2021-aug.yaml").path
    let change = ScenarioOverride(key: "specialties[0].specialists_per_hub.dh", value: "3")
    let text = try ScenarioVariant.text(extending: path, as: "bihar-2021-aug.yaml", overrides: [change])
    #expect(text.contains("specialties:\n  - {name: general_medicine"))
    #expect(text.contains("specialists_per_hub: {dh: 3, chc: 1}"), "\(text)")
    let variant = try ScenarioLoader.parse(text, file: scenarios.appendingPathComponent("x.yaml").path)
    #expect(variant.settings.contains(ScenarioSetting(path: "specialties[0].specialists_per_hub.dh", value: "3")))
    #expect(variant.settings.contains(ScenarioSetting(path: "specialties[1].specialists_per_hub.dh", value: "1")))
  }

  @Test("a change that does not apply is a located diagnostic")
  func badChange() {
    #expect(throws: ScenarioError.self) {
      try ScenarioVariant.text(extending: "/nonexistent/x.yaml", as: "x.yaml", overrides: [])
    }
  }
}
