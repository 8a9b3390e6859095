import SimKernel
import SimStats

extension CareNetworkModel {
  /// The medicine figures, in the order of ``CareNetworkSpec/medicineMetrics(warehouses:)``.
  func medicineValues(_ store: MedicineStore, now: SimTime, days: Double) -> [Double] {
    let minutes = (now - warmUpEnd).minutes
    let t = store.totals(groups: 1, item: { _, _ in 0 }, spoke: { _ in 0 })[0]
    let stockout = t.stockout(over: minutes)
    var values = [
      t.fillRate, t.prescriptionsFilled, stockout, stockout * CareCosts.daysPerYear, t.stockValue(over: minutes),
      t.daysOnShelf, Double(t.orders) / days, Double(t.deliveries) / days, t.orderCut,
      t.outOfPocket / days, Double(t.trips) / days, t.km * store.layout.supply.travelCostPerKm / days,
      medicineCost(store) / days,
    ]
    if store.layout.supply.warehousePolicy != nil {
      values.append(store.warehouseTotals().reduce(0.0) { $0 + $1.stockValue(over: minutes) })
    }
    return values
  }

  /// Rupees of medicines bought from the state since warm-up: deliveries to warehouses, or
  /// to spokes when warehouses are not modelled. The stock every place starts with is not
  /// bought within the run.
  func medicineCost(_ store: MedicineStore) -> Double {
    let layout = store.layout
    var cost = 0.0
    for i in store.items.ids where layout.isSpoke(i) == (layout.supply.warehousePolicy == nil) {
      cost += Double(store.items[i].deliveredUnits) * layout.supply.medicines[layout.medicine(of: i).index].unitCost
    }
    return cost
  }

  /// The ASHA figures, in the order of ``CareNetworkSpec/ashaMetrics``.
  func ashaValues(days: Double) -> [Double] {
    [layout.asha?.ashas ?? .nan, Double(mobilised.arrived) / days, Double(mobilised.seen) / days, ashaCost(days: days)]
  }

  /// Rupees of ASHA incentives a day.
  func ashaCost(days: Double) -> Double { Double(mobilised.seen) * (spec.asha?.incentive ?? 0) / days }

  /// The kitchen figures, in the order of ``CareNetworkSpec/kitchenMetrics``.
  func kitchenValues(_ k: Kitchens, days: Double) -> [Double] {
    let kitchenDays = k.days * k.pools.count
    return [
      Double(k.mealsServed) / days, Kitchens.shortfall(owed: k.owed.reduce(0, +), served: k.mealsServed),
      kitchenDays > 0 ? Double(k.shortDays.reduce(0, +)) / Double(kitchenDays) : .nan,
    ]
  }

  /// Rupees of meals since warm-up at bed pool `b`: with a kitchen, every meal owed at the
  /// meal price (served by the kitchen, or bought by the family when it fell short: a
  /// shortfall is not a saving); without one, its inpatient-days at the price per day.
  func mealRupees(_ b: BedPoolID) -> Double {
    if let k = kitchens, let i = k.kitchen(of: b) { return Double(k.owed[i]) * k.supply.costPerMeal }
    return beds.pools[b].occupiedArea.value / SimDuration.day.minutes * spec.costs.mealPerPatientDay
  }

  /// Rupees of meals a day, all pools (with kitchens, as ``mealRupees(_:)`` prices them).
  func mealCost(bedDays: Double, days: Double) -> Double {
    guard kitchens != nil else { return bedDays * spec.costs.mealPerPatientDay / days }
    return beds.pools.ids.reduce(0.0) { $0 + mealRupees($1) } / days
  }
}
