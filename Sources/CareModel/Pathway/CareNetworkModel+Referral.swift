import SimKernel

extension CareNetworkModel {
  /// Admission to the spoke's own beds; a spoke without beds, or with all beds taken,
  /// refers the patient on.
  mutating func admitAtSpoke(_ p: PatientID, in sim: inout Simulation<CareEvent>) {
    let spoke = spec.facility(ofSpoke: patients[p].spoke)
    if askForBed(p, at: spoke, in: &sim) {
      end(p, .admittedAtSpoke(spoke), at: sim.now)
      return
    }
    refer(p, in: &sim)
  }

  /// Asks `facility` for a bed for patient `p` (see ``BedWard``: a refusal counts only for
  /// the patient's first request to a facility that has beds).
  mutating func askForBed(_ p: PatientID, at facility: FacilityID, in sim: inout Simulation<CareEvent>) -> Bool {
    let answer = beds.request(at: facility, firstRequest: !patients[p].hasAskedForBed, in: &sim)
    if answer != .noBeds { patients[p].hasAskedForBed = true }
    return answer == .admitted
  }

  /// Sends the patient on to a hospital with a free bed: by ambulance when the scenario has
  /// an ambulance service (the ambulance picks them up and takes them to the nearest
  /// referral hospital with a free bed), otherwise by the transport rule to each candidate
  /// hospital in turn (nearest referral-tier facility, then district hospital, then medical
  /// college), until one has a bed.
  mutating func refer(_ p: PatientID, in sim: inout Simulation<CareEvent>) {
    let patient = patients[p]
    stats.referral(spoke: patient.spoke, specialty: patient.specialty)
    if fleet != nil {
      let transfer = TransferPatient(id: p, serial: patient.serial, spoke: spec.facility(ofSpoke: patient.spoke),
                                     firstBedRequest: !patient.hasAskedForBed)
      patients[p].hasAskedForBed = true
      fleet?.requestTransfer(of: transfer, in: &sim)
      return
    }
    patients[p].nextCandidate = 0
    patients[p].position = spec.facility(ofSpoke: patient.spoke)
    travelToNextCandidate(p, in: &sim)
  }

  /// Without ambulances: the trip to the next candidate hospital, or the end of the search.
  mutating func travelToNextCandidate(_ p: PatientID, in sim: inout Simulation<CareEvent>) {
    let patient = patients[p]
    let candidates = layout.referrals.candidates[patient.spoke]
    guard patient.nextCandidate < candidates.count else {
      end(p, .unplaced, at: sim.now)
      return
    }
    let to = candidates[patient.nextCandidate]
    let km = spec[facility: patient.position].location.kilometres(to: spec[facility: to].location) * spec.transport.detour
    stats.transportKm += km
    trace?.record(sim.now, .travel(patient: patient.serial, to: to, km: km))
    let drive = spec.transport.dispatchDelay + .hours(km / spec.transport.speedKmPerHour)
    sim.schedule(.hospitalArrival(p), after: drive)
  }

  /// Without ambulances: the patient reaches a candidate hospital; admitted if it has a bed,
  /// otherwise on to the next.
  mutating func reachHospital(_ p: PatientID, in sim: inout Simulation<CareEvent>) {
    let patient = patients[p]
    let facility = layout.referrals.candidates[patient.spoke][patient.nextCandidate]
    if askForBed(p, at: facility, in: &sim) {
      end(p, .admittedOnReferral(facility), at: sim.now)
      return
    }
    patients[p].position = facility
    patients[p].nextCandidate += 1
    travelToNextCandidate(p, in: &sim)
  }

  /// Applies what an ambulance stage decided about a transfer patient.
  mutating func finish(_ outcome: TransferOutcome?, at now: SimTime) {
    switch outcome {
    case .admitted(let p, let facility): end(p, .admittedOnReferral(facility), at: now)
    case .unplaced(let p): end(p, .unplaced, at: now)
    case nil: break
    }
  }

  /// An admission from outside teleconsultation: schedules the next, then asks for a bed.
  mutating func admitFromOutside(to b: BedPoolID, in sim: inout Simulation<CareEvent>) {
    scheduleOutsideAdmission(to: b, after: sim.now, in: &sim)
    if beds.occupy(b, firstRequest: true, in: &sim) == .admitted { stats.otherAdmissions += 1 }
  }

  /// Poisson admissions from outside teleconsultation at the tier's daily rate.
  mutating func scheduleOutsideAdmission(to b: BedPoolID, after time: SimTime, in sim: inout Simulation<CareEvent>) {
    guard let outside = streams.outsideAdmissions[b] else { return }
    let gap = outside.stream.exponentialGap(meanMinutes: outside.meanGap.minutes)
    sim.schedule(.otherAdmission(b), at: SimTime(minutes: time.minutes + gap))
  }
}
