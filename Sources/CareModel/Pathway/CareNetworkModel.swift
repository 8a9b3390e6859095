import SimKernel
import SimRandom
import SimStats

/// One replication of a ``CareNetworkSpec``: patients ask for teleconsultation at spokes,
/// wait for a specialist at a hub, and go home, are admitted, or are referred on (by
/// ambulance when the scenario has an ambulance service); beds, outside admissions and dated
/// upgrades run alongside. `docs/architecture.md` follows one patient through this code.
///
/// Random streams: one per source of variation, seeded from the seed, the replication and
/// the stream's name (``StreamName`` lists them and what each drives).
public struct CareNetworkModel: SimulationModel {
  let spec: CareNetworkSpec
  let layout: CareLayout
  var patients = PatientTable()
  var queues: EntityTable<EntityKind.ConsultQueue, ConsultQueue>
  var beds: BedWard
  /// The ambulance service, when the scenario has one.
  var fleet: AmbulanceService?
  /// Medicine stock at spokes and warehouses, when the scenario has medicines.
  var medicines: MedicineStore?
  /// Hospital kitchens, when the scenario has them.
  var kitchens: Kitchens?
  /// ASHA-mobilised patients who came and who were seen, since the end of warm-up.
  var mobilised = (arrived: 0, seen: 0)
  var stats: CareStatistics
  /// Patients waiting statewide, by hour of the week (the report's heatmap).
  var waitingByHour: HourOfWeekLevel
  var ledger = CareLedger()
  let streams: CareStreams
  var warmUpEnd = SimTime.zero
  /// The horizon: an event at it (a midnight, a meal) belongs to the day after the run.
  var endOfRun = SimTime(minutes: .infinity)
  /// Event log, kept only when a trace was asked for (memory stays flat otherwise).
  let trace: TraceLog?

  /// Builds the model of one replication.
  init(spec: CareNetworkSpec, layout: CareLayout, streams source: StreamSource, trace filter: TraceFilter?) {
    let trace = filter.map(TraceLog.init)
    self.spec = spec
    self.layout = layout
    self.trace = trace
    queues = layout.queues.specialists.map(ConsultQueue.init)
    beds = BedWard(spec: spec, layout: layout.beds, streams: source, trace: trace)
    stats = CareStatistics(spokeDistrict: layout.spokeDistrict, districts: layout.districts.count,
                           specialties: spec.specialties.count, queueGroups: layout.queues.groupCount)
    streams = CareStreams(spec: spec, beds: layout.beds, source: source)
    waitingByHour = HourOfWeekLevel(startWeekday: spec.startWeekday)
    if let f = spec.fleet, let fl = layout.fleet {
      fleet = AmbulanceService(spec: f, layout: fl, districts: layout.districts.count, streams: source, trace: trace)
      fleet?.tracedDistrict = filter?.district.flatMap { layout.districts.firstIndex(of: $0) }.map(DistrictID.init)
      fleet?.baseDistrict = EntityTable(f.ambulances.map { a in
        DistrictID(layout.districts.firstIndex(of: spec[facility: a.base].district) ?? 0)
      })
    }
    medicines = layout.medicines.map { MedicineStore(layout: $0, spec: spec, streams: source) }
    kitchens = spec.kitchens.map { Kitchens(supply: $0, spec: spec, beds: layout.beds) }
  }

  /// Schedules first arrivals, sessions, midnights, outside admissions, calls and upgrades.
  mutating func start(in sim: inout Simulation<CareEvent>) {
    for s in spec.spokeIDs { scheduleNextArrival(at: s, after: .zero, in: &sim) }
    if layout.sessions.alwaysOpen {
      sim.schedule(.session(open: true), at: .zero, priority: .sessionChange)
    } else if let change = layout.sessions.nextChange(from: .zero, isOpen: false) {
      sim.schedule(.session(open: change.open), at: change.at, priority: .sessionChange)
    }
    sim.schedule(.midnight, at: .startOfDay(1), priority: .dayBoundary)
    for b in streams.outsideAdmissions.ids where streams.outsideAdmissions[b] != nil {
      scheduleOutsideAdmission(to: b, after: .zero, in: &sim)
    }
    fleet?.start(in: &sim)
    for (i, u) in spec.upgrades.enumerated() { sim.schedule(.upgrade(UpgradeID(i)), at: u.at, priority: .bedUpgrade) }
    if let arrivals = layout.asha?.arrivals, let stream = streams.asha {
      sim.schedule(.ashaArrival, at: SimTime(minutes: arrivals.next(afterMinutes: 0, using: stream)))
    }
    if let first = kitchens?.firstMeal { sim.schedule(.meal, at: first) }
  }

  public mutating func handle(_ event: CareEvent, in sim: inout Simulation<CareEvent>) {
    switch event {
    case .arrival(let s): arrive(at: s, in: &sim)
    case .session(let open): changeSession(open: open, in: &sim)
    case .consultEnd(let p): endConsult(p, in: &sim)
    case .failedCall(let p): failCall(p, in: &sim)
    case .hospitalArrival(let p): reachHospital(p, in: &sim)
    case .discharge(let b): beds.discharge(b, at: sim.now)
    case .otherAdmission(let b): admitFromOutside(to: b, in: &sim)
    case .upgrade(let u): beds.upgrade(spec.upgrades[u.index].facilities, to: spec.upgrades[u.index].beds, at: sim.now)
    case .midnight: closeDay(in: &sim)
    case .emergencyCall: fleet?.receiveCall(in: &sim)
    case .ambulanceStage(let a): finish(fleet?.advance(a, beds: &beds, in: &sim), at: sim.now)
    case .delivery(let o): medicines?.deliver(o, at: sim.now)
    case .ashaArrival: mobilise(in: &sim)
    case .meal: serveMeals(in: &sim)
    }
    checkInvariantsIfEnabled()
  }

  public func fingerprintCode(of event: CareEvent) -> UInt64 { event.fingerprintCode }

  public mutating func endWarmUp(at time: SimTime) {
    warmUpEnd = time
    stats.reset()
    waitingByHour.reset(at: time)
    for q in queues.ids { queues[q].reset(at: time) }
    beds.reset(at: time)
    fleet?.resetStatistics(at: time)
    medicines?.reset(at: time)
    kitchens?.reset()
    mobilised = (0, 0)
  }

  /// Ends a day of the daily series and schedules the next midnight.
  private mutating func closeDay(in sim: inout Simulation<CareEvent>) {
    let day = beds.closeDay(at: sim.now)
    stats.closeDay(sim.now.day - 1, bedsOccupied: beds.occupied, bedsRefused: day.refused, tierOccupancy: day.tierOccupancy,
                   afterWarmUp: sim.now > warmUpEnd)
    kitchens?.closeDay(afterWarmUp: sim.now > warmUpEnd)
    if sim.now < endOfRun { medicines?.reviewPeriodic(day: sim.now.day, in: &sim) }
    sim.schedule(.midnight, after: .day, priority: .dayBoundary)
  }

  /// Conservation, checked after every event in `SIM_INTERNAL_CHECKS` builds: every patient
  /// who arrived has ended or is still in the system, and every call likewise.
  private func checkInvariantsIfEnabled() {
    #if SIM_INTERNAL_CHECKS
    precondition(ledger.arrived == ledger.ended + patients.active, "patients not conserved: \(ledger)")
    if let f = fleet {
      let l = f.ledger
      precondition(l.opened == l.served + l.failed + l.unplaced + f.calls.openCount, "calls not conserved: \(l)")
    }
    medicines?.checkInvariants()
    #endif
  }
}

/// The care model's own random streams (the ambulance service keeps its own).
struct CareStreams {
  let arrivals: EntityTable<EntityKind.Spoke, RandomStream>
  let consult: EntityTable<EntityKind.Specialty, RandomStream>
  let outcome: EntityTable<EntityKind.Specialty, RandomStream>
  let calls: RandomStream
  /// When ASHA-mobilised patients come and to which spoke (only when the scenario has ASHAs).
  let asha: RandomStream?
  /// Admissions from outside teleconsultation to each bed pool whose tier has them.
  let outsideAdmissions: EntityTable<EntityKind.BedPool, OutsideAdmissions?>

  init(spec: CareNetworkSpec, beds: BedLayout, source: StreamSource) {
    arrivals = EntityTable(spec.spokes.map { source.stream(StreamName.arrivals(spec[facility: $0])) })
    consult = EntityTable(spec.specialties.map { source.stream(StreamName.consult($0)) })
    outcome = EntityTable(spec.specialties.map { source.stream(StreamName.outcome($0)) })
    calls = source.stream(StreamName.calls)
    asha = spec.asha.map { _ in source.stream(StreamName.ashaArrivals) }
    outsideAdmissions = beds.facilities.map { f in
      let perDay = spec.otherAdmissionsPerDay[spec[facility: f].tier.rank]
      return perDay > 0
        ? OutsideAdmissions(stream: source.stream(StreamName.admissions(spec[facility: f])), meanGap: .day / perDay) : nil
    }
  }
}

/// A Poisson stream of admissions from outside teleconsultation (walk-ins, deliveries,
/// emergencies) to one bed pool.
struct OutsideAdmissions {
  let stream: RandomStream
  let meanGap: SimDuration
}

/// Counts since the start of the run (never reset), for conservation checks: every patient
/// who arrived went home, was admitted, was referred and found no bed, gave up, or is still
/// in the system.
public struct CareLedger: Sendable, Equatable {
  public var arrived = 0
  public var home = 0
  public var admittedAtSpoke = 0
  public var admittedOnReferral = 0
  public var unplaced = 0
  public var abandoned = 0
  /// Patients who have ended one way or another.
  public var ended: Int { home + admittedAtSpoke + admittedOnReferral + unplaced + abandoned }
}
