import Plot

extension RunPage {
  /// Medicines at the spokes, ASHA-mobilised demand and kitchens, for the parts the run has:
  /// headline tiles, the medicines by medicine and by tier, fill rate by district on the map,
  /// and the kitchens that fell short most.
  func supplies() -> [Page.Section] {
    let names = [
      "medicines.fill_rate", "medicines.prescriptions_filled", "medicines.stockout_days",
      "medicines.out_of_pocket.per_day", "medicines.trips.per_day", "medicines.order_cut",
      "asha.mobilised.per_day", "cost.asha_incentives", "kitchen.meals.per_day", "kitchen.shortfall",
    ]
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
      let chart = ChoroplethMap(
        boundaries: maps.districts, values: fill.values, colours: .sequential(Array(fill.values.values)),
        legendTitle: "medicines: units prescribed that the spoke gave (%)",
        unit: DisplayUnit(label: "%", factor: 100), notes: fill.notes)
      content.append(
        Page.figure(
          chart.render(label: "Medicine fill rate by district"),
          caption: "Share of prescribed units the district's spokes gave from their own stock."))
    }
    if let t = folder.table("kitchens"), let shortfall = t.numbers("shortfall") {
      // Worst first; ties in table order.
      let worst = shortfall.indices.filter { shortfall[$0] > 0 }
        .sorted { shortfall[$0] != shortfall[$1] ? shortfall[$0] > shortfall[$1] : $0 < $1 }.prefix(15)
      content.append(.h3(.text("Kitchens that fell short most")))
      if worst.isEmpty {
        content.append(Page.note("Every kitchen served every meal owed."))
      } else {
        content.append(estimateTable(DataTable(header: t.header, rows: worst.map { t.rows[$0] }), keys: 3))
      }
    }
    return [
      Page.Section(
        "Medicines, ASHAs and kitchens",
        intro: "Prescriptions filled from the spokes' stock, what patients paid or travelled for the rest, "
          + "patients ASHAs brought and what their incentives cost, and meals for inpatients.", content)
    ]
  }
}
