import SimKernel
import SimRandom

/// The medicine stock of every spoke and district warehouse in one replication: prescriptions
/// drawn from it, orders and deliveries, and what patients do about what a spoke lacks.
///
/// Random streams: `prescriptions.SPECIALTY` (which medicines a prescription holds),
/// `medicines.lead.spokes` and `medicines.lead.warehouses` (delivery times).
struct MedicineStore {
  let layout: MedicineLayout
  private(set) var items: EntityTable<EntityKind.StockItem, StockItem>
  private var shelves: EntityTable<EntityKind.StockItem, Shelf>
  private var orders = ContiguousArray<StockOrder>()
  private var freeOrders = ContiguousArray<StockOrderID>()
  /// Orders on their way (for the conservation check).
  private(set) var openOrders = 0
  /// Prescriptions, trips and spending by spoke.
  private(set) var spokes: EntityTable<EntityKind.Spoke, SpokePrescriptions>
  private let prescriptionStreams: EntityTable<EntityKind.Specialty, RandomStream>
  private let spokeLead: RandomStream
  private let warehouseLead: RandomStream
  /// Scratch list of the lines a spoke could not fill (capacity reserved once).
  private var missing = ContiguousArray<(medicine: MedicineID, units: Int32)>()
  // The parts of the supply read per prescription, kept apart: reading them through
  // `layout.supply` would copy the whole supply (and retain its arrays) at every line.
  private let lines: [[MedicineSupply.Line]]
  private let retailPrices: [Double]
  private let spokeReview: MedicineSupply.Review
  /// Nil when warehouses are not modelled (they never run out).
  private let warehouseReview: MedicineSupply.Review?
  private let unfilled: MedicineSupply.Unfilled
  private let spokeLeadTime: Distribution
  private let warehouseLeadTime: Distribution?

  init(layout: MedicineLayout, spec: CareNetworkSpec, streams: StreamSource) {
    self.layout = layout
    items = EntityTable(layout.orderUpTo.values.map { StockItem(onHand: max($0, 0)) })
    shelves = EntityTable(layout.orderUpTo.values.map { Shelf(units: max($0, 0)) })
    spokes = EntityTable(repeating: SpokePrescriptions(), count: layout.spokeCount)
    prescriptionStreams = EntityTable(spec.specialties.map { streams.stream(StreamName.prescriptions($0)) })
    spokeLead = streams.stream(StreamName.spokeDeliveries)
    warehouseLead = streams.stream(StreamName.warehouseDeliveries)
    missing.reserveCapacity(layout.longestPrescription)
    let supply = layout.supply
    lines = supply.lines
    retailPrices = supply.medicines.map(\.retailPrice)
    spokeReview = supply.spokePolicy.review
    warehouseReview = supply.warehousePolicy?.review
    unfilled = supply.unfilled
    spokeLeadTime = supply.spokePolicy.leadTime
    warehouseLeadTime = supply.warehousePolicy?.leadTime
  }

  /// A consultation at `spoke` ends with a prescription of `specialty`: each line is given
  /// from the spoke's stock as far as it goes, and the patient buys or fetches the rest.
  mutating func prescribe(at spoke: SpokeID, specialty: SpecialtyID, in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    let stream = prescriptionStreams[specialty]
    var prescribed = false
    missing.removeAll(keepingCapacity: true)
    for line in lines[specialty.index] where stream.uniform() < line.share {
      prescribed = true
      let item = layout.item(spoke: spoke, line.medicine)
      let wanted = Int32(line.quantity)
      let got = issue(item, wanted, at: now, traveller: false)
      if got < wanted { missing.append((line.medicine, wanted - got)) }
      if spokeReview == .continuous { review(item, in: &sim) }
    }
    guard prescribed else { return }
    spokes[spoke].prescriptions += 1
    if missing.isEmpty {
      spokes[spoke].filledWhole += 1
    } else if unfilled == .travel, let place = placeWithEverythingMissing(near: spoke) {
      for (medicine, units) in missing {
        let item = layout.item(spoke: place.spoke, medicine)
        _ = issue(item, units, at: now, traveller: true)
        if spokeReview == .continuous { review(item, in: &sim) }
      }
      spokes[spoke].trips += 1
      spokes[spoke].km += 2 * place.km
    } else {
      for (medicine, units) in missing {
        spokes[spoke].outOfPocket += Double(units) * retailPrices[medicine.index]
      }
    }
  }

  /// The nearest candidate spoke that has every missing line in full.
  private func placeWithEverythingMissing(near spoke: SpokeID) -> (spoke: SpokeID, km: Double)? {
    layout.travel[spoke].first { c in
      missing.allSatisfy { items[layout.item(spoke: c.spoke, $0.medicine)].onHand >= $0.units }
    }
  }

  /// Gives up to `units` of `item` and returns how many were given.
  private mutating func issue(_ item: StockItemID, _ units: Int32, at now: SimTime, traveller: Bool) -> Int32 {
    items[item].advance(to: now)
    let given = min(units, items[item].onHand)
    items[item].onHand -= given
    if traveller {
      items[item].givenToTravellers += Int(given)
    } else {
      items[item].asked += Int(units)
      items[item].given += Int(given)
    }
    if given > 0 { items[item].shelfMinutes += shelves[item].take(given, at: now) }
    return given
  }

  /// Orders up to S if the inventory position is at most s.
  private mutating func review(_ item: StockItemID, in sim: inout Simulation<CareEvent>) {
    let position = items[item].position
    guard position <= layout.reorderAt[item], sim.now.day >= items[item].noOrderBefore else { return }
    order(layout.orderUpTo[item] - position, for: item, in: &sim)
  }

  /// Places an order: a spoke's goes to its district warehouse, which ships what it has; a
  /// warehouse's goes to the state, which always has stock.
  private mutating func order(_ units: Int32, for item: StockItemID, in sim: inout Simulation<CareEvent>) {
    items[item].orders += 1
    items[item].orderedUnits += Int(units)
    var shipped = units
    let isSpoke = layout.isSpoke(item)
    if isSpoke, let warehouseReview {
      let w = layout.supplier(of: item)
      shipped = issue(w, units, at: sim.now, traveller: false)
      items[item].cutUnits += Int(units - shipped)
      if shipped < units { items[item].noOrderBefore = Int32(clamping: sim.now.day + 1) }
      if warehouseReview == .continuous { review(w, in: &sim) }
    }
    guard shipped > 0 else { return }
    items[item].onOrder += shipped
    let o = StockOrder(item: item, units: shipped)
    let id: StockOrderID
    if let slot = freeOrders.popLast() {
      orders[slot.index] = o
      id = slot
    } else {
      orders.append(o)
      id = StockOrderID(orders.count - 1)
    }
    openOrders += 1
    // Only spokes order when warehouses are not modelled, so a warehouse's law is there.
    let lead =
      isSpoke
      ? spokeLeadTime.sample(using: spokeLead)
      : (warehouseLeadTime ?? spokeLeadTime).sample(using: warehouseLead)
    sim.schedule(.delivery(id), after: SimDuration(minutes: lead))
  }

  /// An order arrives and goes on the shelf.
  mutating func deliver(_ id: StockOrderID, at now: SimTime) {
    let o = orders[id.index]
    items[o.item].advance(to: now)
    items[o.item].onHand += o.units
    items[o.item].onOrder -= o.units
    items[o.item].deliveries += 1
    items[o.item].deliveredUnits += Int(o.units)
    shelves[o.item].put(o.units, at: now)
    freeOrders.append(id)
    openOrders -= 1
  }

  /// The periodic reviews due at the start of `day`: places take turns through the cycle by
  /// their order, so a warehouse's orders spread over its review period.
  mutating func reviewPeriodic(day: Int, in sim: inout Simulation<CareEvent>) {
    if case .periodic(let r) = spokeReview {
      for s in stride(from: day % r, to: layout.spokeCount, by: r) {
        for m in 0..<layout.medicineCount { review(layout.item(spoke: SpokeID(s), MedicineID(m)), in: &sim) }
      }
    }
    if case .periodic(let r) = warehouseReview {
      for d in stride(from: day % r, to: layout.districtCount, by: r) {
        for m in 0..<layout.medicineCount { review(layout.item(warehouse: DistrictID(d), MedicineID(m)), in: &sim) }
      }
    }
  }

  /// Discards the figures gathered so far (end of warm-up).
  mutating func reset(at now: SimTime) {
    for i in items.ids { items[i].reset(at: now) }
    spokes = EntityTable(repeating: SpokePrescriptions(), count: spokes.count)
  }

  /// Brings every item's areas up to `now` (end of the run).
  mutating func close(at now: SimTime) {
    for i in items.ids { items[i].advance(to: now) }
  }
}

/// A replenishment order on its way.
struct StockOrder {
  var item: StockItemID
  var units: Int32
}

/// One spoke's prescriptions and what its patients did about what it lacked.
struct SpokePrescriptions {
  /// Prescriptions with at least one medicine, and those filled in full at the spoke.
  var prescriptions = 0
  var filledWhole = 0
  /// Rupees patients spent at private pharmacies.
  var outOfPocket = 0.0
  /// Trips to another spoke, and their km (both ways).
  var trips = 0
  var km = 0.0
}

extension MedicineStore {
  /// Stock is never negative, on order matches the orders on their way, and no order is
  /// lost: checked after every event in `SIM_INTERNAL_CHECKS` builds.
  func checkInvariants() {
    #if SIM_INTERNAL_CHECKS
      var coming = Array(repeating: Int32(0), count: items.count)
      var open = 0
      var free = Array(repeating: false, count: orders.count)
      for f in freeOrders { free[f.index] = true }
      for (i, o) in orders.enumerated() where !free[i] {
        coming[o.item.index] += o.units
        open += 1
      }
      precondition(open == openOrders, "orders not conserved")
      for i in items.ids {
        precondition(items[i].onHand >= 0, "negative stock at item \(i)")
        precondition(
          items[i].onOrder == coming[i.index], "item \(i): on order \(items[i].onOrder), coming \(coming[i.index])")
      }
    #endif
  }
}
