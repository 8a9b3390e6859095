import SimKernel

/// Everything about the medicines of a network that does not change between replications:
/// the stock items (every medicine at every spoke, then at every district warehouse), their
/// (s, S) levels in units, who reviews on which day, and where a patient travels for what
/// the spoke lacks.
///
/// Levels given in days of cover use each place's expected demand over the run: its requests
/// a day (its population's share of the statewide demand, averaged over the run's growth,
/// plus ASHA-mobilised patients) × the units a consultation prescribes on average, counting
/// only consultations that do not end in referral.
struct MedicineLayout: Sendable {
  let supply: MedicineSupply
  let medicineCount: Int
  let spokeCount: Int
  let districtCount: Int
  /// Reorder point s and order-up-to level S of every item.
  let reorderAt: EntityTable<EntityKind.StockItem, Int32>
  let orderUpTo: EntityTable<EntityKind.StockItem, Int32>
  /// Expected units a day of every item (the basis of days of cover; reported).
  let demandPerDay: EntityTable<EntityKind.StockItem, Double>
  /// Each spoke's nearest other spokes of its district, nearest first, with the road km.
  let travel: EntityTable<EntityKind.Spoke, [(spoke: SpokeID, km: Double)]>
  let spokeDistrict: EntityTable<EntityKind.Spoke, DistrictID>
  /// Most lines any specialty's prescriptions have (the size of the scratch list).
  let longestPrescription: Int

  init(
    spec: CareNetworkSpec, supply: MedicineSupply, spokeDistrict: EntityTable<EntityKind.Spoke, DistrictID>,
    districts: Int, horizon: SimDuration
  ) {
    precondition(supply.lines.count == spec.specialties.count, "one list of prescription lines per specialty")
    self.supply = supply
    self.spokeDistrict = spokeDistrict
    medicineCount = supply.medicines.count
    spokeCount = spec.spokes.count
    districtCount = districts
    longestPrescription = supply.lines.map(\.count).max() ?? 0
    let perConsult = Self.unitsPerRequest(spec: spec, supply: supply)
    let requests = Self.requestsPerDay(spec: spec, horizon: horizon)
    var demand: [Double] = []
    demand.reserveCapacity((spokeCount + districts) * medicineCount)
    for s in 0..<spokeCount { demand += perConsult.map { $0 * requests[s] } }
    var warehouse = Array(repeating: 0.0, count: districts * medicineCount)
    for s in 0..<spokeCount {
      let d = spokeDistrict[SpokeID(s)].index
      for m in 0..<medicineCount { warehouse[d * medicineCount + m] += demand[s * medicineCount + m] }
    }
    demand += warehouse
    demandPerDay = EntityTable(demand)
    var low: [Int32] = []
    var high: [Int32] = []
    for (i, perDay) in demand.enumerated() {
      let policy = i < spokeCount * medicineCount ? supply.spokePolicy : supply.warehousePolicy
      let (s, top) = policy?.levels(demandPerDay: perDay) ?? (-1, 0)
      low.append(Int32(clamping: s))
      high.append(Int32(clamping: top))
    }
    reorderAt = EntityTable(low)
    orderUpTo = EntityTable(high)
    travel = Self.travelCandidates(spec: spec, spokeDistrict: spokeDistrict, count: supply.travelCandidates)
  }

  /// Total items: every medicine at every spoke and every warehouse.
  var itemCount: Int { (spokeCount + districtCount) * medicineCount }
  /// The item of `medicine` at `spoke`.
  func item(spoke: SpokeID, _ medicine: MedicineID) -> StockItemID {
    StockItemID(spoke.index * medicineCount + medicine.index)
  }
  /// The item of `medicine` at the warehouse of `district`.
  func item(warehouse district: DistrictID, _ medicine: MedicineID) -> StockItemID {
    StockItemID((spokeCount + district.index) * medicineCount + medicine.index)
  }
  /// Whether `item` is at a spoke (not a warehouse).
  func isSpoke(_ item: StockItemID) -> Bool { item.index < spokeCount * medicineCount }
  /// The medicine of `item`.
  func medicine(of item: StockItemID) -> MedicineID { MedicineID(item.index % medicineCount) }
  /// The spoke of a spoke item.
  func spoke(of item: StockItemID) -> SpokeID { SpokeID(item.index / medicineCount) }
  /// The warehouse item that supplies spoke item `item`.
  func supplier(of item: StockItemID) -> StockItemID {
    self.item(warehouse: spokeDistrict[spoke(of: item)], medicine(of: item))
  }

  /// Expected units of each medicine per request: the specialty mix × (1 − referral) × the
  /// units each specialty's prescription asks for on average.
  static func unitsPerRequest(spec: CareNetworkSpec, supply: MedicineSupply) -> [Double] {
    let total = spec.specialties.reduce(0) { $0 + $1.share }
    var units = Array(repeating: 0.0, count: supply.medicines.count)
    for (i, s) in spec.specialties.enumerated() where total > 0 {
      let weight = s.share / total * (1 - s.referProbability)
      for (m, u) in supply.unitsPerConsult(specialty: i).enumerated() { units[m] += weight * u }
    }
    return units
  }

  /// Each spoke's expected requests a day, averaged over the run's growth, plus its
  /// ASHA-mobilised patients.
  static func requestsPerDay(spec: CareNetworkSpec, horizon: SimDuration) -> [Double] {
    let meanGrowth = spec.demand.meanGrowth(overMinutes: horizon.minutes)
    let population = max(spec.catchmentPopulation, 1)
    let mobilised = spec.asha.map { $0.patientsPerDay(population: spec.catchmentPopulation) } ?? 0
    return spec.spokePopulation.map { p in
      (spec.demand.dailyTotal * meanGrowth + mobilised) * Double(max(p, 1)) / population
    }
  }

  /// The `count` nearest other spokes of each spoke's district, by road km (straight line ×
  /// the transport detour), ties by spoke order.
  static func travelCandidates(
    spec: CareNetworkSpec, spokeDistrict: EntityTable<EntityKind.Spoke, DistrictID>,
    count: Int
  ) -> EntityTable<EntityKind.Spoke, [(spoke: SpokeID, km: Double)]> {
    var byDistrict: [[SpokeID]] = Array(repeating: [], count: (spokeDistrict.values.map(\.index).max() ?? -1) + 1)
    for s in spec.spokeIDs { byDistrict[spokeDistrict[s].index].append(s) }
    return EntityTable(
      spec.spokeIDs.map { s -> [(spoke: SpokeID, km: Double)] in
        guard count > 0 else { return [] }
        let here = spec[facility: spec.facility(ofSpoke: s)].location
        let others = byDistrict[spokeDistrict[s].index].filter { $0 != s }.map { o in
          (
            spoke: o,
            km: here.kilometres(to: spec[facility: spec.facility(ofSpoke: o)].location) * spec.transport.detour
          )
        }
        return Array(others.sorted { $0.km != $1.km ? $0.km < $1.km : $0.spoke < $1.spoke }.prefix(count))
      })
  }
}
