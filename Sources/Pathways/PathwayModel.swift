import SimKernel
import SimRandom
import SimStats

/// Events of the pathway model.
public enum PathwayEvent: Sendable {
  /// An outside arrival of `patientClass` at `station`.
  case arrival(station: StationID, patientClass: ClassID)
  /// The patient finishes service at their station.
  case serviceEnd(PatientSlot)
  /// The patient's waiting-time limit runs out (ignored if that wait is over).
  case patienceEnd(PatientSlot, ticket: UInt64)
  /// The patient reaches the station they were sent to after its delay.
  case delayEnd(PatientSlot)
  /// The patient comes back for another visit.
  case comeBack(PatientSlot)
  /// A resource's roster changes the number of servers on duty.
  case rosterChange(ResourceID)

  var fingerprintCode: UInt64 {
    switch self {
    case .arrival(let s, let c): return 1 << 48 | UInt64(UInt32(bitPattern: s.rawValue)) << 16 | UInt64(UInt16(truncatingIfNeeded: c.rawValue))
    case .serviceEnd(let p): return 2 << 48 | UInt64(UInt32(bitPattern: p.rawValue))
    case .patienceEnd(let p, _): return 3 << 48 | UInt64(UInt32(bitPattern: p.rawValue))
    case .delayEnd(let p): return 4 << 48 | UInt64(UInt32(bitPattern: p.rawValue))
    case .comeBack(let p): return 5 << 48 | UInt64(UInt32(bitPattern: p.rawValue))
    case .rosterChange(let r): return 6 << 48 | UInt64(UInt32(bitPattern: r.rawValue))
    }
  }
}

extension EventPriority {
  /// A roster change comes first at its instant, so that a patient arriving as a shift
  /// starts finds the new servers on duty.
  static let pathwayRoster = EventPriority(-1)
}

/// One replication of a ``PathwaySpec``.
///
/// Random streams, one per source of variation: `arrivals.STATION.CLASS`, `service.STATION`,
/// `routing.STATION`, `patience.STATION`, `delay.STATION`, `returns.CLASS`.
public struct PathwayModel: SimulationModel {
  let spec: PathwaySpec
  let lanes: [Int]
  var patients = PatientPool()
  var pools: [PoolState]
  var stations: [StationTally]
  /// Exits since warm-up by class and outcome (`Outcome.rawValue`).
  var exits: [[Int]]
  var classSojourn: [Tally]
  var networkSojourn = Tally()
  let arrivalStreams: [[RandomStream?]]
  let serviceStreams: [RandomStream]
  let routingStreams: [RandomStream]
  let patienceStreams: [RandomStream]
  let delayStreams: [RandomStream]
  let returnStreams: [RandomStream]
  /// The event log, kept only when a trace is asked for.
  var log: PathwayLog?
  /// Waits at the first station in order of service start, kept only for a pilot run.
  var pilot: PathwayLog?
  /// Outside arrivals and final exits since the start (never reset), for conservation checks.
  package private(set) var externalArrivals = 0
  package internal(set) var totalExits = 0

  /// Builds the model of one replication with streams from `seeder`.
  public init(spec: PathwaySpec, seeder: StreamSeeder) {
    self.spec = spec
    lanes = spec.laneOfClass
    let laneCount = spec.laneCount
    pools = spec.resources.map { PoolState(servers: $0.roster.servers(at: .zero), lanes: laneCount) }
    stations = spec.stations.map { _ in StationTally(classes: spec.classes.count) }
    exits = spec.classes.map { _ in Array(repeating: 0, count: PathwaySpec.Outcome.allCases.count) }
    classSojourn = Array(repeating: Tally(), count: spec.classes.count)
    arrivalStreams = spec.stations.map { s in
      spec.classes.indices.map { c in
        s.arrivals[c] == nil ? nil : seeder.stream("arrivals.\(s.name).\(spec.classes[c].name)")
      }
    }
    serviceStreams = spec.stations.map { seeder.stream("service.\($0.name)") }
    routingStreams = spec.stations.map { seeder.stream("routing.\($0.name)") }
    patienceStreams = spec.stations.map { seeder.stream("patience.\($0.name)") }
    delayStreams = spec.stations.map { seeder.stream("delay.\($0.name)") }
    returnStreams = spec.classes.map { seeder.stream("returns.\($0.name)") }
  }

  /// The event's kind and patient, station or resource, for the trajectory fingerprint.
  public func fingerprintCode(of event: PathwayEvent) -> UInt64 { event.fingerprintCode }

  /// Schedules the first arrivals and roster changes.
  public mutating func start(in sim: inout Simulation<PathwayEvent>) {
    for (s, station) in spec.stations.enumerated() {
      for c in spec.classes.indices {
        guard let process = station.arrivals[c], let stream = arrivalStreams[s][c] else { continue }
        sim.schedule(.arrival(station: StationID(s), patientClass: ClassID(c)),
                     at: SimTime(minutes: process.next(afterMinutes: 0, using: stream)))
      }
    }
    for (r, pool) in spec.resources.enumerated() {
      if let change = pool.roster.nextChange(after: .zero) {
        sim.schedule(.rosterChange(ResourceID(r)), at: change, priority: .pathwayRoster)
      }
    }
  }

  /// Reacts to one event at `sim.now`.
  public mutating func handle(_ event: PathwayEvent, in sim: inout Simulation<PathwayEvent>) {
    switch event {
    case .arrival(let s, let c):
      let process = spec.stations[s.index].arrivals[c.index]!
      sim.schedule(event, at: SimTime(minutes: process.next(afterMinutes: sim.now.minutes,
                                                            using: arrivalStreams[s.index][c.index]!)))
      externalArrivals += 1
      let slot = patients.admit(c, at: s, now: sim.now.minutes)
      if let returns = spec.classes[c.index].returns {
        let visits = returns.visits.sample(using: returnStreams[c.index]).rounded()
        patients[slot].visitsLeft = Int32(min(max(visits, 1), Double(PathwaySpec.mostVisits)) - 1)
      }
      note("arrives", slot, at: s, sim.now.minutes)
      arrive(slot, at: s, in: &sim)
    case .serviceEnd(let slot):
      finishService(slot, in: &sim)
    case .patienceEnd(let slot, let ticket):
      guard patients.isWaiting(slot, ticket: ticket) else { return }
      giveUp(slot, in: &sim)
    case .delayEnd(let slot):
      join(slot, at: patients[slot].station, in: &sim)
    case .comeBack(let slot):
      patients[slot].enteredNetwork = sim.now.minutes
      let admittedAs = patients[slot].admittedAs
      let returns = spec.classes[admittedAs.index].returns!
      patients[slot].patientClass = returns.asClass ?? admittedAs
      patients[slot].visitClass = patients[slot].patientClass
      note("comes back", slot, at: returns.station, sim.now.minutes)
      arrive(slot, at: returns.station, in: &sim)
    case .rosterChange(let r):
      changeRoster(r, in: &sim)
    }
    checkInvariantsIfEnabled()
  }

  /// Conservation, checked after every event in `SIM_INTERNAL_CHECKS` builds: no count below
  /// zero; those waiting at a station are among those present; the patients waiting for a
  /// pool are those waiting at its stations; no one waits while a pool could start them; and
  /// everyone who came in has left or is still in the network.
  private func checkInvariantsIfEnabled() {
    #if SIM_INTERNAL_CHECKS
    var waitingFor = Array(repeating: 0, count: pools.count)
    for (s, st) in stations.enumerated() {
      precondition(st.waiting >= 0 && st.present >= st.waiting, "pathways: station \(s) counts patients wrongly")
      if let r = spec.stations[s].resource?.index { waitingFor[r] += st.waiting }
    }
    for (i, pool) in pools.enumerated() {
      precondition(pool.busy >= 0 && pool.waiting >= 0, "pathways: pool \(i) has a negative count")
      precondition(pool.waiting == waitingFor[i], "pathways: pool \(i) waiting \(pool.waiting) ≠ \(waitingFor[i]) at its stations")
      precondition(pool.waiting == 0 || !pool.hasFreeServer, "pathways: pool \(i) has a free server and a line")
    }
    precondition(externalArrivals - totalExits == patients.active, "pathways: patients not conserved")
    #endif
  }

  /// Discards the statistics gathered so far, keeping patients, lines and busy servers as
  /// the starting levels of the time averages.
  public mutating func endWarmUp(at time: SimTime) {
    let now = time.minutes
    for i in pools.indices { pools[i].reset(at: now) }
    for i in stations.indices { stations[i].reset(at: now) }
    for c in exits.indices { exits[c] = exits[c].map { _ in 0 } }
    classSojourn = classSojourn.map { _ in Tally() }
    networkSojourn = Tally()
  }

  /// The patient is sent to `station`: after the station's delay, if it has one, they join it.
  mutating func arrive(_ slot: PatientSlot, at station: StationID, in sim: inout Simulation<PathwayEvent>) {
    if let delay = spec.stations[station.index].delay {
      patients[slot].station = station
      sim.schedule(.delayEnd(slot), after: SimDuration(minutes: delay.sample(using: delayStreams[station.index])))
      return
    }
    join(slot, at: station, in: &sim)
  }

  /// The patient reaches `station`: overflows or is refused if it is full, starts service if
  /// a server is free, balks at a long line, or waits (with a patience clock).
  mutating func join(_ slot: PatientSlot, at station: StationID, in sim: inout Simulation<PathwayEvent>) {
    let now = sim.now.minutes
    let s = station.index
    let st = spec.stations[s]
    let c = patients[slot].patientClass.index
    stations[s].arrivals += 1
    stations[s].classArrivals[c] += 1
    if let k = st.capacity, stations[s].present >= k {
      if let target = st.overflow {
        stations[s].overflowed += 1
        note("overflows", slot, at: station, sim.now.minutes)
        arrive(slot, at: target, in: &sim)
      } else {
        stations[s].refused += 1
        note("is refused", slot, at: station, sim.now.minutes)
        leave(slot, .refused, in: &sim)
      }
      return
    }
    patients[slot].station = station
    patients[slot].arrivalAtStation = now
    guard let r = st.resource?.index else {
      stations[s].changePresent(by: 1, patientClass: c, at: now)
      startService(slot, at: station, waited: 0, in: &sim)
      return
    }
    if pools[r].hasFreeServer {
      stations[s].changePresent(by: 1, patientClass: c, at: now)
      pools[r].busy += 1
      pools[r].observe(at: now)
      startService(slot, at: station, waited: 0, in: &sim)
      return
    }
    if let most = st.balk[c], stations[s].waiting >= most {
      stations[s].balked += 1
      note("balks", slot, at: station, sim.now.minutes)
      leave(slot, .balked, in: &sim)
      return
    }
    stations[s].changePresent(by: 1, patientClass: c, at: now)
    stations[s].waiting += 1
    let ticket = patients.startWaiting(slot)
    pools[r].line.append(.init(slot: slot.rawValue, ticket: ticket), lane: lanes[c])
    pools[r].waiting += 1
    pools[r].observe(at: now)
    note("waits", slot, at: station, sim.now.minutes)
    if let patience = st.patience[c] {
      let limit = patience.limit.sample(using: patienceStreams[s])
      sim.schedule(.patienceEnd(slot, ticket: ticket), after: SimDuration(minutes: limit))
    }
  }

  mutating func startService(_ slot: PatientSlot, at station: StationID, waited: Double,
                             in sim: inout Simulation<PathwayEvent>) {
    let s = station.index
    let c = patients[slot].patientClass.index
    stations[s].wait.record(waited)
    stations[s].waitQuantiles.record(waited)
    stations[s].classWait[c].record(waited)
    if s == 0 { pilot?.record(sim.now.minutes, waited) }
    note("starts service", slot, at: station, sim.now.minutes)
    // The reader requires a service law for every class that can reach a station.
    let law = spec.stations[s].service[c]!
    sim.schedule(.serviceEnd(slot), after: SimDuration(minutes: law.sample(using: serviceStreams[s])))
  }

  mutating func finishService(_ slot: PatientSlot, in sim: inout Simulation<PathwayEvent>) {
    let now = sim.now.minutes
    let station = patients[slot].station
    let s = station.index
    let st = spec.stations[s]
    let c = patients[slot].patientClass.index
    let stay = now - patients[slot].arrivalAtStation
    stations[s].sojourn.record(stay)
    stations[s].classSojourn[c].record(stay)
    stations[s].completions += 1
    stations[s].changePresent(by: -1, patientClass: c, at: now)
    note("finishes", slot, at: station, sim.now.minutes)
    if let r = st.resource {
      if !st.holds || !hold(r, slot) { releaseUnit(r, in: &sim) }
    }
    for r in st.releases where drop(r, slot) { releaseUnit(r, in: &sim) }
    route(slot, from: station, in: &sim)
  }

  /// The patient's waiting-time limit ran out: they leave the line for the limit's destination.
  mutating func giveUp(_ slot: PatientSlot, in sim: inout Simulation<PathwayEvent>) {
    let now = sim.now.minutes
    let station = patients[slot].station
    let s = station.index
    let c = patients[slot].patientClass.index
    leaveLine(slot, at: now)
    stations[s].reneged += 1
    stations[s].classReneged[c] += 1
    note("runs out of patience", slot, at: station, sim.now.minutes)
    go(slot, to: spec.stations[s].patience[c]!.then, in: &sim)
  }
}
