import SimKernel

extension AmbulanceService {
  /// The next stage of ambulance `a`'s job. Returns what became of a transfer patient when a
  /// stage decides it (delivered to a hospital, or no bed anywhere).
  mutating func advance(_ a: AmbulanceID, beds: inout BedWard, in sim: inout Simulation<CareEvent>) -> TransferOutcome? {
    switch ambulances[a].status {
    case .toScene: arriveAtScene(a, in: &sim)
    case .atScene: return leaveScene(a, beds: &beds, in: &sim)
    case .toHospital: return reachHospital(a, in: &sim)
    case .handover: finishHandover(a, in: &sim)
    case .returning: reachBase(a, in: &sim)
    case .idle: break
    }
    return nil
  }

  /// At the scene (or at the spoke, for a transfer): the response is recorded for
  /// emergencies; the crew stays for the time at scene.
  private mutating func arriveAtScene(_ a: AmbulanceID, in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    guard let c = ambulances[a].call else { return }
    let call = calls[c]
    ambulances[a].status = .atScene
    if call.patient == nil {
      let response = now - call.time
      let within = response <= (call.isUrban ? spec.urbanTarget : spec.ruralTarget)
      stats.recordResponse(response, within: within, isUrban: call.isUrban, district: layout.places.district[call.node],
                           block: layout.places.block[call.node])
      note(now, .atScene(ambulance: a, call: call.serial, response: response), ambulance: a)
      move(a, .atScene, at: now, node: call.node, call: c, response: response)
    } else {
      note(now, .atSpoke(ambulance: a, call: call.serial), ambulance: a)
    }
    sim.schedule(.ambulanceStage(a), after: SimDuration(minutes: spec.atScene.sample(using: timeStream)))
  }

  /// Leaving the scene: a patient who needs a bed goes to the nearest hospital (by road) with
  /// a free bed, which is held by phone before leaving; the others to the nearest hospital.
  private mutating func leaveScene(_ a: AmbulanceID, beds: inout BedWard,
                                   in sim: inout Simulation<CareEvent>) -> TransferOutcome? {
    guard let c = ambulances[a].call else { return nil }
    let call = calls[c]
    let ranking = call.patient == nil ? layout.hospitals : layout.referralHospitals
    let needsBed = call.patient != nil
      || admissionStream.uniform() < spec.priorities[call.priority.index].admitProbability
    if !needsBed, let nearest = ranking.near[call.node].first {
      driveToHospital(a, nearest, from: call.node, in: &sim)
      return nil
    }
    var firstRequest = call.firstBedRequest
    for h in ranking.candidates(from: call.node, travel: layout.travel) {
      switch beds.request(at: h, firstRequest: firstRequest, in: &sim) {
      case .admitted:
        driveToHospital(a, h, from: call.node, in: &sim)
        return nil
      case .refused: firstRequest = false
      case .noBeds: continue
      }
    }
    return placeNowhere(a, c, in: &sim)
  }

  /// No hospital has a bed: the patient is not placed and the ambulance goes back.
  private mutating func placeNowhere(_ a: AmbulanceID, _ c: CallID, in sim: inout Simulation<CareEvent>) -> TransferOutcome? {
    let call = calls[c]
    stats.unplaced += 1
    ledger.unplaced += 1
    note(sim.now, .noBed(ambulance: a, call: call.serial), ambulance: a)
    close(c)
    returnToBase(a, from: call.node, in: &sim)
    return call.patient.map { .unplaced($0) }
  }

  private mutating func driveToHospital(_ a: AmbulanceID, _ h: FacilityID, from node: RoadNodeID,
                                        in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    ambulances[a].status = .toHospital
    ambulances[a].hospital = h
    ambulances[a].km += layout.travel.kilometres(from: h, to: node)
    let drive = travel(from: h, to: node, at: now)
    move(a, .toHospital, at: now, node: node, call: ambulances[a].call,
         drive: .init(to: layout.roads.node(of: h), arrival: now + drive))
    sim.schedule(.ambulanceStage(a), after: drive)
  }

  /// At the hospital: the patient is handed over (a transfer patient's episode ends here).
  private mutating func reachHospital(_ a: AmbulanceID, in sim: inout Simulation<CareEvent>) -> TransferOutcome? {
    let now = sim.now
    guard let c = ambulances[a].call, let h = ambulances[a].hospital else { return nil }
    let call = calls[c]
    ambulances[a].status = .handover
    stats.callToHospital.record((now - call.time).minutes)
    note(now, .atHospital(ambulance: a, call: call.serial, hospital: h), ambulance: a)
    move(a, .atHospital, at: now, node: layout.roads.node(of: h), call: c, hospital: h)
    sim.schedule(.ambulanceStage(a), after: SimDuration(minutes: spec.handover.sample(using: timeStream)))
    return call.patient.map { .admitted($0, at: h) }
  }

  /// Handover done: the call is served; the crew takes a waiting call or heads back.
  private mutating func finishHandover(_ a: AmbulanceID, in sim: inout Simulation<CareEvent>) {
    if let c = ambulances[a].call { close(c) }
    ledger.served += 1
    if let h = ambulances[a].hospital { ambulances[a].position = h }
    if !takeQueuedCall(a, in: &sim) {
      returnToBase(a, from: layout.roads.node(of: ambulances[a].position), in: &sim)
    }
  }

  /// Back at base: the job's busy time is added; a waiting call may start at once.
  private mutating func reachBase(_ a: AmbulanceID, in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    ambulances[a].returnEvent = nil
    ambulances[a].status = .idle
    ambulances[a].position = ambulances[a].base
    ambulances[a].busyMinutes += now.minutes - ambulances[a].busySince.minutes
    note(now, .backAtBase(ambulance: a), ambulance: a)
    move(a, .atBase, at: now, node: layout.roads.node(of: ambulances[a].base), call: nil)
    if takeQueuedCall(a, in: &sim) { ambulances[a].busySince = now }
  }

  /// Drives back to base from `node`; the arrival can be cancelled by a new call.
  mutating func returnToBase(_ a: AmbulanceID, from node: RoadNodeID, in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    let base = ambulances[a].base
    ambulances[a].status = .returning
    ambulances[a].call = nil
    ambulances[a].km += layout.travel.kilometres(from: base, to: node)
    let drive = travel(from: base, to: node, at: now)
    move(a, .returning, at: now, node: node, call: nil, drive: .init(to: layout.roads.node(of: base), arrival: now + drive))
    ambulances[a].returnArrival = now + drive
    ambulances[a].returnEvent = sim.scheduleCancellable(.ambulanceStage(a), after: drive)
  }
}

extension HospitalRanking {
  /// Every hospital of the ranking, nearest `node` by road first.
  func candidates(from node: RoadNodeID, travel: TravelTable) -> HospitalCandidates {
    HospitalCandidates(ranking: self, node: node, travel: travel)
  }
}

/// The hospitals of a ranking in order of road time from a node: the precomputed nearest
/// first, then (rarely needed, so only computed when reached) the rest, ties by facility.
struct HospitalCandidates: Sequence, IteratorProtocol {
  private let ranking: HospitalRanking
  private let node: RoadNodeID
  private let travel: TravelTable
  private var list: [FacilityID]
  private var position = 0
  private var widened = false

  init(ranking: HospitalRanking, node: RoadNodeID, travel: TravelTable) {
    self.ranking = ranking
    self.node = node
    self.travel = travel
    list = ranking.near[node]
  }

  mutating func next() -> FacilityID? {
    if position == list.count && !widened {
      widened = true
      let near = list
      let rest: [(hospital: FacilityID, minutes: Double)] = ranking.all.filter { !near.contains($0) }
        .map { ($0, travel.minutes(from: $0, to: node)) }
      list = rest.sorted { $0.minutes != $1.minutes ? $0.minutes < $1.minutes : $0.hospital < $1.hospital }
        .map(\.hospital)
      position = 0
    }
    guard position < list.count else { return nil }
    defer { position += 1 }
    return list[position]
  }
}
