import SimKernel

/// One medicine's stock at one place, and what it saw since the end of warm-up.
struct StockItem {
  var onHand: Int32
  /// Units ordered and not yet delivered.
  var onOrder: Int32 = 0
  /// After an order the supplier cut, the day before which the place does not order again:
  /// a spoke whose warehouse is empty asks again the next day, not at every patient.
  var noOrderBefore: Int32 = 0
  /// Inventory position: what the place has and has coming.
  var position: Int32 { onHand + onOrder }

  private var lastChange = 0.0
  /// Unit-minutes on hand, and minutes with none on hand.
  private(set) var onHandArea = 0.0
  private(set) var emptyMinutes = 0.0
  /// Units asked for (by patients at a spoke, by spokes' orders at a warehouse) and given.
  var asked = 0
  var given = 0
  /// Units given to patients who came from another spoke's stock-out.
  var givenToTravellers = 0
  /// Orders placed, units ordered, and units the supplier could not ship.
  var orders = 0
  var orderedUnits = 0
  var cutUnits = 0
  /// Deliveries received.
  var deliveries = 0
  /// Units delivered, and the shelf minutes of units that left (first in, first out).
  var deliveredUnits = 0
  var shelfMinutes = 0.0
  /// Units that left the shelf: to the place's own patients or orders, and to travellers.
  var unitsOffShelf: Int { given + givenToTravellers }

  init(onHand: Int32) { self.onHand = onHand }

  /// Adds the time since the last change to the areas.
  mutating func advance(to now: SimTime) {
    let dt = now.minutes - lastChange
    guard dt > 0 else { return }
    onHandArea += Double(onHand) * dt
    if onHand == 0 { emptyMinutes += dt }
    lastChange = now.minutes
  }

  /// Discards the figures gathered so far (end of warm-up).
  mutating func reset(at now: SimTime) {
    advance(to: now)
    onHandArea = 0
    emptyMinutes = 0
    asked = 0
    given = 0
    givenToTravellers = 0
    orders = 0
    orderedUnits = 0
    cutUnits = 0
    deliveries = 0
    deliveredUnits = 0
    shelfMinutes = 0
  }
}

/// The deliveries on one item's shelf, oldest first, so that the time each unit spends on
/// the shelf can be measured (first in, first out): the test of Little's law on stock
/// compares it with the time-average stock.
struct Shelf {
  /// Deliveries a shelf usually holds at once (one or two under periodic review, a few under
  /// continuous): room for them is taken once, and taken batches are compacted away only
  /// when more than this have piled up.
  static let typicalBatches = 4
  private var batches: ContiguousArray<(arrived: Double, units: Int32)> = []
  private var head = 0

  init(units: Int32) {
    batches.reserveCapacity(Self.typicalBatches)
    if units > 0 { batches.append((0, units)) }
  }

  /// Puts a delivery on the shelf.
  mutating func put(_ units: Int32, at now: SimTime) {
    batches.append((now.minutes, units))
  }

  /// Takes `units` oldest first and returns their total minutes on the shelf.
  /// - Precondition: the shelf holds at least `units`.
  mutating func take(_ units: Int32, at now: SimTime) -> Double {
    var left = units
    var minutes = 0.0
    while left > 0 {
      let n = min(left, batches[head].units)
      minutes += Double(n) * (now.minutes - batches[head].arrived)
      batches[head].units -= n
      left -= n
      if batches[head].units == 0 { head += 1 }
    }
    // Compact in place once the taken batches outnumber those left: no allocation.
    if head == batches.count {
      batches.removeAll(keepingCapacity: true)
      head = 0
    } else if head > Self.typicalBatches && head * 2 > batches.count {
      batches.removeSubrange(0..<head)
      head = 0
    }
    return minutes
  }
}
