import SimKernel
import SimRandom

/// Every bed pool of the network, and the one rule by which a patient gets a bed.
///
/// A patient who needs a bed asks hospitals in an order that the pathway decides (the spoke
/// first, then referral candidates; or, with ambulances, hospitals by road time from the
/// scene). ``request(at:firstRequest:in:)`` takes a free bed or refuses; a refusal counts
/// toward `beds.refused` only for the patient's first request, so that figure counts
/// admission requests that found no bed at the first hospital tried, in every mode. A
/// facility with no beds at the time (none at all, or not yet upgraded) is not a hospital
/// tried: it answers ``BedAnswer/noBeds`` and counts nothing.
struct BedWard {
  private(set) var pools: EntityTable<EntityKind.BedPool, BedPool>
  private let layout: BedLayout
  /// Length of stay by tier (rank), and the stream each tier draws from (`stay.TIER`).
  private let stays: [Distribution]
  private let stayStreams: [RandomStream]
  private let trace: TraceLog?
  /// Occupancy by tier, day by day (for the report).
  private var tierDays: TierOccupancyByDay
  /// Refusals (first requests) since the last midnight.
  private var refusedToday = 0

  init(spec: CareNetworkSpec, layout: BedLayout, streams: StreamSource, trace: TraceLog?) {
    pools = layout.facilities.map { f in BedPool(facility: f, tier: spec[facility: f].tier, capacity: spec[facility: f].beds) }
    self.layout = layout
    stays = spec.stays
    stayStreams = Tier.allCases.map { streams.stream(StreamName.stay($0)) }
    self.trace = trace
    var capacity = [Int](repeating: 0, count: Tier.allCases.count)
    for p in pools.values { capacity[p.tier.rank] += p.capacity }
    tierDays = TierOccupancyByDay(capacity: capacity)
  }

  /// Asks `facility` for a bed: takes one if free (and schedules the discharge), else
  /// refuses.
  /// - Parameter firstRequest: whether this is the patient's first request (only then does
  ///   a refusal count).
  mutating func request(at facility: FacilityID, firstRequest: Bool, in sim: inout Simulation<CareEvent>) -> BedAnswer {
    guard let b = layout.pool(of: facility) else { return .noBeds }
    return occupy(b, firstRequest: firstRequest, in: &sim)
  }

  /// Takes a bed in pool `b` if one is free and schedules the discharge; otherwise refuses.
  mutating func occupy(_ b: BedPoolID, firstRequest: Bool, in sim: inout Simulation<CareEvent>) -> BedAnswer {
    let now = sim.now
    pools[b].advance(to: now)
    guard pools[b].capacity > 0 else { return .noBeds }
    guard pools[b].hasFreeBed else {
      trace?.record(now, .bedRefused(at: pools[b].facility))
      if firstRequest {
        pools[b].refusals += 1
        refusedToday += 1
      }
      return .refused
    }
    pools[b].occupied += 1
    pools[b].admissions += 1
    tierDays.change(pools[b].tier, occupied: 1, at: now)
    let rank = pools[b].tier.rank
    sim.schedule(.discharge(b), after: SimDuration(minutes: stays[rank].sample(using: stayStreams[rank])))
    return .admitted
  }

  /// An inpatient leaves pool `b`.
  mutating func discharge(_ b: BedPoolID, at now: SimTime) {
    pools[b].advance(to: now)
    pools[b].occupied -= 1
    tierDays.change(pools[b].tier, occupied: -1, at: now)
    checkInvariantsIfEnabled(b)
  }

  /// A dated upgrade: the facilities' pools get `beds` beds from now.
  mutating func upgrade(_ facilities: [FacilityID], to beds: Int, at now: SimTime) {
    for f in facilities {
      guard let b = layout.pool(of: f) else { continue }
      pools[b].advance(to: now)
      tierDays.change(pools[b].tier, capacity: beds - pools[b].capacity, at: now)
      pools[b].capacity = beds
    }
  }

  /// Discards the figures gathered so far (end of warm-up).
  mutating func reset(at now: SimTime) {
    for b in pools.ids { pools[b].reset(at: now) }
    refusedToday = 0
  }

  /// Brings every pool's areas up to `now` (end of the run).
  mutating func close(at now: SimTime) {
    for b in pools.ids { pools[b].advance(to: now) }
  }

  /// Ends a day of the occupancy by tier: occupied bed-time over bed-time of the day just
  /// ended, by tier rank (NaN where a tier has no beds).
  mutating func closeDay(at now: SimTime) -> (tierOccupancy: [Double], refused: Int) {
    defer { refusedToday = 0 }
    return (tierDays.closeDay(at: now), refusedToday)
  }

  /// Beds occupied now, statewide.
  var occupied: Int { pools.values.reduce(0) { $0 + $1.occupied } }

  private func checkInvariantsIfEnabled(_ b: BedPoolID) {
    #if SIM_INTERNAL_CHECKS
    precondition(pools[b].occupied >= 0, "bed pool \(b): more discharges than admissions")
    #endif
  }
}

/// A facility's answer to a request for a bed.
enum BedAnswer {
  /// A bed was free and is now taken.
  case admitted
  /// Every bed was taken.
  case refused
  /// The facility has no beds at the time (none at all, or not yet upgraded).
  case noBeds
}
