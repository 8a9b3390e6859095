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

  /// Rows of the by-hub table: one per hub, or one per specialty with the statewide pool.
  var reportRowCount: Int { isStatewide ? specialtyCount : specialists.count / max(specialtyCount, 1) }

  /// The by-hub row a queue's figures go to: its hub, or its specialty with the statewide pool.
  func reportRow(of queue: ConsultQueueID) -> Int { isStatewide ? queue.index : queue.index / specialtyCount }

  /// The queues of hub `hub` (one per specialty), or for the statewide pool none.
  func queues(ofHub hub: HubID) -> [ConsultQueueID] {
    isStatewide ? [] : (hub.index * specialtyCount..<(hub.index + 1) * specialtyCount).map(ConsultQueueID.init)
  }

  /// The queue of each (spoke, specialty) under the assignment policy: the nearest hub (in the
  /// spoke's own district first, with `own-district`) among the hubs that have specialists of
  /// that specialty on duty.
  private static func assignHubs(_ spec: CareNetworkSpec, specialists perHub: [Int]) -> [ConsultQueueID] {
    let k = spec.specialties.count
    var result: [ConsultQueueID] = []
    result.reserveCapacity(spec.spokes.count * k)
    for s in spec.spokes {
      let here = spec[facility: s]
      let ranked = spec.hubs.indices.map { h -> (hub: Int, km: Double, other: Bool) in
        let f = spec[facility: spec.hubs[h]]
        let other = spec.policy.assignment == .ownDistrict && f.district != here.district
        return (h, here.location.planarKilometresSquared(to: f.location), other)
      }.sorted { ($0.other ? 1 : 0, $0.km, $0.hub) < ($1.other ? 1 : 0, $1.km, $1.hub) }
      for c in 0..<k {
        let hub = ranked.first { perHub[$0.hub * k + c] > 0 }?.hub ?? ranked[0].hub
        result.append(ConsultQueueID(hub * k + c))
      }
    }
    return result
  }
}
