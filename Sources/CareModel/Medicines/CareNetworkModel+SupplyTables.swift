import SimKernel
import SimStats

extension CareNetworkModel {
  /// The columns of the medicine tables by tier and district.
  static let medicineGroupColumns = ["fill_rate", "prescriptions_filled", "stockout_days_per_year", "stock_value_rs",
                                     "out_of_pocket_per_day", "trips_per_day", "order_cut"]

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
    let layout = store.layout
    let byMedicine = layout.supply.medicines.indices.map { m -> [Double] in
      let t = medicineTotals(store) { $1.index == m }
      var warehouse = MedicineTotals()
      for d in 0..<layout.districtCount {
        warehouse.add(store.items[layout.item(warehouse: DistrictID(d), MedicineID(m))], unitCost: 0)
      }
      let perDay = spec.spokeIDs.reduce(0.0) { $0 + layout.demandPerDay[layout.item(spoke: $1, MedicineID(m))] }
      return [perDay, Double(t.asked) / days, t.fillRate, t.stockout(over: minutes) * Self.daysPerYear,
              minutes > 0 ? t.valueMinutes / minutes : .nan, t.daysOnShelf, Double(t.orders) / days, t.orderCut,
              layout.supply.warehousePolicy != nil ? warehouse.stockout(over: minutes) * Self.daysPerYear : .nan]
    }
    let tiers = Tier.allCases.filter { t in spec.spokes.contains { spec[facility: $0].tier == t } }
    let byTier = tiers.map { tier in
      groupRow(medicineTotals(store) { s, _ in spec[facility: spec.facility(ofSpoke: s)].tier == tier },
               days: days, minutes: minutes)
    }
    let byDistrict = layout.spokeDistrictIDs.map { d in
      groupRow(medicineTotals(store) { s, _ in layout.spokeDistrict[s] == d }, days: days, minutes: minutes)
    }
    return [
      BreakdownTable(name: "medicines-by-medicine", keyColumns: ["medicine", "unit"],
                     valueColumns: ["expected_units_per_day", "prescribed_units_per_day", "fill_rate",
                                    "stockout_days_per_year", "stock_value_rs", "days_on_shelf", "orders_per_day",
                                    "order_cut", "warehouse_stockout_days_per_year"],
                     keys: layout.supply.medicines.map { [$0.name, $0.unit] }, values: byMedicine),
      BreakdownTable(name: "medicines-by-tier", keyColumns: ["tier"], valueColumns: Self.medicineGroupColumns,
                     keys: tiers.map { [$0.rawValue] }, values: byTier),
      BreakdownTable(name: "medicines-by-district", keyColumns: ["district"], valueColumns: Self.medicineGroupColumns,
                     keys: layout.spokeDistrictIDs.map { [self.layout.districts[$0.index]] }, values: byDistrict),
    ]
  }

  private func groupRow(_ t: MedicineTotals, days: Double, minutes: Double) -> [Double] {
    [t.fillRate, t.prescriptionsFilled, t.stockout(over: minutes) * Self.daysPerYear,
     minutes > 0 ? t.valueMinutes / minutes : .nan, t.outOfPocket / days, Double(t.trips) / days, t.orderCut]
  }

  /// One row per facility with a kitchen.
  private func kitchenTable(_ k: Kitchens, days: Double) -> BreakdownTable {
    let rows = k.pools.indices.map { i -> [Double] in
      let kitchenDays = Double(k.days)
      return [Double(k.capacity[i]), Double(k.owed[i]) / days, Double(k.served[i]) / days,
              k.owed[i] > 0 ? Double(k.owed[i] - k.served[i]) / Double(k.owed[i]) : .nan,
              kitchenDays > 0 ? Double(k.shortDays[i]) / kitchenDays : .nan]
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
