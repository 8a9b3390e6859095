import Plot

extension RunPage {
  /// A table of `t` with its first `keys` columns as text and each value column as mean ± the
  /// 95% half-width, in a unit suited to its name.
  /// `unit` and `name` may override a column's unit and heading (nil: the default).
  func estimateTable(
    _ t: DataTable, keys: Int, unit: ((String) -> DisplayUnit?)? = nil,
    name: ((String) -> String?)? = nil
  ) -> PageNode {
    let numeric = t.header.enumerated().filter { $0.offset >= keys && !$0.element.hasSuffix("_ci95") }.map(\.element)
    let units = numeric.map { c -> DisplayUnit in
      if let u = unit?(c) ?? nil { return u }
      let ratio = ["fill_rate", "prescriptions_filled", "order_cut", "shortfall", "short_days"].contains(c)
      return ratio ? DisplayUnit(label: "%", factor: 100) : .same("")
    }
    let rows = t.rows.indices.map { r in
      Array(t.rows[r].prefix(keys))
        + zip(numeric, units).map { c, unit -> String in
          guard let e = t.estimates(c)?[r] else { return "-" }
          let pm = e.halfWidth.map { $0 > 0 ? " ± " + unit.short($0) + (unit.label == "%" ? " pt" : "") : "" } ?? ""
          return unit.text(e.mean) + pm
        }
    }
    let names = numeric.map { c in
      (name?(c) ?? nil)
        ?? c.replacingOccurrences(of: "_rs", with: " (Rs)").replacingOccurrences(of: "_", with: " ")
        .replacingOccurrences(of: " per day", with: " a day")
    }
    return Page.table(Array(t.header.prefix(keys)) + names, rows, numeric: Set(keys..<(keys + max(numeric.count, 1))))
  }
}
