import SimKernel
import SimStats

/// Totals over a group of spoke stock items and of spokes' prescriptions, turned into the
/// figures of the statewide metrics and of each row of the medicine tables.
struct MedicineTotals {
  var asked = 0
  var given = 0
  var items = 0
  var emptyMinutes = 0.0
  var valueMinutes = 0.0
  var orders = 0
  var deliveries = 0
  var ordered = 0
  var cut = 0
  var shelfMinutes = 0.0
  var shelvedUnits = 0
  var prescriptions = 0
  var filledWhole = 0
  var outOfPocket = 0.0
  var trips = 0
  var km = 0.0

  mutating func add(_ item: StockItem, unitCost: Double) {
    asked += item.asked
    given += item.given
    items += 1
    emptyMinutes += item.emptyMinutes
    valueMinutes += item.onHandArea * unitCost
    orders += item.orders
    deliveries += item.deliveries
    ordered += item.orderedUnits
    cut += item.cutUnits
    shelfMinutes += item.shelfMinutes
    shelvedUnits += item.shelvedUnitsLeft
  }

  mutating func add(_ p: SpokePrescriptions) {
    prescriptions += p.prescriptions
    filledWhole += p.filledWhole
    outOfPocket += p.outOfPocket
    trips += p.trips
    km += p.km
  }

  private func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : .nan }
  var fillRate: Double { ratio(given, asked) }
  var prescriptionsFilled: Double { ratio(filledWhole, prescriptions) }
  var orderCut: Double { ratio(cut, ordered) }
  /// Share of item-time with nothing on hand, over a window of `minutes`.
  func stockout(over minutes: Double) -> Double { items > 0 && minutes > 0 ? emptyMinutes / (Double(items) * minutes) : .nan }
  var daysOnShelf: Double { shelvedUnits > 0 ? shelfMinutes / Double(shelvedUnits) / SimDuration.day.minutes : .nan }
}

extension CareNetworkModel {
  /// Days in a year, for stock-out days a year.
  static let daysPerYear = 365.25

  /// Totals over the spoke items and spokes that `include` admits (by spoke and medicine).
  func medicineTotals(_ store: MedicineStore, include: (SpokeID, MedicineID) -> Bool = { _, _ in true }) -> MedicineTotals {
    let layout = store.layout
    var t = MedicineTotals()
    var spokeCounted = Array(repeating: false, count: layout.spokeCount)
    for s in spec.spokeIDs {
      for m in 0..<layout.medicineCount where include(s, MedicineID(m)) {
        t.add(store.items[layout.item(spoke: s, MedicineID(m))], unitCost: layout.supply.medicines[m].unitCost)
        spokeCounted[s.index] = true
      }
    }
    for s in spec.spokeIDs where spokeCounted[s.index] { t.add(store.spokes[s]) }
    return t
  }

  /// The medicine figures, in the order of ``CareNetworkSpec/medicineMetrics``.
  func medicineValues(_ store: MedicineStore, now: SimTime, days: Double) -> [Double] {
    let minutes = (now - warmUpEnd).minutes
    let t = medicineTotals(store)
    let layout = store.layout
    var warehouseValue = 0.0
    for d in 0..<layout.districtCount {
      for m in 0..<layout.medicineCount {
        warehouseValue += store.items[layout.item(warehouse: DistrictID(d), MedicineID(m))].onHandArea
          * layout.supply.medicines[m].unitCost
      }
    }
    let stockout = t.stockout(over: minutes)
    return [
      t.fillRate, t.prescriptionsFilled, stockout, stockout * Self.daysPerYear,
      minutes > 0 ? t.valueMinutes / minutes : .nan,
      layout.supply.warehousePolicy != nil && minutes > 0 ? warehouseValue / minutes : .nan,
      t.daysOnShelf, Double(t.orders) / days, Double(t.deliveries) / days, t.orderCut,
      t.outOfPocket / days, Double(t.trips) / days, t.km * layout.supply.travelCostPerKm / days,
      medicineCost(store) / days,
    ]
  }

  /// Rupees of medicines bought from the state since warm-up: deliveries to warehouses, or
  /// to spokes when warehouses are not modelled.
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
    let owed = k.owed.reduce(0, +)
    let served = k.mealsServed
    let kitchenDays = k.days * k.pools.count
    return [Double(served) / days, owed > 0 ? Double(owed - served) / Double(owed) : .nan,
            kitchenDays > 0 ? Double(k.shortDays.reduce(0, +)) / Double(kitchenDays) : .nan]
  }

  /// Rupees of meals a day: kitchens' meals served at their price, and inpatient-days of
  /// facilities without a kitchen at the price per patient-day.
  func mealCost(bedDays: Double, days: Double) -> Double {
    guard let k = kitchens else { return bedDays * spec.costs.mealPerPatientDay / days }
    let kitchenBedDays = k.pools.reduce(0.0) { $0 + beds.pools[$1].occupiedArea.value } / SimDuration.day.minutes
    return (Double(k.mealsServed) * k.supply.costPerMeal + (bedDays - kitchenBedDays) * spec.costs.mealPerPatientDay) / days
  }
}
