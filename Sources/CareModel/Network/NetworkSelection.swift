/// The documented rules that choose spokes and hubs from a facilities table.
public enum NetworkSelection {
  /// Catchment population of each centre in `centres`: every habitation belongs to its
  /// nearest centre (straight-line distance; ties to the lower index).
  public static func catchments(of centres: [FacilityID], in facilities: [HealthCentre],
                                habitations: [Habitation]) -> [Int] {
    let grid = SpatialGrid(centres.map { facilities[$0.index].location })
    var population = Array(repeating: 0, count: centres.count)
    for h in habitations {
      if let i = grid.nearest(to: h.location) { population[i] += h.population }
    }
    return population
  }

  /// Spokes: among facilities of the given tiers, the `count` with the largest catchment
  /// populations (habitations assigned to the nearest candidate; ties by table order). The
  /// chosen spokes' catchments are then recomputed among themselves, so that every
  /// habitation is served by some spoke.
  /// - Returns: facilities in table order, and their catchment populations.
  public static func spokes(count: Int, tiers: [Tier], facilities: [HealthCentre],
                            habitations: [Habitation]) -> (spokes: [FacilityID], population: [Int]) {
    let candidates = facilities.indices.filter { tiers.contains(facilities[$0].tier) }.map(FacilityID.init)
    let population = catchments(of: candidates, in: facilities, habitations: habitations)
    let ranked = candidates.indices.sorted {
      (population[$0], -candidates[$0].index) > (population[$1], -candidates[$1].index)
    }
    let chosen = ranked.prefix(count).map { candidates[$0] }.sorted()
    return (chosen, catchments(of: chosen, in: facilities, habitations: habitations))
  }

  /// Hubs: facilities of the listed tiers, tier by tier in the order given; within a tier the
  /// most populous districts first (ties by table order). With `oneTierPerDistrict`, tiers
  /// after the first only add hubs in districts that have none yet (so district hospitals
  /// fill the districts without a medical college). Stops at `count`.
  public static func hubs(count: Int, tiers: [Tier], oneTierPerDistrict: Bool,
                          facilities: [HealthCentre], districtPopulation: [String: Int]) -> [FacilityID] {
    var chosen: [FacilityID] = []
    var covered: [String] = []
    for (t, tier) in tiers.enumerated() {
      let ofTier = facilities.indices.filter { facilities[$0].tier == tier }.sorted {
        let (a, b) = (districtPopulation[facilities[$0].district] ?? 0, districtPopulation[facilities[$1].district] ?? 0)
        return a != b ? a > b : $0 < $1
      }
      for i in ofTier where chosen.count < count {
        if oneTierPerDistrict && t > 0 && covered.contains(facilities[i].district) { continue }
        chosen.append(FacilityID(i))
        covered.append(facilities[i].district)
      }
    }
    return chosen
  }
}
