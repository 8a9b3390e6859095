import SimStats

extension BreakdownTable {
  /// Suffix of the column that holds a value column's 95% CI half-width.
  public static let halfWidthSuffix = "_ci95"

  /// The cell-by-cell mean of replications' tables with each value column followed by its
  /// 95% CI half-width (`COLUMN_ci95`: Student t over the replications where the cell was
  /// observed, plus the column's resolution for quantiles; empty with fewer than two).
  /// Rows come from the first table; a row missing from another replication is skipped there.
  /// - Returns: nil when there are no tables.
  public static func summary(of tables: [BreakdownTable]) -> BreakdownTable? {
    guard let first = tables.first else { return nil }
    let rows = first.keys.indices.map { r in cellSeries(first, row: r, in: tables) }
    return first.withEstimates(rows)
  }

  /// Paired differences `alternative − baseline`, replication by replication, of two designs'
  /// tables of the same name: each value column holds the mean difference, followed by its 95%
  /// CI half-width (`COLUMN_ci95`, widened by the resolutions of both for quantiles). Rows are
  /// matched by their keys; rows of one design only are left out.
  /// - Returns: nil when there are no pairs.
  public static func pairedDifferences(baseline: [BreakdownTable], alternative: [BreakdownTable]) -> BreakdownTable? {
    guard let first = alternative.first, !baseline.isEmpty else { return nil }
    var rowOfKey: [[String]: Int] = [:]
    for (i, k) in baseline[0].keys.enumerated() where rowOfKey[k] == nil { rowOfKey[k] = i }
    var keys: [[String]] = []
    var rows: [[ReplicationEstimate?]] = []
    for (r, key) in first.keys.enumerated() {
      guard let b = rowOfKey[key] else { continue }
      keys.append(key)
      rows.append(first.valueColumns.indices.map { c in
        var differences: [Double] = []
        var scale = 0.0
        for (x, y) in zip(baseline, alternative) where b < x.values.count && r < y.values.count {
          let (u, v) = (x.values[b][c], y.values[r][c])
          guard !u.isNaN && !v.isNaN else { continue }
          differences.append(v - u)
          scale += abs(u) + abs(v)
        }
        let n = Double(max(differences.count, 1))
        return ReplicationEstimate(differences)?.widened(by: first.resolutions[c] * scale / n)
      })
    }
    let table = BreakdownTable(name: first.name, keyColumns: first.keyColumns, valueColumns: first.valueColumns,
                               keys: keys, values: keys.map { _ in first.valueColumns.map { _ in 0 } },
                               resolutions: first.resolutions)
    return table.withEstimates(rows)
  }

  /// The estimates of row `r`'s cells over `tables` (cells not observed are skipped).
  private static func cellSeries(_ first: BreakdownTable, row r: Int, in tables: [BreakdownTable])
    -> [ReplicationEstimate?]
  {
    first.valueColumns.indices.map { c in
      let values = tables.compactMap { t -> Double? in
        guard r < t.values.count, !t.values[r][c].isNaN else { return nil }
        return t.values[r][c]
      }
      guard let e = ReplicationEstimate(values) else { return nil }
      return e.widened(by: first.resolutions[c] * abs(e.mean))
    }
  }

  /// This table's keys with a mean and a half-width column for each value column.
  private func withEstimates(_ rows: [[ReplicationEstimate?]]) -> BreakdownTable {
    let columns = valueColumns.flatMap { [$0, $0 + Self.halfWidthSuffix] }
    let values = rows.map { row in
      row.flatMap { e -> [Double] in
        guard let e else { return [.nan, .nan] }
        return [e.mean, e.count > 1 ? e.halfWidth : .nan]
      }
    }
    return BreakdownTable(name: name, keyColumns: keyColumns, valueColumns: columns, keys: keys, values: values,
                          resolutions: resolutions.flatMap { [$0, 0] })
  }
}
