import Foundation

/// Where to base ambulances so that as many calls as possible are reached within their
/// response target: the maximal expected covering location problem (MEXCLP; Daskin,
/// Transportation Science 17(1), 1983), solved greedily.
///
/// A road node is *covered* by a base when chute time + travel (free-flow road time × the
/// average of the hour-of-day factors, i.e. at the scenario's road speed) is within the node's
/// target (urban or rural). Each ambulance is busy with probability q, independently, so a
/// node with n ambulances covering it is reached in time with probability 1 − qⁿ. Placing one
/// more ambulance at base j adds Σ over the nodes j covers of (calls there) × (1 − q) qⁿ. The
/// greedy rule adds, one at a time, the ambulance with the largest gain (ties to the earlier
/// base); the gains only fall as ambulances are added (the objective is submodular), so
/// stale gains are upper bounds and each step re-evaluates only the leading candidate (lazy
/// greedy, Minoux 1978), which gives the same answer as the full greedy rule.
///
/// Advanced ambulances are placed first, for the calls that need them; basic ones then for
/// the other calls, counting the advanced ones already placed (they take any call). The
/// expected coverage counts advanced calls as reached by advanced ambulances only.
public enum CoveragePlacement {
  /// Counts of each kind per candidate base.
  public struct Placement: Sendable, Equatable {
    /// The candidate bases, and the basic and advanced ambulances at each (same order).
    public let bases: [FacilityID]
    public let basic: [Int]
    public let advanced: [Int]
    /// Expected share of calls reached within target under the model's assumptions.
    public let expectedCoverage: Double
  }

  /// Places `basic` and `advanced` ambulances among the bases of `fleet`'s current fleet
  /// tiers (`candidates`), each busy with probability `busy`.
  /// - Precondition: 0 ≤ busy < 1.
  public static func place(basic: Int, advanced: Int, candidates: [FacilityID], spec: CareNetworkSpec, fleet: FleetSpec,
                           busy: Double) -> Placement {
    precondition(busy >= 0 && busy < 1)
    let roads = RoadPlacement(spec: spec, fleet: fleet)
    let travel = TravelTable(roads: roads, sources: candidates)
    var districts: [String] = []
    for f in spec.facilities where !districts.contains(f.district) { districts.append(f.district) }
    let places = NodePlaces(roads: roads, facilities: spec.facilities, districts: districts, urbanRadiusKm: fleet.urbanRadiusKm)
    let factor = fleet.conditions.hourOfDay.reduce(0, +) / Double(fleet.conditions.hourOfDay.count)
    let chute = fleet.chute.mean
    // Nodes each candidate covers (by node index), in node order.
    let covers: [[Int]] = candidates.map { base in
      let row = travel.minutesRow(from: base)
      return roads.graph.nodeIDs.compactMap { v in
        let target = places.isUrban[v] ? fleet.urbanTarget.minutes : fleet.ruralTarget.minutes
        return roads.nodePopulation[v.index] > 0 && chute + Double(row[v.index]) * factor <= target ? v.index : nil
      }
    }
    let calls = roads.nodePopulation.map(Double.init)
    let advancedShare = fleet.priorities.filter(\.needsAdvanced).reduce(0.0) { $0 + $1.share }
      / max(fleet.priorities.reduce(0.0) { $0 + $1.share }, .leastNonzeroMagnitude)
    // Advanced calls are reached by advanced ambulances only; the others by any.
    var coveringAdvanced = [Int](repeating: 0, count: calls.count)
    let advancedCounts = greedy(advanced, covers: covers, weights: calls.map { $0 * advancedShare }, busy: busy,
                                covering: &coveringAdvanced)
    var coveringAll = coveringAdvanced
    let basicCounts = greedy(basic, covers: covers, weights: calls.map { $0 * (1 - advancedShare) }, busy: busy,
                             covering: &coveringAll)
    let total = calls.reduce(0, +)
    let reached = calls.indices.reduce(0.0) {
      $0 + calls[$1] * (advancedShare * (1 - pow(busy, Double(coveringAdvanced[$1])))
                        + (1 - advancedShare) * (1 - pow(busy, Double(coveringAll[$1]))))
    }
    return Placement(bases: candidates, basic: basicCounts, advanced: advancedCounts,
                     expectedCoverage: total > 0 ? reached / total : 0)
  }

  /// Adds `count` ambulances one at a time where each gains most (lazy greedy); `covering`
  /// counts the ambulances covering each node and is updated.
  package static func greedy(_ count: Int, covers: [[Int]], weights: [Double], busy q: Double, covering: inout [Int]) -> [Int] {
    var placed = [Int](repeating: 0, count: covers.count)
    func gain(_ j: Int) -> Double {
      covers[j].reduce(0.0) { $0 + weights[$1] * (1 - q) * pow(q, Double(covering[$1])) }
    }
    var bound = covers.indices.map(gain)
    for _ in 0..<count {
      while true {
        // The leading candidate by its (possibly stale) bound; ties to the earlier base.
        guard let j = bound.indices.max(by: { bound[$0] < bound[$1] || (bound[$0] == bound[$1] && $0 > $1) }) else { return placed }
        let fresh = gain(j)
        bound[j] = fresh
        // j wins when its fresh gain leads every other base's bound, ties to the earlier base;
        // bounds only overstate, so no other base can do better.
        guard bound.indices.allSatisfy({ k in k == j || fresh > bound[k] || (fresh == bound[k] && j < k) }) else { continue }
        placed[j] += 1
        for v in covers[j] { covering[v] += 1 }
        bound[j] = gain(j)
        break
      }
    }
    return placed
  }
}
