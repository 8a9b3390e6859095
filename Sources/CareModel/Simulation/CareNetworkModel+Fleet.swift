import SimKernel
import SimRandom

extension CareNetworkModel {
  var fleetSpec: FleetSpec { spec.fleet! }
  var fleetLayout: FleetLayout { layout.fleet! }

  /// Schedules the next emergency call.
  mutating func scheduleNextCall(after t: Double, in sim: inout Simulation<CareEvent>) {
    let next = fleetLayout.calls.next(afterMinutes: t, using: emergencyStream!)
    sim.schedule(.emergencyCall, at: SimTime(minutes: next))
  }

  /// An emergency call from a population-weighted place.
  mutating func receiveCall(in sim: inout Simulation<CareEvent>) {
    let now = sim.now.minutes
    scheduleNextCall(after: now, in: &sim)
    let node = fleetLayout.callNodes[fleetLayout.callOrigin.sample(using: emergencyStream!)]
    let priority = fleetLayout.priorityChoice.sample(using: emergencyStream!)
    openCall(node: node, priority: priority, patient: -1, in: &sim)
  }

  /// A referral from the teleconsultation side: the patient waits at the spoke for a basic
  /// ambulance (the lowest-priority lane).
  mutating func requestTransfer(_ patient: Int32, in sim: inout Simulation<CareEvent>) {
    let spoke = spec.spokes[Int(patients.spoke[Int(patient)])]
    openCall(node: fleetLayout.facilityNode[spoke], priority: fleetSpec.priorities.count, patient: patient, in: &sim)
  }

  mutating func openCall(node: Int, priority: Int, patient: Int32, in sim: inout Simulation<CareEvent>) {
    let now = sim.now.minutes
    let c = fleet!.openCall(node: node, time: now, priority: priority, patient: patient, urban: fleetLayout.nodeUrban[node])
    if patient >= 0 { fleet!.transfers += 1 } else { fleet!.calls += 1 }
    fleet!.ledger.opened += 1
    note(now, "call \(callSerial(c)) node=\(node) priority=\(priority)\(patient >= 0 ? " transfer patient=\(patientSerial(patient))" : "")")
    if let a = nearestIdleAmbulance(for: c) {
      dispatch(a, to: c, in: &sim)
    } else {
      fleet!.callQueued[Int(c)] = true
      fleet!.queued += 1
      fleet!.waiting[priority].append(c)
    }
  }

  func needsAdvanced(_ c: Int32) -> Bool {
    let p = fleet!.callPriority[Int(c)]
    return p < fleetSpec.priorities.count && fleetSpec.priorities[p].needsAdvanced
  }

  /// The ambulance that can reach the call soonest among those within the dispatch limit:
  /// idle ones wait at their base; one driving back to base counts as leaving from its base
  /// when it gets there (a conservative estimate). Ranked by road time (or by straight line
  /// with that policy, where idle ambulances come first); ties go to the earlier base in the
  /// ranking, then the lower-numbered ambulance.
  func nearestIdleAmbulance(for c: Int32) -> Int? {
    let node = fleet!.callNode[Int(c)]
    let advanced = needsAdvanced(c)
    let now = fleet!.callTime[Int(c)]
    var best: (ambulance: Int, cost: Double)?
    for base in fleetLayout.basesNear[node] {
      let facility = fleetLayout.baseFacilities[Int(base)]
      let fromBase = fleetLayout.minutes(from: facility, to: node)
      // Bases are ranked by their time to the call: none further on can do better.
      if let b = best, fleetSpec.dispatch == .road, fromBase >= b.cost { break }
      for a in fleetLayout.ambulancesAtBase[Int(base)] {
        let i = Int(a)
        let kind = fleetSpec.ambulances[i].kind
        if advanced && kind != .advanced { continue }
        if !fleetSpec.isOnDuty(kind, atMinutes: now) { continue }
        let cost: Double
        switch fleet!.status[i] {
        case .idle: cost = fromBase
        case .returning: cost = fromBase + Swift.max(0, fleet!.returnArrival[i] - now)
        default: continue
        }
        if cost > fleetSpec.maxDispatchMinutes { continue }
        if fleetSpec.dispatch == .straightLine && fleet!.status[i] == .idle { return i }
        if best == nil || cost < best!.cost {
          // An idle ambulance here cannot be beaten: later bases are no nearer.
          if fleet!.status[i] == .idle { return i }
          best = (i, cost)
        }
      }
    }
    return best?.ambulance
  }

  /// Sends ambulance `a` from where it stands to call `c`.
  mutating func dispatch(_ a: Int, to c: Int32, in sim: inout Simulation<CareEvent>) {
    let now = sim.now.minutes
    var start = now
    if fleet!.status[a] == .idle { fleet!.busySince[a] = now }
    if fleet!.status[a] == .returning, let pending = fleet!.returnEvent[a] {
      // Redeployed on the way back: it leaves from its base when it gets there.
      sim.cancel(pending)
      fleet!.position[a] = fleetSpec.ambulances[a].base
      start = Swift.max(now, fleet!.returnArrival[a])
    }
    fleet!.returnEvent[a] = nil
    fleet!.status[a] = .toScene
    fleet!.call[a] = c
    let node = fleet!.callNode[Int(c)]
    let from = fleet!.position[a]
    let leg = (start - now) + fleetSpec.chute.sample(using: fleetTimeStream!) + travel(from: from, to: node, at: start)
    fleet!.km[a] += fleetLayout.kilometres(from: from, to: node)
    note(now, "dispatch ambulance=\(a) call=\(callSerial(c)) from=\(spec.facilities[from].id) eta=\(Self.minutesText(leg))")
    track(a, "to_scene", at: start, node: fleetLayout.facilityNode[from], call: c, drive: (node, now + leg))
    sim.schedule(.ambulanceStage(ambulance: Int32(a)), after: SimDuration(minutes: leg))
  }

  /// Minutes from facility `from` to `node` when leaving at `t` (free flow × conditions).
  func travel(from facility: Int, to node: Int, at t: Double) -> Double {
    fleetLayout.minutes(from: facility, to: node) * fleetSpec.conditions.factor(atMinutes: t, startDayOfYear: fleetSpec.startDayOfYear)
  }

  static func minutesText(_ m: Double) -> String { "\((m * 100).rounded() / 100)min" }

  /// The serial number that traces give the call in slot `c` (-1 for none).
  func callSerial(_ c: Int32) -> Int { c < 0 ? -1 : fleet!.callSerial[Int(c)] }

  /// Records an ambulance event and, for a drive, its leg (tracing only).
  func track(_ a: Int, _ event: String, at now: Double, node: Int, call: Int32, detail: String = "",
             drive: (to: Int, arrive: Double)? = nil) {
    guard let trace else { return }
    let p = fleetLayout.graph.nodes[node]
    trace.ambulanceRows.append("ambulance-\(a),\(event),\(now),\(FleetTracks.timestamp(now, startDate: spec.startDate)),"
                               + "\(p.latitude),\(p.longitude),\(callSerial(call)),\(detail)")
    if let drive {
      trace.legs.append(TrackLeg(ambulance: a, purpose: event, call: callSerial(call), fromNode: node, toNode: drive.to,
                                 depart: now, arrive: drive.arrive))
    }
  }

  /// The next stage of ambulance `a`'s job.
  mutating func advanceAmbulance(_ a: Int, in sim: inout Simulation<CareEvent>) {
    let now = sim.now.minutes
    let c = fleet!.call[a]
    switch fleet!.status[a] {
    case .toScene: arriveAtScene(a, c, now: now, in: &sim)
    case .atScene: leaveScene(a, c, now: now, in: &sim)
    case .toHospital:
      fleet!.status[a] = .handover
      fleet!.toHospital.record(now - fleet!.callTime[Int(c)])
      note(now, "at-hospital ambulance=\(a) call=\(callSerial(c)) hospital=\(spec.facilities[fleet!.hospital[a]].id)")
      track(a, "at_hospital", at: now, node: fleetLayout.facilityNode[fleet!.hospital[a]], call: c,
            detail: "hospital=\(spec.facilities[fleet!.hospital[a]].id)")
      let patient = fleet!.callPatient[Int(c)]
      if patient >= 0 {
        let i = Int(patient)
        stats.admission(spoke: Int(patients.spoke[i]), specialty: Int(patients.specialty[i]))
        ledger.admittedOnReferral += 1
        patients.release(patient)
      }
      sim.schedule(.ambulanceStage(ambulance: Int32(a)), after: SimDuration(minutes: fleetSpec.handover.sample(using: fleetTimeStream!)))
    case .handover:
      fleet!.closeCall(c)
      fleet!.ledger.served += 1
      fleet!.position[a] = fleet!.hospital[a]
      if !takeQueuedCall(a, in: &sim) { returnToBase(a, from: fleet!.position[a], now: now, in: &sim) }
    case .returning:
      fleet!.returnEvent[a] = nil
      fleet!.status[a] = .idle
      fleet!.position[a] = fleetSpec.ambulances[a].base
      fleet!.busyMinutes[a] += now - fleet!.busySince[a]
      note(now, "back-at-base ambulance=\(a)")
      track(a, "at_base", at: now, node: fleetLayout.facilityNode[fleet!.position[a]], call: -1)
      if takeQueuedCall(a, in: &sim) { fleet!.busySince[a] = now }
    case .idle:
      break
    }
  }

  mutating func arriveAtScene(_ a: Int, _ c: Int32, now: Double, in sim: inout Simulation<CareEvent>) {
    let i = Int(c)
    fleet!.status[a] = .atScene
    if fleet!.callPatient[i] < 0 {
      let response = now - fleet!.callTime[i]
      let target = fleet!.callUrban[i] ? fleetSpec.urbanTarget : fleetSpec.ruralTarget
      let within = response <= target
      let node = fleet!.callNode[i]
      let (d, b) = (fleetLayout.nodeDistrict[node], fleetLayout.nodeBlock[node])
      fleet!.response.record(response)
      fleet!.responseQuantiles.record(response)
      fleet!.districtCalls[d] += 1
      fleet!.districtResponse[d].add(response)
      fleet!.blockCalls[b] += 1
      fleet!.blockResponse[b].add(response)
      if within {
        fleet!.withinTarget += 1
        fleet!.districtWithin[d] += 1
        fleet!.blockWithin[b] += 1
      }
      note(now, "at-scene ambulance=\(a) call=\(callSerial(c)) response=\(Self.minutesText(response))")
      track(a, "at_scene", at: now, node: node, call: c, detail: "response_min=\(response)")
    } else {
      note(now, "at-spoke ambulance=\(a) call=\(callSerial(c))")
    }
    sim.schedule(.ambulanceStage(ambulance: Int32(a)), after: SimDuration(minutes: fleetSpec.atScene.sample(using: fleetTimeStream!)))
  }

  /// Picks the nearest hospital (by road) with a free bed, holds the bed, and drives there.
  mutating func leaveScene(_ a: Int, _ c: Int32, now: Double, in sim: inout Simulation<CareEvent>) {
    let i = Int(c)
    let node = fleet!.callNode[i]
    let transfer = fleet!.callPatient[i] >= 0
    // The 12 nearest first; beyond them, every other in order (rarely needed).
    let near = (transfer ? fleetLayout.referralHospitalsNear : fleetLayout.hospitalsNear)[node].map(Int.init)
    var order = near.map { ($0, 0.0) }
    let priority = fleet!.callPriority[i]
    let needsBed = transfer || fleetTimeStream!.uniform() < fleetSpec.priorities[priority].admitProbability
    if !needsBed, let (h, _) = order.first {
      driveToHospital(a, h, from: node, now: now, in: &sim)
      return
    }
    var widened = false
    while true {
      for (h, _) in order {
        guard let b = layout.facilityBedPool[h] else { continue }
        beds[b].advance(to: now)
        guard beds[b].hasFreeBed else { beds[b].refusals += 1; continue }
        _ = occupyBed(b, in: &sim)
        driveToHospital(a, h, from: node, now: now, in: &sim)
        return
      }
      if widened { break }
      widened = true
      let all = transfer ? fleetLayout.referralHospitals : fleetLayout.hospitals
      order = all.filter { !near.contains($0) }.map { ($0, fleetLayout.minutes(from: $0, to: node)) }
        .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    }
    // No bed anywhere: the patient is not placed and the ambulance goes home.
    fleet!.unplaced += 1
    let patient = fleet!.callPatient[i]
    if patient >= 0 {
      ledger.unplaced += 1
      stats.unplaced += 1
      patients.release(patient)
    }
    note(now, "no-bed ambulance=\(a) call=\(callSerial(c))")
    fleet!.closeCall(c)
    fleet!.ledger.unplaced += 1
    returnToBase(a, fromNode: node, now: now, in: &sim)
  }

  mutating func driveToHospital(_ a: Int, _ h: Int, from node: Int, now: Double, in sim: inout Simulation<CareEvent>) {
    fleet!.status[a] = .toHospital
    fleet!.hospital[a] = h
    fleet!.km[a] += fleetLayout.kilometres(from: h, to: node)
    let minutes = travel(from: h, to: node, at: now)
    track(a, "to_hospital", at: now, node: node, call: fleet!.call[a], drive: (fleetLayout.facilityNode[h], now + minutes))
    sim.schedule(.ambulanceStage(ambulance: Int32(a)), after: SimDuration(minutes: minutes))
  }

  mutating func returnToBase(_ a: Int, from facility: Int, now: Double, in sim: inout Simulation<CareEvent>) {
    returnToBase(a, fromNode: fleetLayout.facilityNode[facility], now: now, in: &sim)
  }

  mutating func returnToBase(_ a: Int, fromNode node: Int, now: Double, in sim: inout Simulation<CareEvent>) {
    let base = fleetSpec.ambulances[a].base
    fleet!.status[a] = .returning
    fleet!.call[a] = -1
    fleet!.km[a] += fleetLayout.kilometres(from: base, to: node)
    let minutes = travel(from: base, to: node, at: now)
    track(a, "return", at: now, node: node, call: -1, drive: (fleetLayout.facilityNode[base], now + minutes))
    fleet!.returnArrival[a] = now + minutes
    fleet!.returnEvent[a] = sim.schedule(.ambulanceStage(ambulance: Int32(a)), after: SimDuration(minutes: minutes))
  }

  /// Gives a free ambulance a waiting call: in the most urgent priority that has calls it can
  /// serve, the one it reaches soonest (ties by call number), if within the dispatch limit;
  /// farther calls wait for an ambulance nearer to them. Calls that waited past the limit are
  /// counted as failed on the way.
  mutating func takeQueuedCall(_ a: Int, in sim: inout Simulation<CareEvent>) -> Bool {
    let now = sim.now.minutes
    guard fleetSpec.isOnDuty(fleetSpec.ambulances[a].kind, atMinutes: now) else { return false }
    let advanced = fleetSpec.ambulances[a].kind == .advanced
    for p in fleet!.waiting.indices where !fleet!.waiting[p].isEmpty {
      dropExpired(priority: p, now: now)
      var best: (Int, Double)?
      let row = fleetLayout.treeMinutes[fleetLayout.treeOfFacility[fleet!.position[a]]!]
      for (k, c) in fleet!.waiting[p].enumerated() {
        if needsAdvanced(c) && !advanced { continue }
        let t = Double(row[fleet!.callNode[Int(c)]])
        if t <= fleetSpec.maxDispatchMinutes && (best == nil || t < best!.1) { best = (k, t) }
      }
      if let (k, _) = best {
        let c = fleet!.waiting[p].remove(at: k)
        dispatch(a, to: c, in: &sim)
        return true
      }
    }
    return false
  }

  /// Counts and removes waiting emergency calls older than the queue limit. Lists are in
  /// arrival order, so the expired calls are a prefix.
  mutating func dropExpired(priority p: Int, now: Double) {
    guard p < fleetSpec.priorities.count else { return }
    let limit = fleetSpec.maxQueueMinutes
    var expired = 0
    for c in fleet!.waiting[p] {
      let waited = now - fleet!.callTime[Int(c)]
      guard waited > limit else { break }
      fleet!.failed += 1
      fleet!.ledger.failed += 1
      note(now, "call-failed call=\(callSerial(c)) waited=\(Self.minutesText(waited))")
      fleet!.closeCall(c)
      expired += 1
    }
    if expired > 0 { fleet!.waiting[p].removeFirst(expired) }
  }

}
