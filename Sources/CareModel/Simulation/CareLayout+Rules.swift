extension CareLayout {
  /// Queue of each (spoke, specialty) under the assignment policy: the nearest hub (in the
  /// spoke's own district first, with `own-district`) among the hubs that have specialists of
  /// that specialty on duty.
  static func assignHubs(_ spec: CareNetworkSpec, specialists perHub: [Int]) -> [Int] {
    let k = spec.specialties.count
    var result: [Int] = []
    result.reserveCapacity(spec.spokes.count * k)
    for s in spec.spokes {
      let here = spec.facilities[s]
      let ranked = spec.hubs.indices.map { h -> (hub: Int, km: Double, other: Bool) in
        let f = spec.facilities[spec.hubs[h]]
        let other = spec.policy.assignment == .ownDistrict && f.district != here.district
        return (h, here.location.planarKilometresSquared(to: f.location), other)
      }.sorted { ($0.other ? 1 : 0, $0.km, $0.hub) < ($1.other ? 1 : 0, $1.km, $1.hub) }
      for c in 0..<k {
        let hub = ranked.first { perHub[$0.hub * k + c] > 0 }?.hub ?? ranked[0].hub
        result.append(hub * k + c)
      }
    }
    return result
  }

  /// Referral candidates of each spoke: the nearest facility at the referral tier (or the
  /// next tier up that has beds), then the nearest district hospital, then the nearest
  /// medical college, skipping repeats and the spoke itself.
  static func referralCandidates(_ spec: CareNetworkSpec) -> [[Int]] {
    let levels: [[Tier]] = [
      Tier.allCases.filter { $0 >= spec.referralTier && $0 < .dh },
      [.dh], [.mch],
    ].filter { !$0.isEmpty }
    let byLevel = levels.map { tiers in
      spec.facilities.indices.filter { tiers.contains(spec.facilities[$0].tier) && spec.facilities[$0].beds > 0 }
    }
    return spec.spokes.map { s in
      var list: [Int] = []
      for options in byLevel {
        var best: (Int, Double)?
        for f in options where f != s {
          let km = spec.facilities[s].location.planarKilometresSquared(to: spec.facilities[f].location)
          if best == nil || km < best!.1 { best = (f, km) }
        }
        if let (f, _) = best, !list.contains(f) { list.append(f) }
      }
      return list
    }
  }

  /// Opening and closing instants within the first week (day 0 = the start date). A close
  /// and an open at the same instant (a session running to midnight and the next day's from
  /// midnight) cancel out; sessions that never close give no changes and `alwaysOpen`.
  static func sessionChanges(_ spec: CareNetworkSpec) -> (changes: [(minute: Double, open: Bool)], alwaysOpen: Bool) {
    var changes: [(minute: Double, open: Bool)] = []
    for d in 0..<7 where spec.sessions.days[(d + spec.startWeekday) % 7] {
      let open = Double(d) * 1440 + spec.sessions.opensAt
      if let last = changes.last, !last.open, last.minute == open {
        changes.removeLast()
      } else {
        changes.append((open, true))
      }
      changes.append((Double(d) * 1440 + spec.sessions.closesAt, false))
    }
    let always = changes.count == 2 && changes[0].minute == 0 && changes[1].minute == 7 * 1440
    if always { return ([], true) }
    return (changes, false)
  }
}

/// Picks an index with probability proportional to its weight (one uniform per draw), through
/// the discrete distribution of SimRandom.
struct CategoricalChoice: Sendable {
  let table: Distribution

  init(weights: [Double]) {
    // The reader guarantees a positive total, so the table is valid.
    table = (try? Distribution.discrete(values: weights.indices.map(Double.init), probabilities: weights))!
  }

  func sample(using stream: RandomStream) -> Int { Int(table.sample(using: stream)) }
}

import SimRandom
