import SimKernel

/// How a patient's episode ends.
enum EpisodeOutcome {
  /// Home with an e-prescription.
  case home
  /// Admitted to the spoke's own beds.
  case admittedAtSpoke(FacilityID)
  /// Admitted at a hospital after a referral (by ambulance or not).
  case admittedOnReferral(FacilityID)
  /// Referred, but no hospital had a bed.
  case unplaced
  /// Gave up after failed attempts, or sent home unseen when a session closed.
  case abandoned
}

extension CareNetworkModel {
  /// The one place where a patient's episode ends: the ledger, the statistics and the trace
  /// learn its outcome, and the patient's slot is freed.
  mutating func end(_ p: PatientID, _ outcome: EpisodeOutcome, at now: SimTime) {
    let patient = patients[p]
    switch outcome {
    case .home:
      ledger.home += 1
      trace?.record(now, .home(patient: patient.serial))
    case .admittedAtSpoke(let facility):
      ledger.admittedAtSpoke += 1
      stats.admission(spoke: patient.spoke, specialty: patient.specialty)
      trace?.record(now, .admitted(patient: patient.serial, at: facility))
    case .admittedOnReferral(let facility):
      ledger.admittedOnReferral += 1
      stats.admission(spoke: patient.spoke, specialty: patient.specialty)
      trace?.record(now, .admitted(patient: patient.serial, at: facility))
    case .unplaced:
      ledger.unplaced += 1
      stats.unplaced += 1
      trace?.record(now, .unplaced(patient: patient.serial))
    case .abandoned:
      ledger.abandoned += 1
      stats.abandon(spoke: patient.spoke, specialty: patient.specialty)
      trace?.record(now, .abandoned(patient: patient.serial))
    }
    patients.release(p)
  }
}
