/// The hospitals a referred patient is taken to when there is no ambulance service, nearest
/// suitable first: facilities with beds now or after a dated upgrade (one not yet upgraded
/// when the patient gets there has no beds to offer, and the patient travels on).
struct ReferralLayout: Sendable {
  /// For each spoke, the hospitals to try in order.
  let candidates: EntityTable<EntityKind.Spoke, [FacilityID]>

  /// The candidates of each spoke: the nearest facility with beds at the referral tier (or a
  /// higher tier below district hospital), then the nearest district hospital, then the
  /// nearest medical college, skipping repeats and the spoke itself. Distances are straight
  /// lines (the ranking is what matters, and the road detour is uniform).
  init(spec: CareNetworkSpec, beds: BedLayout) {
    let levels: [[Tier]] = [
      Tier.allCases.filter { $0 >= spec.referralTier && $0 < .dh },
      [.dh], [.mch],
    ].filter { !$0.isEmpty }
    let byLevel = levels.map { tiers in
      spec.facilityIDs.filter { tiers.contains(spec[facility: $0].tier) && beds.pool(of: $0) != nil }
    }
    candidates = EntityTable(spec.spokes.map { s in
      var list: [FacilityID] = []
      for options in byLevel {
        let here = spec[facility: s].location
        let nearest = options.filter { $0 != s }
          .min { here.planarKilometresSquared(to: spec[facility: $0].location)
            < here.planarKilometresSquared(to: spec[facility: $1].location) }
        if let f = nearest, !list.contains(f) { list.append(f) }
      }
      return list
    })
  }
}
