/// Which teleconsultation queue each spoke's patients join, and how many specialists serve
/// each queue during sessions.
///
/// Queues are per (hub, specialty), numbered `hub × specialties + specialty`; with the
/// statewide pool there is one queue per specialty, served by every hub's specialists of it.
struct QueueLayout: Sendable {
  /// Specialists on duty in each queue while a session is open.
  let specialists: EntityTable<EntityKind.ConsultQueue, Int>
  /// The queue of (spoke, specialty), at `spoke × specialties + specialty`.
  private let queueOfSpoke: [ConsultQueueID]
  private let specialtyCount: Int
  /// One statewide queue per specialty.
  let isStatewide: Bool

  init(spec: CareNetworkSpec) {
    let k = spec.specialties.count
    specialtyCount = k
    isStatewide = spec.policy.assignment == .statewidePool
    let perHub = spec.hubs.flatMap { h in spec.specialties.map { $0.specialistsByHubTier[spec[facility: h].tier.rank] } }
    if isStatewide {
      specialists = EntityTable(spec.specialties.indices.map { c in
        spec.hubs.indices.reduce(0) { $0 + perHub[$1 * k + c] }
      })
      queueOfSpoke = spec.spokes.flatMap { _ in spec.specialties.indices.map(ConsultQueueID.init) }
    } else {
      specialists = EntityTable(perHub)
      queueOfSpoke = Self.assignHubs(spec, specialists: perHub)
    }
  }

  /// The queue that a patient of `specialty` at `spoke` joins.
  func queue(spoke: SpokeID, specialty: SpecialtyID) -> ConsultQueueID {
    queueOfSpoke[spoke.index * specialtyCount + specialty.index]
  }

  /// Groups of queues reported as one row of the by-hub table: one per hub, or one per
  /// specialty with the statewide pool.
  var groupCount: Int { isStatewide ? specialtyCount : specialists.count / max(specialtyCount, 1) }

  /// The group (by-hub row) a queue's figures go to: its hub, or its own with the statewide pool.
  func group(of queue: ConsultQueueID) -> QueueGroupID {
    QueueGroupID(isStatewide ? queue.index : queue.index / specialtyCount)
  }

  /// The queues of hub `hub` (one per specialty), or for the statewide pool none.
  func queues(ofHub hub: HubID) -> [ConsultQueueID] {
    isStatewide ? [] : (hub.index * specialtyCount..<(hub.index + 1) * specialtyCount).map(ConsultQueueID.init)
  }

  /// The queue of each (spoke, specialty) under the assignment policy: the nearest hub (in the
  /// spoke's own district first, with `own-district`) among the hubs that have specialists of
  /// that specialty on duty; the nearest hub of all when none has. Hubs are ranked by (other
  /// district, squared planar distance, hub order); one scan per spoke and specialty finds the
  /// first in that order, so no hub list is sorted and no facility record is copied.
  private static func assignHubs(_ spec: CareNetworkSpec, specialists perHub: [Int]) -> [ConsultQueueID] {
    let k = spec.specialties.count
    let districts = spec.districts
    let hubLocation = spec.hubs.map { spec[facility: $0].location }
    let hubDistrict = spec.hubs.map { h in districts.firstIndex(of: spec[facility: h].district) ?? -1 }
    let ownDistrict = spec.policy.assignment == .ownDistrict
    var result: [ConsultQueueID] = []
    result.reserveCapacity(spec.spokes.count * k)
    var keys = [(other: Int, km: Double)](repeating: (0, 0), count: spec.hubs.count)
    for s in spec.spokes {
      let here = spec.facilities[s.index].location
      let district = districts.firstIndex(of: spec.facilities[s.index].district) ?? -1
      for h in keys.indices {
        keys[h] = (ownDistrict && hubDistrict[h] != district ? 1 : 0, here.planarKilometresSquared(to: hubLocation[h]))
      }
      func first(where ok: (Int) -> Bool) -> Int? {
        var best: Int?
        for h in keys.indices where ok(h) {
          if let b = best, (keys[b].other, keys[b].km) <= (keys[h].other, keys[h].km) { continue }
          best = h
        }
        return best
      }
      let nearest = first { _ in true } ?? 0
      for c in 0..<k {
        let hub = first { perHub[$0 * k + c] > 0 } ?? nearest
        result.append(ConsultQueueID(hub * k + c))
      }
    }
    return result
  }
}
