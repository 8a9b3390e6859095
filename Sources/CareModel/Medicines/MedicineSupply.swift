import SimKernel
import SimRandom

/// Medicines at the spokes: a formulary, what each specialty prescribes, how each spoke and
/// each district warehouse keeps stock, and what a patient does when the spoke cannot fill a
/// prescription.
///
/// Every completed consultation that does not end in referral draws its e-prescription from
/// the spoke's stock. A spoke orders from its district's warehouse by its ``Policy``; the
/// warehouse ships what it has (the rest of the order is cut, and the spoke orders again at
/// its next review) and the delivery comes after the spoke's lead time. Warehouses order
/// from the state, which always has stock, in the same way. Sales are lost, not backordered:
/// what the spoke cannot give, the patient buys or fetches elsewhere (``Unfilled``).
public struct MedicineSupply: Sendable, Equatable {
  /// A medicine of the formulary, in its dispensing unit.
  public struct Medicine: Sendable, Equatable {
    /// Name used in reports (`paracetamol-500mg`).
    public var name: String
    /// Dispensing unit (`tablet`, `bottle-60ml`).
    public var unit: String
    /// Rupees the state pays per unit.
    public var unitCost: Double
    /// Rupees a patient pays per unit at a private pharmacy.
    public var retailPrice: Double
    /// Creates a medicine.
    public init(name: String, unit: String, unitCost: Double, retailPrice: Double) {
      self.name = name
      self.unit = unit
      self.unitCost = unitCost
      self.retailPrice = retailPrice
    }
  }

  /// One line of a specialty's prescriptions: the share of its prescriptions that include
  /// the medicine, and the units each asks for.
  public struct Line: Sendable, Equatable {
    /// The medicine prescribed.
    public var medicine: MedicineID
    /// Share of the specialty's prescriptions that include it (0-1, drawn line by line).
    public var share: Double
    /// Units asked for.
    public var quantity: Int
    /// Creates a line.
    /// - Precondition: share in 0...1; quantity from 1 to ``MedicineSupply/mostUnitsPerLine``.
    public init(medicine: MedicineID, share: Double, quantity: Int) {
      precondition((0...1).contains(share) && (1...MedicineSupply.mostUnitsPerLine).contains(quantity), "a valid line")
      self.medicine = medicine
      self.share = share
      self.quantity = quantity
    }
  }

  /// A stock level: whole units, or days of the place's expected demand (rounded up).
  public enum Level: Sendable, Equatable {
    /// Whole units, whatever the demand.
    case units(Int)
    /// Days of the place's expected demand.
    case daysOfCover(Double)

    /// The level in units for a place whose expected demand is `perDay` units a day, at
    /// most ``MedicineSupply/mostUnits``.
    public func units(demandPerDay perDay: Double) -> Int {
      switch self {
      case .units(let n): return min(max(n, 0), MedicineSupply.mostUnits)
      case .daysOfCover(let days):
        let units = days * perDay
        return units.isFinite ? Int(min(max(units, 0), Double(MedicineSupply.mostUnits)).rounded(.up)) : 0
      }
    }
  }

  /// When stock is reviewed.
  public enum Review: Sendable, Equatable {
    /// After every issue (continuous review).
    case continuous
    /// Every `days` days (periodic review); places are spread over the cycle by their order.
    case periodic(days: Int)
  }

  /// An inventory policy: review, reorder point s and order-up-to level S. At a review, a
  /// place whose inventory position (on hand + on order) is at most s orders S − position.
  /// Base-stock is continuous review with s = S − 1 (one for one); (R, S) is periodic review
  /// with s = S − 1; (s, S) is continuous review with s below S − 1.
  public struct Policy: Sendable, Equatable {
    /// When the place reviews its stock.
    public var review: Review
    /// The order-up-to level S.
    public var orderUpTo: Level
    /// Nil: order whenever the position is below S (s = S − 1).
    public var reorderAt: Level?
    /// Minutes from the order to the delivery.
    public var leadTime: Distribution
    /// Creates a policy.
    public init(review: Review, orderUpTo: Level, reorderAt: Level? = nil, leadTime: Distribution) {
      self.review = review
      self.orderUpTo = orderUpTo
      self.reorderAt = reorderAt
      self.leadTime = leadTime
    }

    /// (s, S) in units for a place with expected demand `perDay`: s is at most S − 1.
    public func levels(demandPerDay perDay: Double) -> (reorderAt: Int, orderUpTo: Int) {
      let top = orderUpTo.units(demandPerDay: perDay)
      let s = reorderAt.map { $0.units(demandPerDay: perDay) } ?? top - 1
      return (min(s, top - 1), top)
    }
  }

  /// What a patient does about what the spoke could not give.
  public enum Unfilled: String, Sendable, CaseIterable {
    /// Buys it at a private pharmacy at the retail price.
    case outOfPocket = "out-of-pocket"
    /// Travels to the nearest spoke of the district that has all of it (and buys it out of
    /// pocket if none of the nearest candidates has).
    case travel
  }

  /// Most units a level may hold: stock on hand plus on order then fits in 32 bits.
  public static let mostUnits = 1_000_000_000
  /// Most units one prescription line may ask for.
  public static let mostUnitsPerLine = 100_000

  /// The formulary, in file order (``MedicineID`` is a position in it).
  public var medicines: [Medicine]
  /// Prescription lines by specialty (indexed like the network's specialties).
  public var lines: [[Line]]
  /// How every spoke keeps each medicine.
  public var spokePolicy: Policy
  /// The district warehouses' policy; nil: warehouses never run out.
  public var warehousePolicy: Policy?
  /// What patients do about what the spoke lacks.
  public var unfilled: Unfilled
  /// Rupees a patient spends per km travelled (both ways are counted).
  public var travelCostPerKm: Double
  /// How many of the nearest spokes of its district a patient tries, nearest first.
  public var travelCandidates: Int

  /// Creates a supply.
  /// - Precondition: one list of lines per specialty; every line names a medicine.
  public init(
    medicines: [Medicine], lines: [[Line]], spokePolicy: Policy, warehousePolicy: Policy?,
    unfilled: Unfilled, travelCostPerKm: Double, travelCandidates: Int
  ) {
    precondition(lines.allSatisfy { $0.allSatisfy { $0.medicine.index < medicines.count } }, "lines name medicines")
    self.medicines = medicines
    self.lines = lines
    self.spokePolicy = spokePolicy
    self.warehousePolicy = warehousePolicy
    self.unfilled = unfilled
    self.travelCostPerKm = travelCostPerKm
    self.travelCandidates = travelCandidates
  }

  /// Expected units of each medicine per consultation of each specialty: share × quantity.
  public func unitsPerConsult(specialty: Int) -> [Double] {
    var units = Array(repeating: 0.0, count: medicines.count)
    for l in lines[specialty] { units[l.medicine.index] += l.share * Double(l.quantity) }
    return units
  }
}
