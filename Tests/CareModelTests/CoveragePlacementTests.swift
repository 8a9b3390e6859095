import CareModel
import Foundation
import SimKernel
import SimTestSupport
import Testing

/// Places ambulances on the line A-B-C (18-minute roads, bases at A and C) with 3,000 people at
/// A, 1,000 at C and a 10-minute target, each ambulance busy half the time.
private func placeOnLine(basic: Int, advanced: Int, priorities: [FleetSpec.Priority]? = nil) throws -> CoveragePlacement.Placement {
  var spec = try LineNetwork().spec()
  var fleet = spec.fleet!
  fleet.habitations = [Habitation(location: LineNetwork.a, population: 3000), Habitation(location: LineNetwork.c, population: 1000)]
  fleet.ruralTarget = SimDuration(minutes: 10)
  if let priorities { fleet.priorities = priorities }
  spec.fleet = fleet
  return CoveragePlacement.place(basic: basic, advanced: advanced, candidates: [FacilityID(1), FacilityID(3)], spec: spec,
                                 fleet: fleet, busy: 0.5)
}

@Suite("Coverage placement (maximal expected coverage, greedy)")
struct CoveragePlacementTests {
  @Test("with q = 0 each ambulance goes where it covers the most people not yet covered")
  func noBusyness() {
    // Base 0 covers nodes 0 and 1, base 1 nodes 1 and 2, base 2 node 2; 10, 100 and 10 people.
    var covering = [0, 0, 0]
    let placed = CoveragePlacement.greedy(2, covers: [[0, 1], [1, 2], [2]], weights: [10, 100, 10], busy: 0, covering: &covering)
    // First: bases 0 and 1 both gain 110 (tie to base 0); then only node 2 is uncovered: base 1
    // and base 2 gain 10 (tie to base 1).
    #expect(placed == [1, 1, 0])
    #expect(covering == [1, 2, 1])
  }

  @Test("with busy ambulances a second one joins the busiest area, by the gain (1 − q)qⁿ")
  func busyAmbulancesStack() {
    var covering = [0, 0, 0]
    let placed = CoveragePlacement.greedy(2, covers: [[0], [1], [2]], weights: [1, 100, 1], busy: 0.9, covering: &covering)
    // 100 × 0.1 × 0.9 = 9 for a second ambulance at base 1 beats 1 × 0.1 = 0.1 elsewhere.
    #expect(placed == [0, 2, 0])
    var none = [0, 0, 0]
    #expect(CoveragePlacement.greedy(2, covers: [[0], [1], [2]], weights: [1, 100, 1], busy: 0, covering: &none) == [1, 1, 0])
  }

  @Test("the lazy greedy rule places exactly as the full greedy rule")
  func lazyEqualsFull() {
    var state: UInt64 = 12345
    func next(_ n: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(n))
    }
    for _ in 0..<20 {
      let nodes = 30, bases = 8
      let covers = (0..<bases).map { _ in (0..<nodes).filter { _ in next(4) == 0 } }
      let weights = (0..<nodes).map { _ in Double(next(1000)) }
      let q = [0.0, 0.3, 0.7][next(3)]
      var lazyCovering = [Int](repeating: 0, count: nodes)
      let lazy = CoveragePlacement.greedy(12, covers: covers, weights: weights, busy: q, covering: &lazyCovering)
      // The full rule: every gain recomputed at every step, ties to the earlier base.
      var covering = [Int](repeating: 0, count: nodes)
      var full = [Int](repeating: 0, count: bases)
      for _ in 0..<12 {
        let gains = covers.map { c in c.reduce(0.0) { $0 + weights[$1] * (1 - q) * pow(q, Double(covering[$1])) } }
        let j = gains.indices.max { gains[$0] < gains[$1] || (gains[$0] == gains[$1] && $0 > $1) }!
        full[j] += 1
        for v in covers[j] { covering[v] += 1 }
      }
      #expect(lazy == full)
    }
  }

  @Test("on a road network, people and targets decide the bases: a hand count")
  func lineNetwork() throws {
    // A line A-B-C with 18-minute roads, bases at A and C, 3,000 people at A and 1,000 at C,
    // a 10-minute target: each base covers only its own node (2-minute chute). With q = 0.5:
    // A gains 1,500, then 750, then 375 < C's 500, so two ambulances at A and one at C.
    let p = try placeOnLine(basic: 3, advanced: 0)
    #expect(p.basic == [2, 1])
    #expect(p.advanced == [0, 0])
    // Expected coverage: (3,000 × (1 − 0.25) + 1,000 × 0.5) / 4,000.
    #expect(abs(p.expectedCoverage - (3000 * 0.75 + 500) / 4000) < 1e-12)
  }

  @Test("advanced calls count only advanced ambulances: a hand count")
  func advancedCalls() throws {
    // As above, but half the calls need an advanced ambulance, one of each kind, q = 0.5.
    // Advanced first: A gains 3,000 × 0.5 × 0.5 = 750 against C's 250. Basic then, for the
    // other half with A covered once: A gains 375 against C's 250. Expected coverage:
    // A's 3,000 × (0.5 × (1 − 0.5) + 0.5 × (1 − 0.25)) = 1,875 of 4,000 (0.5625 if basic
    // ambulances were counted for advanced calls).
    let p = try placeOnLine(basic: 1, advanced: 1, priorities: [
      .init(name: "critical", share: 0.5, needsAdvanced: true), .init(name: "urgent", share: 0.5, needsAdvanced: false),
    ])
    #expect(p.advanced == [1, 0] && p.basic == [1, 0])
    #expect(abs(p.expectedCoverage - 1875.0 / 4000) < 1e-12)
  }
}
