import Foundation

/// A CSV file (RFC 4180: quoted fields may hold commas, quotes and newlines) with a header
/// row, read for scenario tables. Cells remember their line and column for diagnostics.
package struct CSVTable {
  struct Cell {
    var text: String
    var line: Int
    var column: Int
  }

  let file: String
  let header: [String]
  let rows: [[Cell]]

  /// Reads `path`; `nil` with a diagnostic in `reader` when the file is missing or malformed.
  static func load(_ path: String, reader: NodeReader, at node: ScenarioNode, keyPath: String,
                   required: [String]) -> CSVTable? {
    let data: Data
    switch BoundedFile.read(path, limit: Limits.tableBytes) {
    case .success(let d): data = d
    case .failure(let failure):
      reader.report(.io, "'\(path)' \(failure.message)", at: node, path: keyPath,
                    hint: "paths are relative to the scenario file that names them")
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      reader.report(.io, "'\(path)' is not UTF-8 text", at: node, path: keyPath)
      return nil
    }
    reader.recordDataFile(path, bytes: data)
    let records = parse(text)
    guard let head = records.first else {
      reader.report(.invalidValue, "'\(path)' is empty", at: node, path: keyPath)
      return nil
    }
    let header = head.map { $0.text.trimmingSpaces }
    let missing = required.filter { !header.contains($0) }
    if !missing.isEmpty {
      reader.report(.invalidValue, "'\(path)' lacks column\(missing.count > 1 ? "s" : "") " + missing.joined(separator: ", "),
                    at: node, path: keyPath, hint: "its header is: " + Self.shown(header.joined(separator: ",")))
      return nil
    }
    let body = records.dropFirst().filter { !($0.count == 1 && $0[0].text.isEmpty) }
    var ok = true
    for row in body where row.count != header.count {
      reader.report(ScenarioDiagnostic(
        code: .invalidValue, message: "row has \(row.count) fields, the header has \(header.count)",
        location: SourceLocation(file: path, line: row[0].line, column: 1), path: keyPath))
      ok = false
    }
    guard ok else { return nil }
    return CSVTable(file: path, header: header, rows: Array(body))
  }

  /// `text` fit for a message: control characters (a terminal's escape codes, NUL) as `?`,
  /// and at most 120 characters, since the "header" may be any file's first line.
  static func shown(_ text: String) -> String {
    let clean = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    return clean.count > 120 ? String(clean.prefix(120)) + "…" : clean
  }

  /// Column index by name.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// The records of CSV `text` as plain strings (for reading TeleSim's own tables back).
  package static func records(_ text: String) -> [[String]] {
    parse(text).map { $0.map(\.text) }.filter { !($0.count == 1 && $0[0].isEmpty) }
  }

  static func parse(_ text: String) -> [[Cell]] {
    var records: [[Cell]] = []
    var row: [Cell] = []
    var field = ""
    var quoted = false
    var line = 1
    var column = 1
    var fieldLine = 1
    var fieldColumn = 1
    var chars = Array(text.unicodeScalars)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    func endField() {
      row.append(Cell(text: field, line: fieldLine, column: fieldColumn))
      field = ""
    }
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1; column += 1 } else { quoted = false }
        } else {
          field.unicodeScalars.append(c)
          if c == "\n" { line += 1; column = 0 }
        }
      } else if c == "\"" && field.isEmpty {
        quoted = true
      } else if c == "," {
        endField()
        fieldLine = line
        fieldColumn = column + 1
      } else if c == "\n" || c == "\r" {
        if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
        endField()
        records.append(row)
        row = []
        line += 1
        column = 0
        fieldLine = line
        fieldColumn = 1
      } else {
        field.unicodeScalars.append(c)
      }
      column += 1
      i += 1
    }
    if !field.isEmpty || !row.isEmpty {
      endField()
      records.append(row)
    }
    return records
  }
}

extension NodeReader {
  /// Reports a problem with one CSV cell.
  func report(_ code: ScenarioDiagnostic.Code, _ message: String, in table: CSVTable, cell: CSVTable.Cell,
              column: String, hint: String? = nil) {
    report(ScenarioDiagnostic(code: code, message: message,
                              location: SourceLocation(file: table.file, line: cell.line, column: cell.column),
                              path: column, hint: hint))
  }
}
