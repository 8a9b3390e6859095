import SimKernel

extension AmbulanceService {
  /// Whether call `c` needs an advanced ambulance (transfers never do).
  func needsAdvanced(_ c: CallID) -> Bool {
    let p = calls[c].priority
    return p < transferLane && spec.priorities[p.index].needsAdvanced
  }

  /// The ambulance that can reach call `c` soonest among those within the dispatch limit:
  /// idle ones wait at their base; one driving back to base counts as leaving from its base
  /// when it gets there (a conservative estimate). Ranked by road time (or by straight line
  /// with that policy, where idle ambulances come first); ties go to the earlier base in the
  /// ranking, then the lower-numbered ambulance.
  func nearestAvailableAmbulance(for c: CallID) -> AmbulanceID? {
    let call = calls[c]
    let advanced = needsAdvanced(c)
    var best: (ambulance: AmbulanceID, cost: Double)?
    for base in layout.basesNear[call.node] {
      let fromBase = layout.travel.minutes(from: layout.bases.facilities[base], to: call.node)
      // Bases are ranked by their time to the call: none further on can do better.
      if let b = best, spec.dispatch == .road, fromBase >= b.cost { break }
      for a in layout.bases.ambulances[base] {
        let ambulance = ambulances[a]
        if advanced && ambulance.kind != .advanced { continue }
        if !layout.isOnDuty(ambulance.kind, at: call.time) { continue }
        let cost: Double
        switch ambulance.status {
        case .idle: cost = fromBase
        case .returning: cost = fromBase + Swift.max(0, ambulance.returnArrival.minutes - call.time.minutes)
        default: continue
        }
        if cost > spec.maxDispatch.minutes { continue }
        if spec.dispatch == .straightLine && ambulance.status == .idle { return a }
        if cost < best?.cost ?? .infinity {
          // An idle ambulance here cannot be beaten: later bases are no nearer.
          if ambulance.status == .idle { return a }
          best = (a, cost)
        }
      }
    }
    return best?.ambulance
  }

  /// Sends ambulance `a` from where it stands to call `c`.
  mutating func dispatch(_ a: AmbulanceID, to c: CallID, in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    var start = now
    if ambulances[a].status == .idle { ambulances[a].busySince = now }
    if ambulances[a].status == .returning, let pending = ambulances[a].returnEvent {
      // Redeployed on the way back: it leaves from its base when it gets there.
      sim.cancel(pending)
      ambulances[a].position = ambulances[a].base
      start = SimTime(minutes: Swift.max(now.minutes, ambulances[a].returnArrival.minutes))
    }
    ambulances[a].returnEvent = nil
    ambulances[a].status = .toScene
    ambulances[a].call = c
    let node = calls[c].node
    let from = ambulances[a].position
    let leg = (start - now) + SimDuration(minutes: spec.chute.sample(using: timeStream)) + travel(from: from, to: node, at: start)
    ambulances[a].km += layout.travel.kilometres(from: from, to: node)
    note(now, .dispatched(ambulance: a, call: calls[c].serial, from: from, eta: leg), ambulance: a)
    move(a, .toScene, at: start, node: layout.roads.node(of: from), call: c,
         drive: .init(to: node, arrival: now + leg))
    sim.schedule(.ambulanceStage(a), after: leg)
  }

  /// Road time from `facility` to `node` when leaving at `time` (free flow × conditions).
  func travel(from facility: FacilityID, to node: RoadNodeID, at time: SimTime) -> SimDuration {
    SimDuration(minutes: layout.travel.minutes(from: facility, to: node)
                * spec.conditions.factor(at: time, startDayOfYear: spec.startDayOfYear))
  }

  /// Gives a free ambulance a waiting call: in the most urgent priority that has calls it can
  /// serve, the one it reaches soonest (ties by call number), if within the dispatch limit;
  /// farther calls wait for an ambulance nearer to them. Calls that waited past the limit are
  /// counted as failed on the way.
  mutating func takeQueuedCall(_ a: AmbulanceID, in sim: inout Simulation<CareEvent>) -> Bool {
    let now = sim.now
    let ambulance = ambulances[a]
    guard layout.isOnDuty(ambulance.kind, at: now) else { return false }
    let row = layout.travel.minutesRow(from: ambulance.position)
    for p in waiting.ids where !waiting[p].isEmpty {
      dropExpired(priority: p, now: now)
      var best: (position: Int, minutes: Double)?
      for (k, c) in waiting[p].enumerated() {
        if needsAdvanced(c) && ambulance.kind != .advanced { continue }
        let t = Double(row[calls[c].node.index])
        if t <= spec.maxDispatch.minutes && t < best?.minutes ?? .infinity { best = (k, t) }
      }
      if let (k, _) = best {
        let c = waiting[p].remove(at: k)
        dispatch(a, to: c, in: &sim)
        return true
      }
    }
    return false
  }

  /// Counts and removes waiting emergency calls older than the queue limit (transfers wait
  /// as long as it takes). Lists are in arrival order, so the expired calls are a prefix.
  mutating func dropExpired(priority p: CallPriorityID, now: SimTime) {
    guard p < transferLane else { return }
    var expired = 0
    for c in waiting[p] {
      let waited = now - calls[c].time
      guard waited > spec.maxQueue else { break }
      stats.failed += 1
      ledger.failed += 1
      if isTraced(node: calls[c].node) { trace?.record(now, .callExpired(call: calls[c].serial, waited: waited)) }
      close(c)
      expired += 1
    }
    if expired > 0 { waiting[p].removeFirst(expired) }
  }

  /// Records an ambulance movement (tracing only).
  func move(_ a: AmbulanceID, _ kind: AmbulanceMovement.Kind, at time: SimTime, node: RoadNodeID, call: CallID?,
            hospital: FacilityID? = nil, response: SimDuration? = nil, drive: AmbulanceMovement.Drive? = nil) {
    guard let trace, trace.includes(time), isTraced(a) else { return }
    trace.movements.append(AmbulanceMovement(ambulance: a, kind: kind, time: time, node: node,
                                             call: call.map { calls[$0].serial }, hospital: hospital,
                                             response: response, drive: drive))
  }
}
