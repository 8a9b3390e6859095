import SimKernel
import SimRandom

/// The 102 ambulance service of one replication: its layout, the ambulances and calls, the
/// streams it draws from and what it observes. The care model holds one when the scenario
/// has ambulances and hands it the events that concern it.
///
/// Random streams (``StreamName``): `ambulance.calls` (when calls come, where from and of
/// which priority), `ambulance.times` (chute, time at scene and handover, in the order jobs
/// reach them) and `ambulance.admission` (whether an emergency patient needs a bed).
struct AmbulanceService {
  let spec: FleetSpec
  let layout: FleetLayout
  var ambulances: EntityTable<EntityKind.Ambulance, AmbulanceState>
  var calls = CallTable()
  /// Calls waiting for an ambulance, one list per priority (referral transfers last), each
  /// in order of arrival.
  var waiting: EntityTable<EntityKind.CallPriority, [CallID]>
  /// Calls since the start, never reset.
  var ledger = CallLedger()
  var stats: FleetStatistics
  private let callStream: RandomStream
  let timeStream: RandomStream
  let admissionStream: RandomStream
  let trace: TraceLog?
  /// With a trace kept for one district: that district, and each ambulance's by its base.
  var tracedDistrict: DistrictID?
  var baseDistrict = EntityTable<EntityKind.Ambulance, DistrictID>([])

  init(spec: FleetSpec, layout: FleetLayout, districts: Int, streams: StreamSource, trace: TraceLog?) {
    self.spec = spec
    self.layout = layout
    ambulances = EntityTable(spec.ambulances.map(AmbulanceState.init))
    waiting = EntityTable(repeating: [], count: spec.priorities.count + 1)
    stats = FleetStatistics(districts: districts, blocks: layout.places.blockNames.count,
                            ambulances: spec.ambulances.count)
    callStream = streams.stream(StreamName.ambulanceCalls)
    timeStream = streams.stream(StreamName.ambulanceTimes)
    admissionStream = streams.stream(StreamName.ambulanceAdmission)
    self.trace = trace
  }

  /// The lane of referral transfers: after every emergency priority.
  var transferLane: CallPriorityID { CallPriorityID(spec.priorities.count) }

  /// Schedules the first emergency call.
  func start(in sim: inout Simulation<CareEvent>) {
    scheduleNextCall(after: .zero, in: &sim)
  }

  private func scheduleNextCall(after time: SimTime, in sim: inout Simulation<CareEvent>) {
    let next = layout.callSource.process.next(afterMinutes: time.minutes, using: callStream)
    sim.schedule(.emergencyCall, at: SimTime(minutes: next))
  }

  /// An emergency call from a population-weighted place.
  mutating func receiveCall(in sim: inout Simulation<CareEvent>) {
    scheduleNextCall(after: sim.now, in: &sim)
    let source = layout.callSource
    let node = source.nodes[source.origin.sample(using: callStream)]
    let priority = source.priority.sample(using: callStream)
    openCall(node: node, priority: priority, patient: nil, in: &sim)
  }

  /// A referral from the teleconsultation side: the patient waits at the spoke for an
  /// ambulance in the lowest-priority lane.
  mutating func requestTransfer(of patient: TransferPatient, in sim: inout Simulation<CareEvent>) {
    openCall(node: layout.roads.node(of: patient.spoke), priority: transferLane, patient: patient, in: &sim)
  }

  private mutating func openCall(node: RoadNodeID, priority: CallPriorityID, patient: TransferPatient?,
                                 in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    let c = calls.open(node: node, time: now, priority: priority, patient: patient?.id,
                       firstBedRequest: patient?.firstBedRequest ?? true, isUrban: layout.places.isUrban[node])
    if patient != nil { stats.transfers += 1 } else { stats.calls += 1 }
    ledger.opened += 1
    if isTraced(node: node) {
      trace?.record(now, .callOpened(call: calls[c].serial, node: node, priority: priority, transferOf: patient?.serial))
    }
    if let a = nearestAvailableAmbulance(for: c) {
      dispatch(a, to: c, in: &sim)
    } else {
      stats.queued += 1
      waiting[priority].append(c)
    }
  }

  /// Whether the trace keeps what ambulance `a` does.
  func isTraced(_ a: AmbulanceID) -> Bool { tracedDistrict.map { baseDistrict[a] == $0 } ?? true }

  /// Whether the trace keeps calls from `node`.
  func isTraced(node: RoadNodeID) -> Bool { tracedDistrict.map { layout.places.district[node] == $0 } ?? true }

  /// Records an event of ambulance `a` if the trace keeps it.
  func note(_ time: SimTime, _ event: TraceEvent, ambulance a: AmbulanceID) {
    if isTraced(a) { trace?.record(time, event) }
  }

  /// Ends call `c` (its slot is reused).
  mutating func close(_ c: CallID) { calls.close(c) }

  /// Discards the figures gathered so far (end of warm-up), remembering each ambulance's
  /// busy time and distance so far.
  mutating func resetStatistics(at now: SimTime) {
    var fresh = FleetStatistics(districts: stats.byDistrict.count, blocks: stats.byBlock.count,
                                ambulances: ambulances.count)
    for a in ambulances.ids {
      fresh.busyAtWarmUp[a] = ambulances[a].busy(at: now)
      fresh.kmAtWarmUp[a] = ambulances[a].km
    }
    stats = fresh
  }
}

/// A referred patient handed to the ambulance service.
struct TransferPatient {
  let id: PatientID
  let serial: Int
  /// The spoke's facility, where the ambulance picks the patient up.
  let spoke: FacilityID
  let firstBedRequest: Bool
}

/// What became of a transfer patient when an ambulance stage ended.
enum TransferOutcome {
  case admitted(PatientID, at: FacilityID)
  case unplaced(PatientID)
}
