import SimKernel
import SimRandom

extension CareNetworkModel {
  /// The next request at `spoke` after `time`.
  mutating func scheduleNextArrival(at spoke: SpokeID, after time: SimTime, in sim: inout Simulation<CareEvent>) {
    sim.schedule(.arrival(spoke), at: layout.demand.nextArrival(at: spoke, after: time, using: streams.arrivals[spoke]))
  }

  /// A patient asks for a teleconsultation at `spoke` and joins the queue of the hub that
  /// the assignment policy gives their specialty.
  mutating func arrive(at spoke: SpokeID, in sim: inout Simulation<CareEvent>) {
    scheduleNextArrival(at: spoke, after: sim.now, in: &sim)
    request(at: spoke, drawingFrom: streams.arrivals[spoke], in: &sim)
  }

  /// A patient at `spoke` (come by themselves, or `mobilised` by an ASHA) draws a specialty
  /// from `stream` and joins its queue. Mobilised patients draw from the ASHA stream, so that
  /// adding them leaves every spoke's own requests as they were (common random numbers).
  mutating func request(at spoke: SpokeID, mobilised: Bool = false, drawingFrom stream: RandomStream,
                        in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    let specialty = layout.demand.specialtyChoice.sample(using: stream)
    let p = patients.admit(spoke: spoke, specialty: specialty, at: now)
    // Flagged before joining: a free specialist starts the consultation at once.
    patients[p].mobilised = mobilised
    ledger.arrived += 1
    stats.request(spoke: spoke, specialty: specialty)
    trace?.record(now, .arrival(patient: patients[p].serial, spoke: spec.facility(ofSpoke: spoke), specialty: specialty))
    join(p, queue: layout.queues.queue(spoke: spoke, specialty: specialty), in: &sim)
  }

  /// The patient joins queue `q`; a free specialist starts at once.
  mutating func join(_ p: PatientID, queue q: ConsultQueueID, in sim: inout Simulation<CareEvent>) {
    let served = queues[q].join(p, at: sim.now)
    noteWaiting(in: q, at: sim.now)
    if served { startConsult(p, queue: q, in: &sim) }
  }

  /// Carries a change of queue `q`'s line into the statewide count by hour of the week.
  mutating func noteWaiting(in q: ConsultQueueID, at now: SimTime) {
    let delta = queues[q].waitingChangeSinceNoted()
    if delta != 0 { waitingByHour.change(by: delta, at: now) }
  }

  /// A specialist takes the patient: the call may fail (or the specialist be unavailable);
  /// otherwise the wait is recorded and the consultation runs.
  mutating func startConsult(_ p: PatientID, queue q: ConsultQueueID, in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    patients[p].attempts += 1
    patients[p].queue = q
    let policy = spec.policy
    let u = streams.calls.uniform()
    if u < policy.connectionFailure + policy.doctorUnavailable {
      let lost = u < policy.connectionFailure ? policy.failedCall : .zero
      trace?.record(now, .callFailed(patient: patients[p].serial, queue: q, lost: lost))
      sim.schedule(.failedCall(p), after: lost)
      return
    }
    let patient = patients[p]
    let wait = now - patient.arrival
    stats.consult(spoke: patient.spoke, specialty: patient.specialty, group: layout.queues.group(of: q), wait: wait,
                  sameDay: now.day == patient.arrival.day)
    queues[q].recordConsult(waited: wait)
    if patient.mobilised { mobilised.seen += 1 }
    let minutes = spec[specialty: patient.specialty].consult.sample(using: streams.consult[patient.specialty])
    trace?.record(now, .consultStart(patient: patient.serial, queue: q, waited: wait))
    sim.schedule(.consultEnd(p), after: SimDuration(minutes: minutes))
  }

  /// Frees the specialist of queue `q` and gives them the next waiting patient.
  mutating func releaseSpecialist(of q: ConsultQueueID, in sim: inout Simulation<CareEvent>) {
    let next = queues[q].release(at: sim.now)
    noteWaiting(in: q, at: sim.now)
    if let next { startConsult(next, queue: q, in: &sim) }
  }

  /// The consultation ends: home with an e-prescription, admission at the spoke, or referral.
  mutating func endConsult(_ p: PatientID, in sim: inout Simulation<CareEvent>) {
    releaseSpecialist(of: patients[p].queue, in: &sim)
    let specialty = patients[p].specialty
    let s = spec[specialty: specialty]
    let u = streams.outcome[specialty].uniform()
    let referred = u >= s.admitProbability && u < s.admitProbability + s.referProbability
    // The e-prescription is filled at the spoke unless the patient is referred on.
    if !referred { medicines?.prescribe(at: patients[p].spoke, specialty: specialty, in: &sim) }
    if u < s.admitProbability {
      admitAtSpoke(p, in: &sim)
    } else if referred {
      refer(p, in: &sim)
    } else {
      end(p, .home, at: sim.now)
    }
  }

  /// A failed attempt: the patient comes back next session or gives up.
  mutating func failCall(_ p: PatientID, in sim: inout Simulation<CareEvent>) {
    let q = patients[p].queue
    releaseSpecialist(of: q, in: &sim)
    stats.failedAttempts += 1
    if Int(patients[p].attempts) < spec.policy.maxAttempts && streams.calls.uniform() < spec.policy.retryProbability {
      queues[q].retry.append(p)
    } else {
      end(p, .abandoned, at: sim.now)
    }
  }

  /// Every hub's session opens or closes.
  mutating func changeSession(open: Bool, in sim: inout Simulation<CareEvent>) {
    let now = sim.now
    trace?.record(now, open ? .sessionOpened : .sessionClosed)
    for q in queues.ids {
      queues[q].setOpen(open, at: now)
      if open {
        // Those already in line go first; patients whose call failed rejoin at the back.
        while let next = queues[q].startNextIfFree() { startConsult(next, queue: q, in: &sim) }
        let returning = queues[q].retry
        queues[q].retry.removeAll(keepingCapacity: true)
        for p in returning { join(p, queue: q, in: &sim) }
      } else if spec.policy.sessionEnd == .goHome {
        while let p = queues[q].removeNextWaiting() { end(p, .abandoned, at: now) }
        for p in queues[q].retry { end(p, .abandoned, at: now) }
        queues[q].retry.removeAll(keepingCapacity: true)
      }
      queues[q].observeLevels(at: now)
      noteWaiting(in: q, at: now)
    }
    if !layout.sessions.alwaysOpen, let next = layout.sessions.nextChange(from: now, isOpen: open) {
      sim.schedule(.session(open: next.open), at: next.at, priority: .sessionChange)
    }
  }
}
