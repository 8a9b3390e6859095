import SimKernel
import SimRandom

extension CareNetworkModel {
  /// Admission to the spoke's own beds; a spoke without beds, or with all beds taken,
  /// refers the patient on (a full pool counts a refusal).
  mutating func admitAtSpoke(_ patient: Int32, in sim: inout Simulation<CareEvent>) {
    let spoke = Int(patients.spoke[Int(patient)])
    if let b = layout.spokeBedPool[spoke] {
      if occupyBed(b, in: &sim) {
        stats.admission(spoke: spoke, specialty: Int(patients.specialty[Int(patient)]))
        note(sim.now.minutes, "admitted patient=\(patientSerial(patient)) at=\(spec.facilities[spec.spokes[spoke]].id)")
        ledger.admittedAtSpoke += 1
        patients.release(patient)
        return
      }
    }
    refer(patient, in: &sim)
  }

  /// Sends the patient to the nearest suitable hospital; each full hospital passes them on
  /// to the next candidate (nearest CHC-level, then district hospital, then medical college).
  mutating func refer(_ patient: Int32, in sim: inout Simulation<CareEvent>) {
    let i = Int(patient)
    let spoke = Int(patients.spoke[i])
    stats.referral(spoke: spoke, specialty: Int(patients.specialty[i]))
    if fleet != nil {
      // With an ambulance service the referral is a transfer call: the ambulance picks the
      // patient up and takes them to the nearest referral hospital with a free bed.
      requestTransfer(patient, in: &sim)
      return
    }
    patients.candidate[i] = 0
    patients.position[i] = Int32(spec.spokes[spoke])
    travelToCandidate(patient, in: &sim)
  }

  mutating func travelToCandidate(_ patient: Int32, in sim: inout Simulation<CareEvent>) {
    let i = Int(patient)
    let candidates = layout.referralCandidates[Int(patients.spoke[i])]
    let c = Int(patients.candidate[i])
    guard c < candidates.count else {
      note(sim.now.minutes, "unplaced patient=\(patientSerial(patient))")
      ledger.unplaced += 1
      stats.unplaced += 1
      patients.release(patient)
      return
    }
    let from = spec.facilities[Int(patients.position[i])].location
    let to = spec.facilities[candidates[c]].location
    let km = from.kilometres(to: to) * spec.transport.detour
    stats.transportKm += km
    note(sim.now.minutes, "travel patient=\(patientSerial(patient)) to=\(spec.facilities[candidates[c]].id) km=\((km * 10).rounded() / 10)")
    let minutes = spec.transport.dispatchMinutes + km / spec.transport.speedKmPerHour * 60
    sim.schedule(.hospitalArrival(patient: patient), after: SimDuration(minutes: minutes))
  }

  mutating func reachHospital(_ patient: Int32, in sim: inout Simulation<CareEvent>) {
    let i = Int(patient)
    let candidates = layout.referralCandidates[Int(patients.spoke[i])]
    let facility = candidates[Int(patients.candidate[i])]
    if let b = layout.facilityBedPool[facility], occupyBed(b, in: &sim) {
      stats.admission(spoke: Int(patients.spoke[i]), specialty: Int(patients.specialty[i]))
      note(sim.now.minutes, "admitted patient=\(patientSerial(patient)) at=\(spec.facilities[facility].id)")
      ledger.admittedOnReferral += 1
      patients.release(patient)
      return
    }
    patients.position[i] = Int32(facility)
    patients.candidate[i] += 1
    travelToCandidate(patient, in: &sim)
  }

  /// Takes a bed in pool `b` if one is free and schedules the discharge; counts a refusal
  /// otherwise.
  mutating func occupyBed(_ b: Int, in sim: inout Simulation<CareEvent>) -> Bool {
    let now = sim.now.minutes
    beds[b].advance(to: now)
    guard beds[b].hasFreeBed else {
      note(now, "bed-refused at=\(spec.facilities[beds[b].facility].id)")
      beds[b].refusals += 1
      return false
    }
    beds[b].occupied += 1
    beds[b].admissions += 1
    let tier = spec.facilities[beds[b].facility].tier
    let stay = spec.stays[tier.rank]?.sample(using: stayStreams[tier.rank]) ?? 1440
    sim.schedule(.discharge(bedPool: Int32(b)), after: SimDuration(minutes: stay))
    return true
  }

  /// Poisson admissions from outside teleconsultation at the tier's daily rate.
  mutating func scheduleOtherAdmission(_ b: Int, after t: Double, in sim: inout Simulation<CareEvent>) {
    let perDay = spec.otherAdmissionsPerDay[spec.facilities[beds[b].facility].tier.rank]
    let gap = otherAdmissionStreams[b]!.exponentialGap(meanMinutes: 1440 / perDay)
    sim.schedule(.otherAdmission(bedPool: Int32(b)), at: SimTime(minutes: t + gap))
  }

  mutating func discharge(bedPool b: Int, at now: Double) {
    beds[b].advance(to: now)
    beds[b].occupied -= 1
  }

  mutating func applyUpgrade(_ step: Int, at now: Double) {
    let upgrade = spec.upgrades[step]
    for f in upgrade.facilities {
      guard let b = layout.facilityBedPool[f] else { continue }
      beds[b].advance(to: now)
      beds[b].capacity = upgrade.beds
    }
  }
}
