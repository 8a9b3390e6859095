import Foundation
import ScenarioIO

/// A folder that `telesim run`, `compare` or `sweep` wrote with `--out`, read back for a report.
struct ResultFolder {
  enum Kind: String { case run, compare, sweep }

  let path: String
  let kind: Kind

  /// Opens `path`, telling its kind by the file at its top: `summary.json`, `comparison.json`
  /// or `sweep.json`.
  init(_ path: String) throws(ReportError) {
    self.path = path
    let has = { (name: String) in FileManager.default.fileExists(atPath: path + "/" + name) }
    if has("comparison.json") {
      kind = .compare
    } else if has("sweep.json") {
      kind = .sweep
    } else if has("summary.json") {
      kind = .run
    } else {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      throw ReportError(exists && isFolder.boolValue
        ? "'\(path)' holds no summary.json, comparison.json or sweep.json: give a folder written by run, compare or sweep --out"
        : "no folder '\(path)'")
    }
  }

  /// A JSON file of the folder decoded as `T`.
  func decode<T: Decodable>(_ type: T.Type, _ name: String) throws(ReportError) -> T {
    let file = path + "/" + name
    guard let data = FileManager.default.contents(atPath: file) else { throw ReportError("cannot read '\(file)'") }
    do { return try JSONDecoder().decode(T.self, from: data) } catch {
      throw ReportError("'\(file)' is not a TeleSim result (\(error))")
    }
  }

  /// A CSV table of the folder, or nil when absent (not every model writes every table).
  func table(_ name: String) -> DataTable? {
    DataTable(file: path + "/" + name + ".csv")
  }

  /// The folder inside this one (a design of a comparison).
  func subfolder(_ name: String) -> String { path + "/" + name }
}

/// A CSV table written by TeleSim: a header and rows of text, read by column name.
struct DataTable {
  let header: [String]
  let rows: [[String]]

  init?(file: String) {
    guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
      return nil
    }
    let records = CSVTable.records(text)
    guard let head = records.first else { return nil }
    header = head
    rows = records.dropFirst().filter { $0.count == head.count }
  }

  init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }

  func has(_ column: String) -> Bool { header.contains(column) }

  /// The column's text, or nil when the table has no such column.
  func strings(_ column: String) -> [String]? {
    guard let i = header.firstIndex(of: column) else { return nil }
    return rows.map { $0[i] }
  }

  /// The column as numbers (NaN for empty or unreadable cells), or nil when absent.
  func numbers(_ column: String) -> [Double]? {
    strings(column)?.map { Double($0) ?? .nan }
  }

  /// A value column with its `_ci95` half-widths (nil half-widths when the run had one
  /// replication).
  func estimates(_ column: String) -> [(mean: Double, halfWidth: Double?)]? {
    guard let means = numbers(column) else { return nil }
    let half = numbers(column + "_ci95")
    return means.enumerated().map { i, m in (m, half.map { $0[i] }.flatMap { $0.isFinite ? $0 : nil }) }
  }
}
