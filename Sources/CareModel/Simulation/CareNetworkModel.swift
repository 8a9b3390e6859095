import SimKernel
import SimRandom
import SimStats

/// Events of the care-network model. Each payload is one 4-byte field at most, so that a
/// calendar entry is 24 bytes rather than 32: the statewide calendar holds tens of thousands
/// of entries (an arrival per spoke, a discharge per occupied bed) and the sift loops move
/// whole entries.
public enum CareEvent: Sendable {
  /// A patient asks for a teleconsultation at a spoke.
  case arrival(spoke: Int32)
  /// Every hub's session opens or closes.
  case session(open: Bool)
  /// A consultation ends.
  case consultEnd(patient: Int32)
  /// A call failed or the specialist was unavailable.
  case failedCall(patient: Int32)
  /// A referred patient reaches the next candidate hospital.
  case hospitalArrival(patient: Int32)
  /// An inpatient leaves a bed.
  case discharge(bedPool: Int32)
  /// A patient from outside teleconsultation asks for a bed.
  case otherAdmission(bedPool: Int32)
  /// A dated bed upgrade takes effect.
  case upgrade(step: Int32)
  /// A day ends (for the daily series).
  case midnight
  /// An emergency call reaches the 102 control room.
  case emergencyCall
  /// An ambulance finishes a stage of its job (drive, scene, handover, return).
  case ambulanceStage(ambulance: Int32)
}

/// One replication of a ``CareNetworkSpec``.
///
/// Random streams: `arrivals.SPOKE` (arrival times, then each patient's specialty),
/// `consult.SPECIALTY`, `outcome.SPECIALTY`, `calls` (failures and retries), `stay.TIER`,
/// `admissions.FACILITY` (admissions from outside teleconsultation).
public struct CareNetworkModel: SimulationModel {
  let spec: CareNetworkSpec
  let layout: CareLayout
  var patients = PatientTable()
  var pools: [ConsultPool]
  var beds: [BedPool]
  var stats: CareStatistics
  var ledger = CareLedger()
  let arrivalStreams: [RandomStream]
  let consultStreams: [RandomStream]
  let outcomeStreams: [RandomStream]
  let callStream: RandomStream
  let stayStreams: [RandomStream]
  /// Admission streams of bed pools with outside admissions (nil for the others).
  let otherAdmissionStreams: [RandomStream?]
  /// The ambulance service, when the scenario has one.
  var fleet: FleetState?
  let emergencyStream: RandomStream?
  let fleetTimeStream: RandomStream?
  var sessionOpen = false
  var warmUpEnd = 0.0
  /// Event log, kept only when a trace was asked for (memory stays flat otherwise). A
  /// reference so that logging does not need exclusive access to the model.
  var trace: TraceLog?

  /// Appends a trace line when tracing; the text is not even built otherwise.
  func note(_ now: Double, _ text: @autoclosure () -> String) {
    trace?.lines.append("\(CareNetworkModel.clock(now)) \(text())")
  }

  /// The serial number that traces give the patient in slot `p`.
  func patientSerial(_ p: Int32) -> Int { patients.serial[Int(p)] }

  /// `d3 09:05.50`: day number and time of day, for trace lines.
  static func clock(_ t: Double) -> String {
    let day = Int(t / 1440)
    let minute = t - Double(day) * 1440
    let h = Int(minute / 60)
    let m = minute - Double(h) * 60
    let mm = (m * 100).rounded() / 100
    return "d\(day) \(h < 10 ? "0" : "")\(h):\(mm < 10 ? "0" : "")\(mm)"
  }

  /// Builds the model of one replication.
  public init(spec: CareNetworkSpec, layout: CareLayout, seeder: StreamSeeder) {
    self.spec = spec
    self.layout = layout
    pools = layout.poolSpecialists.map { ConsultPool(specialists: $0) }
    beds = layout.bedFacilities.map { BedPool(facility: $0, capacity: spec.facilities[$0].beds) }
    stats = CareStatistics(layout: layout, specialties: spec.specialties.count)
    arrivalStreams = spec.spokes.map { seeder.stream("arrivals.\(spec.facilities[$0].id)") }
    consultStreams = spec.specialties.map { seeder.stream("consult.\($0.name)") }
    outcomeStreams = spec.specialties.map { seeder.stream("outcome.\($0.name)") }
    callStream = seeder.stream("calls")
    stayStreams = Tier.allCases.map { seeder.stream("stay.\($0.rawValue)") }
    if let f = spec.fleet, let fl = layout.fleet {
      fleet = FleetState(ambulances: f.ambulances, priorities: f.priorities.count, districts: layout.districts.count,
                         blocks: fl.blocks.count)
      emergencyStream = seeder.stream("ambulance.calls")
      fleetTimeStream = seeder.stream("ambulance.times")
    } else {
      fleet = nil
      emergencyStream = nil
      fleetTimeStream = nil
    }
    otherAdmissionStreams = layout.bedFacilities.map { f in
      spec.otherAdmissionsPerDay[spec.facilities[f].tier.rank] > 0 ? seeder.stream("admissions.\(spec.facilities[f].id)") : nil
    }
  }

  /// Schedules first arrivals, sessions, midnights and upgrades.
  public mutating func start(in sim: inout Simulation<CareEvent>) {
    for s in spec.spokes.indices {
      scheduleNextArrival(spoke: s, after: 0, in: &sim)
    }
    if layout.sessionsAlwaysOpen {
      sim.schedule(.session(open: true), at: .zero, priority: -2)
    } else if let (t, open) = layout.nextSessionChange(from: 0, isOpen: false) {
      sim.schedule(.session(open: open), at: SimTime(minutes: t), priority: -2)
    }
    sim.schedule(.midnight, at: SimTime(minutes: 1440), priority: -3)
    for b in beds.indices where otherAdmissionStreams[b] != nil { scheduleOtherAdmission(b, after: 0, in: &sim) }
    if fleet != nil { scheduleNextCall(after: 0, in: &sim) }
    for (i, u) in spec.upgrades.enumerated() {
      sim.schedule(.upgrade(step: Int32(i)), at: SimTime(minutes: u.atMinutes), priority: -1)
    }
  }

  public mutating func handle(_ event: CareEvent, in sim: inout Simulation<CareEvent>) {
    switch event {
    case .arrival(let s): arrive(spoke: Int(s), in: &sim)
    case .session(let open): changeSession(open: open, in: &sim)
    case .consultEnd(let patient): endConsult(pool: Int(patients.pool[Int(patient)]), patient: patient, in: &sim)
    case .failedCall(let patient): failCall(pool: Int(patients.pool[Int(patient)]), patient: patient, in: &sim)
    case .hospitalArrival(let patient): reachHospital(patient, in: &sim)
    case .discharge(let b): discharge(bedPool: Int(b), at: sim.now.minutes)
    case .otherAdmission(let b):
      scheduleOtherAdmission(Int(b), after: sim.now.minutes, in: &sim)
      if occupyBed(Int(b), in: &sim) { stats.otherAdmissions += 1 }
    case .upgrade(let step): applyUpgrade(Int(step), at: sim.now.minutes)
    case .emergencyCall: receiveCall(in: &sim)
    case .ambulanceStage(let a): advanceAmbulance(Int(a), in: &sim)
    case .midnight:
      stats.closeDay(bedsOccupied: beds.reduce(0) { $0 + $1.occupied }, afterWarmUp: sim.now.minutes > warmUpEnd)
      sim.schedule(.midnight, after: SimDuration(minutes: 1440), priority: -3)
    }
  }

  public mutating func endWarmUp(at time: SimTime) {
    warmUpEnd = time.minutes
    stats.reset()
    for i in pools.indices { pools[i].reset(at: time.minutes) }
    for i in beds.indices { beds[i].reset(at: time.minutes) }
    fleet?.resetStatistics(at: time.minutes)
  }

  // MARK: arrivals and consultations

  mutating func scheduleNextArrival(spoke s: Int, after t: Double, in sim: inout Simulation<CareEvent>) {
    var next = t
    // Growth by thinning: candidates at the peak growth factor, kept with g(t)/g(max).
    repeat {
      next = layout.arrivals[s].next(afterMinutes: next, using: arrivalStreams[s])
    } while layout.growthMax > 1 && arrivalStreams[s].uniform() * layout.growthMax > layout.growth(at: next)
    sim.schedule(.arrival(spoke: Int32(s)), at: SimTime(minutes: next))
  }

  mutating func arrive(spoke s: Int, in sim: inout Simulation<CareEvent>) {
    let now = sim.now.minutes
    scheduleNextArrival(spoke: s, after: now, in: &sim)
    let specialty = layout.specialtyChoice.sample(using: arrivalStreams[s])
    let patient = patients.admit(spoke: s, specialty: specialty, at: now)
    ledger.arrived += 1
    stats.request(spoke: s, specialty: specialty)
    note(now, "arrival patient=\(patientSerial(patient)) spoke=\(spec.facilities[spec.spokes[s]].id) specialty=\(spec.specialties[specialty].name)")
    join(patient, pool: layout.pool(spoke: s, specialty: specialty), in: &sim)
  }

  mutating func join(_ patient: Int32, pool p: Int, in sim: inout Simulation<CareEvent>) {
    switch pools[p].resource.arrive(patient) {
    case .served: startConsult(patient, pool: p, in: &sim)
    case .queued, .refused: break
    }
    pools[p].busy.update(to: pools[p].resource.busy, atMinutes: sim.now.minutes)
  }

  mutating func startConsult(_ patient: Int32, pool p: Int, in sim: inout Simulation<CareEvent>) {
    let i = Int(patient)
    patients.attempts[i] += 1
    patients.pool[i] = Int32(p)
    let u = callStream.uniform()
    if u < spec.policy.connectionFailure + spec.policy.doctorUnavailable {
      let lost = u < spec.policy.connectionFailure ? spec.policy.failedCallMinutes : 0
      note(sim.now.minutes, "call-failed patient=\(patientSerial(patient)) queue=\(p) lost=\(lost)min")
      sim.schedule(.failedCall(patient: patient), after: SimDuration(minutes: lost))
      return
    }
    let specialty = Int(patients.specialty[i])
    let wait = sim.now.minutes - patients.arrival[i]
    let sameDay = layout.day(of: sim.now.minutes) == layout.day(of: patients.arrival[i])
    stats.consult(spoke: Int(patients.spoke[i]), specialty: specialty, wait: wait, sameDay: sameDay)
    pools[p].consults += 1
    pools[p].wait.record(wait)
    let minutes = spec.specialties[specialty].consult.sample(using: consultStreams[specialty])
    note(sim.now.minutes, "consult-start patient=\(patientSerial(patient)) queue=\(p) waited=\((wait * 100).rounded() / 100)min")
    sim.schedule(.consultEnd(patient: patient), after: SimDuration(minutes: minutes))
  }

  /// Frees the specialist and gives them the next waiting patient.
  mutating func releaseSpecialist(pool p: Int, in sim: inout Simulation<CareEvent>) {
    if let (next, _) = pools[p].resource.complete(at: sim.now) { startConsult(next, pool: p, in: &sim) }
    pools[p].busy.update(to: pools[p].resource.busy, atMinutes: sim.now.minutes)
  }

  mutating func endConsult(pool p: Int, patient: Int32, in sim: inout Simulation<CareEvent>) {
    releaseSpecialist(pool: p, in: &sim)
    let specialty = Int(patients.specialty[Int(patient)])
    let s = spec.specialties[specialty]
    let u = outcomeStreams[specialty].uniform()
    if u < s.admitProbability {
      admitAtSpoke(patient, in: &sim)
    } else if u < s.admitProbability + s.referProbability {
      refer(patient, in: &sim)
    } else {
      note(sim.now.minutes, "home patient=\(patientSerial(patient))")
      ledger.home += 1
      patients.release(patient)
    }
  }

  mutating func failCall(pool p: Int, patient: Int32, in sim: inout Simulation<CareEvent>) {
    releaseSpecialist(pool: p, in: &sim)
    stats.failedAttempts += 1
    let i = Int(patient)
    if Int(patients.attempts[i]) < spec.policy.maxAttempts && callStream.uniform() < spec.policy.retryProbability {
      pools[p].retry.append(patient)
    } else {
      abandon(patient, at: sim.now.minutes)
    }
  }

  mutating func abandon(_ patient: Int32, at now: Double) {
    note(now, "abandon patient=\(patientSerial(patient))")
    let i = Int(patient)
    stats.abandon(spoke: Int(patients.spoke[i]), specialty: Int(patients.specialty[i]))
    ledger.abandoned += 1
    patients.release(patient)
  }

  mutating func changeSession(open: Bool, in sim: inout Simulation<CareEvent>) {
    sessionOpen = open
    let now = sim.now.minutes
    note(now, open ? "session-open" : "session-close")
    for p in pools.indices {
      pools[p].resource.setCapacity(open ? pools[p].specialists : 0, at: sim.now)
      pools[p].onDuty.update(to: open ? pools[p].specialists : 0, atMinutes: now)
      if open {
        // Those already in line go first; patients whose call failed rejoin at the back.
        while let (next, _) = pools[p].resource.startNextIfFree() { startConsult(next, pool: p, in: &sim) }
        let returning = pools[p].retry
        pools[p].retry.removeAll(keepingCapacity: true)
        for patient in returning { join(patient, pool: p, in: &sim) }
      } else if spec.policy.sessionEnd == .goHome {
        while let (patient, _) = pools[p].resource.drainQueue() { abandon(patient, at: now) }
        for patient in pools[p].retry { abandon(patient, at: now) }
        pools[p].retry.removeAll(keepingCapacity: true)
      }
      pools[p].busy.update(to: pools[p].resource.busy, atMinutes: now)
    }
    if !layout.sessionsAlwaysOpen, let (t, nextOpen) = layout.nextSessionChange(from: now, isOpen: open) {
      sim.schedule(.session(open: nextOpen), at: SimTime(minutes: t), priority: -2)
    }
  }
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

/// Lines of a replication's event log, and the ambulances' events and drives.
final class TraceLog {
  var lines: [String] = []
  var ambulanceRows: [String] = []
  var legs: [TrackLeg] = []
}
