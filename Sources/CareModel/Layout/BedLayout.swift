/// Which facilities have inpatient beds (now or after a dated upgrade), and each one's pool.
struct BedLayout: Sendable {
  /// The facility of each bed pool, in table order.
  let facilities: EntityTable<EntityKind.BedPool, FacilityID>
  /// The bed pool of each facility, by facility index (nil for facilities without beds).
  private let poolOfFacility: [BedPoolID?]

  init(spec: CareNetworkSpec) {
    var bedded = spec.facilities.indices.filter { spec.facilities[$0].beds > 0 }.map(FacilityID.init)
    for u in spec.upgrades { for f in u.facilities where !bedded.contains(f) { bedded.append(f) } }
    bedded.sort()
    facilities = EntityTable(bedded)
    var map = [BedPoolID?](repeating: nil, count: spec.facilities.count)
    for (b, f) in bedded.enumerated() { map[f.index] = BedPoolID(b) }
    poolOfFacility = map
  }

  /// The bed pool of `facility`, if it has beds now or will after an upgrade.
  func pool(of facility: FacilityID) -> BedPoolID? { poolOfFacility[facility.index] }
}
