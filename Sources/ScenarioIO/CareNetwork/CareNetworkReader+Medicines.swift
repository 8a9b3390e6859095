import CareModel
import SimKernel

extension CareNetworkReader {
  static let medicineKeys = ["formulary", "spokes", "warehouses", "unfilled", "travel"]
  static let stockPolicyKeys = ["policy", "review", "order_up_to", "reorder_at", "lead_time"]
  /// The named inventory policies.
  static let stockPolicies = ["base-stock", "min-max", "periodic"]
  /// Most stock items (medicines × (spokes + districts)): each takes about 300 bytes in every
  /// replication running at once, so this is about 750 MB (Bihar with 1,000 medicines).
  static let mostStockItems = 2_500_000
  /// Most units a level may come to, and most days of cover or between reviews.
  static let mostStockUnits = Double(MedicineSupply.mostUnits)
  static let mostStockDays = 3_650.0

  /// `{formulary: FILE, spokes: POLICY, warehouses: POLICY, unfilled: out-of-pocket | travel,
  /// travel: {cost_per_km, candidates}}`.
  func readMedicines(_ node: ScenarioNode, specialties: [CareNetworkSpec.Specialty]?) -> MedicineSupply? {
    guard let f = reader.fields(node, path: "medicines", allowed: Self.medicineKeys, required: ["formulary", "spokes"])
    else { return nil }
    let formulary = specialties.flatMap { list in
      f["formulary"].flatMap {
        FormularyReader(reader: reader).read($0, path: "medicines.formulary", specialties: list.map(\.name))
      }
    }
    let spokes = f["spokes"].flatMap { readStockPolicy($0, path: "medicines.spokes") }
    let warehouses = f["warehouses"].map { readStockPolicy($0, path: "medicines.warehouses") }
    let unfilled =
      f["unfilled"].map { choice($0, path: "medicines.unfilled", MedicineSupply.Unfilled.self) }
      ?? ScenarioDefaults.unfilledMedicines
    var costPerKm: Double? = ScenarioDefaults.medicineTripCostPerKm
    var candidates: Int? = ScenarioDefaults.medicineTripCandidates
    if let t = f["travel"], let tf = reader.fields(t, path: "medicines.travel", allowed: ["cost_per_km", "candidates"])
    {
      costPerKm =
        tf["cost_per_km"].map { reader.number($0, path: "medicines.travel.cost_per_km", atLeast: 0, atMost: 1e6) }
        ?? costPerKm
      candidates =
        tf["candidates"].map { reader.integer($0, path: "medicines.travel.candidates", atLeast: 1, atMost: 100) }
        ?? candidates
    } else if f["travel"] != nil {
      return nil
    }
    guard let formulary, let spokes, let unfilled, let costPerKm, let candidates, warehouses != .some(nil) else {
      return nil
    }
    return MedicineSupply(
      medicines: formulary.medicines, lines: formulary.lines, spokePolicy: spokes,
      warehousePolicy: warehouses ?? nil, unfilled: unfilled, travelCostPerKm: costPerKm,
      travelCandidates: candidates)
  }

  /// `{policy: base-stock | min-max | periodic, review: 7d, order_up_to: 30d | 120, reorder_at: 10d | 40,
  /// lead_time: DIST}`: levels as days of cover (a duration) or units (a whole number).
  func readStockPolicy(_ node: ScenarioNode, path: String) -> MedicineSupply.Policy? {
    guard
      let f = reader.fields(
        node, path: path, allowed: Self.stockPolicyKeys,
        required: ["policy", "order_up_to", "lead_time"])
    else { return nil }
    guard let kindNode = f["policy"], let kind = reader.string(kindNode, path: f.path("policy")) else { return nil }
    guard Self.stockPolicies.contains(kind) else {
      reader.report(
        .invalidValue, "unknown policy '\(kind)'", at: kindNode, path: f.path("policy"),
        hint: "base-stock (order what is used), min-max (order up to S at s) or periodic (order up to S every review)")
      return nil
    }
    let top = f["order_up_to"].flatMap { level($0, path: f.path("order_up_to")) }
    let low = f["reorder_at"].map { level($0, path: f.path("reorder_at")) }
    let lead = f["lead_time"].flatMap { reader.distribution($0, path: f.path("lead_time")) }
    var review = MedicineSupply.Review.continuous
    var ok = true
    switch kind {
    case "periodic":
      guard let r = f["review"] else {
        reader.reportMissing("review", in: f, hint: "how often stock is reviewed, in whole days, e.g. review: 7d")
        return nil
      }
      guard let days = reviewDays(r, path: f.path("review")) else { return nil }
      review = .periodic(days: days)
    case "min-max":
      if f["reorder_at"] == nil {
        reader.reportMissing(
          "reorder_at", in: f, hint: "the level s at which a spoke orders up to S, e.g. reorder_at: 10d")
        ok = false
      }
      fallthrough
    default:
      if let r = f["review"], r.scalar != "continuous" {
        reader.report(
          .invalidValue, "a \(kind) policy reviews after every issue", at: r, path: f.path("review"),
          hint: "write review: continuous, or leave it out (a file that extends a periodic policy writes "
            + "review: continuous); use policy: periodic for a review every so many days")
        ok = false
      }
      if kind == "base-stock", let r = f["reorder_at"] {
        reader.report(
          .invalidValue, "base-stock orders whatever is used (s = S − 1)", at: r, path: f.path("reorder_at"),
          hint: "use policy: min-max to order at a lower level")
        ok = false
      }
    }
    guard ok, let top, let lead, low != .some(nil) else { return nil }
    if let low = low ?? nil, let node = f["reorder_at"] {
      switch (low, top) {
      case (.units(let s), .units(let big)) where s >= big:
        reader.report(
          .invalidValue, "reorder_at (\(s) units) must be below order_up_to (\(big) units)", at: node,
          path: f.path("reorder_at"))
        return nil
      case (.daysOfCover(let s), .daysOfCover(let big)) where s >= big:
        reader.report(
          .invalidValue, "reorder_at (\(Units.format(s)) days) must be below order_up_to (\(Units.format(big)) days)",
          at: node, path: f.path("reorder_at"))
        return nil
      case (.units, .daysOfCover), (.daysOfCover, .units):
        reader.report(
          .invalidValue, "reorder_at and order_up_to must both be units or both days of cover", at: node,
          path: f.path("reorder_at"), hint: "e.g. reorder_at: 10d with order_up_to: 30d")
        return nil
      default: break
      }
    }
    return MedicineSupply.Policy(review: review, orderUpTo: top, reorderAt: low ?? nil, leadTime: lead)
  }

  /// A level: a duration is days of cover (`30d`), a whole number is units (`120`).
  func level(_ node: ScenarioNode, path: String) -> MedicineSupply.Level? {
    if let text = node.scalar, Int(text.trimmingSpaces) != nil {
      return reader.integer(node, path: path, atLeast: 0, atMost: Int(Self.mostStockUnits)).map { .units($0) }
    }
    if let text = node.scalar, Double(text.trimmingSpaces) != nil {
      reader.report(
        .invalidValue, "'\(text)' is neither whole units nor days of cover", at: node, path: path,
        hint: "write whole units (120) or days of the place's demand (45d, 2w)")
      return nil
    }
    guard let minutes = reader.duration(node, path: path) else { return nil }
    let days = minutes / SimDuration.day.minutes
    guard days <= Self.mostStockDays else {
      reader.report(
        .invalidValue, "\(Units.format(days)) days of cover is more than \(Units.format(Self.mostStockDays)) days",
        at: node, path: path)
      return nil
    }
    return .daysOfCover(days)
  }

  /// A review period in whole days (`7d`, `1w`).
  func reviewDays(_ node: ScenarioNode, path: String) -> Int? {
    guard let minutes = reader.duration(node, path: path, allowZero: false) else { return nil }
    let days = minutes / SimDuration.day.minutes
    guard days == days.rounded(), days >= 1, days <= Self.mostStockDays else {
      reader.report(
        .invalidValue, "a review period is whole days from 1d to \(Units.format(Self.mostStockDays))d", at: node,
        path: path,
        hint: "reviews happen at midnight, e.g. review: 7d")
      return nil
    }
    return Int(days)
  }

  /// Refuses medicines whose stock items would not fit in memory.
  func checkMedicines(_ supply: MedicineSupply, spec: CareNetworkSpec, at node: ScenarioNode) -> Bool {
    let items = supply.medicines.count * (spec.spokes.count + spec.districts.count)
    guard items <= Self.mostStockItems else {
      reader.report(
        .invalidValue,
        "\(supply.medicines.count) medicines at \(spec.spokes.count) spokes make \(items) "
          + "stock items; at most \(Self.mostStockItems)", at: node, path: "medicines.formulary",
        hint: "group medicines into classes")
      return false
    }
    return true
  }
}
