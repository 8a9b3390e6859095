import Foundation
import ScenarioIO
import Testing

/// The scenario reference's table of defaults and the readers' defaults are one list: every
/// default the code uses is documented with the same value, and the table names nothing else.
@Suite("Documented defaults")
struct DefaultsDocumentationTests {
  static let reference = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/scenario-reference.md")

  /// Rows `| `key` | `value` |` of the table under the heading `## Defaults`.
  static func documentedRows() throws -> [String: String] {
    let text = try String(contentsOf: reference, encoding: .utf8)
    guard let start = text.range(of: "\n## Defaults\n") else { return [:] }
    var rows: [String: String] = [:]
    for line in text[start.upperBound...].split(separator: "\n") {
      if line.hasPrefix("## ") { break }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 2, cells[0].hasPrefix("`"), cells[1].hasPrefix("`") else { continue }
      rows[String(cells[0].dropFirst().dropLast())] = String(cells[1].dropFirst().dropLast())
    }
    return rows
  }

  @Test("every default in the code is in the reference with the same value, and nothing else is")
  func referenceListsEveryDefault() throws {
    let documented = try Self.documentedRows()
    let code = ScenarioDefaults.documented
    #expect(Set(code.map(\.key)).count == code.count, "a key is listed twice in ScenarioDefaults.documented")
    for (key, value) in code {
      #expect(documented[key] == value, "\(key): the code says '\(value)', the reference '\(documented[key] ?? "nothing")'")
    }
    for key in documented.keys.sorted() where !code.contains(where: { $0.key == key }) {
      Issue.record("the reference documents a default for '\(key)' that the code does not have")
    }
  }
}
