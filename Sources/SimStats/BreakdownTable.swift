/// A table of figures by group (district, hub, specialty, day), one row per group, for the
/// CSV breakdowns. Rows and columns are in a fixed order so replications can be averaged.
public struct BreakdownTable: Sendable, Equatable, Codable {
  /// File-friendly name, e.g. `by-district`.
  public let name: String
  /// Names of the key columns (e.g. `district`) and of the value columns.
  public let keyColumns: [String]
  public let valueColumns: [String]
  /// Key cells and values of each row.
  public let keys: [[String]]
  public let values: [[Double]]
  /// Bound on the relative error of each value column (0 for exact figures; the quantile
  /// sketch's 1/256 for quantiles), as for ``Metric/resolution``.
  public let resolutions: [Double]

  /// Creates a table. - Precondition: every row has one cell per column.
  public init(name: String, keyColumns: [String], valueColumns: [String], keys: [[String]], values: [[Double]],
              resolutions: [Double]? = nil) {
    precondition(keys.count == values.count)
    precondition(keys.allSatisfy { $0.count == keyColumns.count } && values.allSatisfy { $0.count == valueColumns.count })
    precondition(resolutions.map { $0.count == valueColumns.count } ?? true, "one resolution per value column")
    self.name = name
    self.keyColumns = keyColumns
    self.valueColumns = valueColumns
    self.keys = keys
    self.values = values
    self.resolutions = resolutions ?? Array(repeating: 0, count: valueColumns.count)
  }

  private enum CodingKeys: String, CodingKey { case name, keyColumns, valueColumns, keys, values, resolutions }

  // Shard files written before `resolutions` existed decode as exact.
  // A file edited by hand must not reach the precondition above: its shape is checked here.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let (keyColumns, valueColumns) = (try c.decode([String].self, forKey: .keyColumns), try c.decode([String].self, forKey: .valueColumns))
    let (keys, values) = (try c.decode([[String]].self, forKey: .keys), try c.decode([[Double]].self, forKey: .values))
    let resolutions = try c.decodeIfPresent([Double].self, forKey: .resolutions)
    guard keys.count == values.count, keys.allSatisfy({ $0.count == keyColumns.count }),
          values.allSatisfy({ $0.count == valueColumns.count }), resolutions.map({ $0.count == valueColumns.count }) ?? true
    else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                              debugDescription: "a table's rows do not match its columns"))
    }
    self.init(name: try c.decode(String.self, forKey: .name), keyColumns: keyColumns, valueColumns: valueColumns, keys: keys,
              values: values, resolutions: resolutions)
  }

  /// Equality that treats NaN as equal to NaN (for determinism checks).
  public static func == (a: BreakdownTable, b: BreakdownTable) -> Bool {
    a.name == b.name && a.keyColumns == b.keyColumns && a.valueColumns == b.valueColumns && a.keys == b.keys
      && a.resolutions == b.resolutions && a.values.count == b.values.count
      && zip(a.values, b.values).allSatisfy { x, y in
        x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
      }
  }
}
