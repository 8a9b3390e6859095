import SimKernel

/// Totals over a group of spoke stock items and of spokes' prescriptions, turned into the
/// figures of the statewide metrics and of each row of the medicine tables.
struct MedicineTotals {
  var asked = 0
  var given = 0
  /// Items that count toward stock-out time: those with expected demand or a level above 0
  /// (a medicine no one is prescribed, with no stock, is not out of stock).
  var stockedItems = 0
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

  mutating func add(_ item: StockItem, unitCost: Double, stocked: Bool) {
    asked += item.asked
    given += item.given
    if stocked {
      stockedItems += 1
      emptyMinutes += item.emptyMinutes
    }
    valueMinutes += item.onHandArea * unitCost
    orders += item.orders
    deliveries += item.deliveries
    ordered += item.orderedUnits
    cut += item.cutUnits
    shelfMinutes += item.shelfMinutes
    shelvedUnits += item.unitsOffShelf
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
  func stockout(over minutes: Double) -> Double {
    stockedItems > 0 && minutes > 0 ? emptyMinutes / (Double(stockedItems) * minutes) : .nan
  }
  /// Time-average stock value over a window of `minutes`.
  func stockValue(over minutes: Double) -> Double { minutes > 0 ? valueMinutes / minutes : .nan }
  var daysOnShelf: Double { shelvedUnits > 0 ? shelfMinutes / Double(shelvedUnits) / SimDuration.day.minutes : .nan }
}

extension MedicineStore {
  /// Whether `item` counts toward stock-out time: it has expected demand or a level.
  func isStocked(_ item: StockItemID) -> Bool { layout.demandPerDay[item] > 0 || layout.orderUpTo[item] > 0 }

  /// Totals by group of the spokes' items (`item` gives each (spoke, medicine)'s group) and,
  /// when `spoke` is given, of their prescriptions (by the spoke's group), in one pass.
  func totals(groups: Int, item group: (SpokeID, MedicineID) -> Int,
              spoke spokeGroup: ((SpokeID) -> Int)? = nil) -> [MedicineTotals] {
    var t = Array(repeating: MedicineTotals(), count: groups)
    for s in 0..<layout.spokeCount {
      let spoke = SpokeID(s)
      for m in 0..<layout.medicineCount {
        let medicine = MedicineID(m)
        let item = layout.item(spoke: spoke, medicine)
        t[group(spoke, medicine)].add(items[item], unitCost: layout.supply.medicines[m].unitCost, stocked: isStocked(item))
      }
      if let spokeGroup { t[spokeGroup(spoke)].add(spokes[spoke]) }
    }
    return t
  }

  /// Totals of the warehouse items by medicine, over the districts that have spokes.
  func warehouseTotals() -> [MedicineTotals] {
    var t = Array(repeating: MedicineTotals(), count: layout.medicineCount)
    for d in layout.spokeDistrictIDs {
      for m in 0..<layout.medicineCount {
        let item = layout.item(warehouse: d, MedicineID(m))
        t[m].add(items[item], unitCost: layout.supply.medicines[m].unitCost, stocked: isStocked(item))
      }
    }
    return t
  }
}
