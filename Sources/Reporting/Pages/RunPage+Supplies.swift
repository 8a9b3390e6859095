import Plot

extension RunPage {
  /// Medicines at the spokes, ASHA-mobilised demand and kitchens, for the parts the run has:
  /// headline tiles, the medicines by medicine and by tier, fill rate by district on the map,
  /// and the kitchens that fell short most.
  func supplies() -> [Page.Section] {
    let names = ["medicines.fill_rate", "medicines.prescriptions_filled", "medicines.stockout_days",
                 "medicines.out_of_pocket.per_day", "medicines.trips.per_day", "medicines.order_cut",
                 "asha.mobilised.per_day", "cost.asha_incentives", "kitchen.meals.per_day", "kitchen.shortfall"]
    let present = names.filter { summary.metrics[$0] != nil }
    guard !present.isEmpty else { return [] }
    var content = [KPITiles.render(summary.views(present))]
    if let t = folder.table("medicines-by-medicine") {
      content.append(.h3(.text("By medicine (whole run)")))
      content.append(estimateTable(t, keys: 2))
    }
    if let t = folder.table("medicines-by-tier") {
      content.append(.h3(.text("By spoke tier")))
      content.append(estimateTable(t, keys: 1))
    }
    if let maps, let t = folder.table("medicines-by-district"), let fill = DistrictValues(t, "fill_rate") {
      let chart = ChoroplethMap(boundaries: maps.districts, values: fill.values, colours: .sequential(Array(fill.values.values)),
                                legendTitle: "medicines: units prescribed that the spoke gave (%)",
                                unit: DisplayUnit(label: "%", factor: 100), notes: fill.notes)
      content.append(Page.figure(chart.render(label: "Medicine fill rate by district"),
                                 caption: "Share of prescribed units the district's spokes gave from their own stock."))
    }
    if let t = folder.table("kitchens"), let shortfall = t.numbers("shortfall") {
      let worst = shortfall.indices.filter { shortfall[$0] > 0 }.sorted { shortfall[$0] > shortfall[$1] }.prefix(15)
      content.append(.h3(.text("Kitchens that fell short most")))
      if worst.isEmpty {
        content.append(Page.note("Every kitchen served every meal owed."))
      } else {
        content.append(estimateTable(DataTable(header: t.header, rows: worst.map { t.rows[$0] }), keys: 3))
      }
    }
    return [Page.Section("Medicines, ASHAs and kitchens",
                         intro: "Prescriptions filled from the spokes' stock, what patients paid or travelled for the rest, "
                           + "patients ASHAs brought and what their incentives cost, and meals for inpatients.", content)]
  }

  /// A table of `t` with its first `keys` columns as text and each value column as mean ± the
  /// 95% half-width, in a unit suited to its name.
  /// `unit` and `name` may override a column's unit and heading (nil: the default).
  func estimateTable(_ t: DataTable, keys: Int, unit: ((String) -> DisplayUnit?)? = nil,
                     name: ((String) -> String?)? = nil) -> PageNode {
    let numeric = t.header.enumerated().filter { $0.offset >= keys && !$0.element.hasSuffix("_ci95") }.map(\.element)
    let units = numeric.map { c -> DisplayUnit in
      if let u = unit?(c) ?? nil { return u }
      let ratio = ["fill_rate", "prescriptions_filled", "order_cut", "shortfall", "short_days"].contains(c)
      return ratio ? DisplayUnit(label: "%", factor: 100) : .same("")
    }
    let rows = t.rows.indices.map { r in
      Array(t.rows[r].prefix(keys)) + zip(numeric, units).map { c, unit -> String in
        guard let e = t.estimates(c)?[r] else { return "-" }
        let pm = e.halfWidth.map { $0 > 0 ? " ± " + unit.short($0) + (unit.label == "%" ? " pt" : "") : "" } ?? ""
        return unit.text(e.mean) + pm
      }
    }
    let names = numeric.map { c in
      (name?(c) ?? nil) ?? c.replacingOccurrences(of: "_rs", with: " (Rs)").replacingOccurrences(of: "_", with: " ")
        .replacingOccurrences(of: " per day", with: " a day")
    }
    return Page.table(Array(t.header.prefix(keys)) + names, rows, numeric: Set(keys..<(keys + max(numeric.count, 1))))
  }
}
