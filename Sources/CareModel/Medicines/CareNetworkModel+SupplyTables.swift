import SimKernel
import SimStats

extension CareNetworkModel {
  /// The columns of the medicine tables by tier and district.
  static let medicineGroupColumns = [
    "fill_rate", "prescriptions_filled", "stockout_days_per_year", "stock_value_rs",
    "out_of_pocket_per_day", "trips_per_day", "order_cut",
  ]

  /// The medicine tables (by medicine, spoke tier and district) and the kitchens' table, for
  /// the parts the scenario has.
  func supplyTables(days: Double, now: SimTime) -> [BreakdownTable] {
    var tables: [BreakdownTable] = []
    if let m = medicines { tables += medicineTables(m, days: days, now: now) }
    if let k = kitchens { tables.append(kitchenTable(k, days: days)) }
    return tables
  }

  private func medicineTables(_ store: MedicineStore, days: Double, now: SimTime) -> [BreakdownTable] {
    let minutes = (now - warmUpEnd).minutes
    let stock = store.layout
    let byMedicine = store.totals(groups: stock.medicineCount, item: { $1.index })
    let warehouses = store.warehouseTotals()
    var expected = Array(repeating: 0.0, count: stock.medicineCount)
    for s in spec.spokeIDs {
      for m in 0..<stock.medicineCount { expected[m] += stock.demandPerDay[stock.item(spoke: s, MedicineID(m))] }
    }
    let medicineRows = byMedicine.indices.map { m -> [Double] in
      let t = byMedicine[m]
      return [
        expected[m], Double(t.asked) / days, t.fillRate, t.stockout(over: minutes) * CareCosts.daysPerYear,
        t.stockValue(over: minutes), t.daysOnShelf, Double(t.orders) / days, t.orderCut,
        stock.supply.warehousePolicy != nil ? warehouses[m].stockout(over: minutes) * CareCosts.daysPerYear : .nan,
      ]
    }
    // Tiers and districts that have spokes, each a group.
    let tiers = Tier.allCases.filter { t in spec.spokes.contains { spec[facility: $0].tier == t } }
    let tierOfSpoke = spec.spokes.map { f in tiers.firstIndex(of: spec[facility: f].tier)! }
    let districts = stock.spokeDistrictIDs
    var groupOfDistrict = Array(repeating: 0, count: stock.districtCount)
    for (g, d) in districts.enumerated() { groupOfDistrict[d.index] = g }
    let tierGroup = { (s: SpokeID) in tierOfSpoke[s.index] }
    let districtGroup = { (s: SpokeID) in groupOfDistrict[stock.spokeDistrict[s].index] }
    let byTier = store.totals(groups: tiers.count, item: { s, _ in tierGroup(s) }, spoke: tierGroup)
    let byDistrict = store.totals(groups: districts.count, item: { s, _ in districtGroup(s) }, spoke: districtGroup)
    return [
      BreakdownTable(
        name: "medicines-by-medicine", keyColumns: ["medicine", "unit"],
        valueColumns: [
          "expected_units_per_day", "prescribed_units_per_day", "fill_rate",
          "stockout_days_per_year", "stock_value_rs", "days_on_shelf", "orders_per_day",
          "order_cut", "warehouse_stockout_days_per_year",
        ],
        keys: stock.supply.medicines.map { [$0.name, $0.unit] }, values: medicineRows),
      BreakdownTable(
        name: "medicines-by-tier", keyColumns: ["tier"], valueColumns: Self.medicineGroupColumns,
        keys: tiers.map { [$0.rawValue] }, values: byTier.map { groupRow($0, days: days, minutes: minutes) }),
      BreakdownTable(
        name: "medicines-by-district", keyColumns: ["district"], valueColumns: Self.medicineGroupColumns,
        keys: districts.map { [layout.districts[$0.index]] },
        values: byDistrict.map { groupRow($0, days: days, minutes: minutes) }),
    ]
  }

  private func groupRow(_ t: MedicineTotals, days: Double, minutes: Double) -> [Double] {
    [
      t.fillRate, t.prescriptionsFilled, t.stockout(over: minutes) * CareCosts.daysPerYear, t.stockValue(over: minutes),
      t.outOfPocket / days, Double(t.trips) / days, t.orderCut,
    ]
  }

  /// One row per facility with a kitchen.
  private func kitchenTable(_ k: Kitchens, days: Double) -> BreakdownTable {
    let rows = k.pools.indices.map { i -> [Double] in
      let kitchenDays = Double(k.days)
      return [
        Double(k.capacity[i]), Double(k.owed[i]) / days, Double(k.served[i]) / days,
        Kitchens.shortfall(owed: k.owed[i], served: k.served[i]),
        kitchenDays > 0 ? Double(k.shortDays[i]) / kitchenDays : .nan,
      ]
    }
    return BreakdownTable(
      name: "kitchens", keyColumns: ["facility", "district", "name"],
      valueColumns: ["meals_capacity_per_day", "meals_owed_per_day", "meals_per_day", "shortfall", "short_days"],
      keys: k.pools.map { b in
        let f = spec[facility: layout.beds.facilities[b]]
        return [f.id, f.district, f.name]
      }, values: rows)
  }
}

extension MedicineLayout {
  /// The districts that have spokes, in district order.
  var spokeDistrictIDs: [DistrictID] {
    var seen = Array(repeating: false, count: districtCount)
    for d in spokeDistrict.values { seen[d.index] = true }
    return seen.indices.filter { seen[$0] }.map(DistrictID.init)
  }
}
