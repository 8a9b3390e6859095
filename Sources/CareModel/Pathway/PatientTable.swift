import SimKernel

/// A patient in the system.
struct Patient {
  var spoke: SpokeID
  var specialty: SpecialtyID
  var arrival: SimTime
  /// Consultation attempts so far.
  var attempts: Int32 = 0
  /// The teleconsultation queue serving the patient now: events carry only the patient,
  /// which keeps a calendar entry at 24 bytes.
  var queue = ConsultQueueID(0)
  /// On a referral without ambulances: the next candidate hospital (its position in the
  /// spoke's list) and the facility the patient is at.
  var nextCandidate = 0
  var position = FacilityID(0)
  /// Whether the patient has asked a hospital for a bed yet (a refusal counts only for the
  /// first request).
  var hasAskedForBed = false
  /// Whether an ASHA brought the patient (her incentive is paid when they are seen).
  var mobilised = false
  /// The patient's serial: 0, 1, 2… in order of arrival over the run. Slots are reused, so
  /// traces name patients by serial.
  let serial: Int
}

/// Patients in the system, in reusable slots (``PatientID``): memory stays flat however long
/// the run.
struct PatientTable {
  private var records = ContiguousArray<Patient>()
  private var free = ContiguousArray<PatientID>()
  /// Patients in the system now.
  private(set) var active = 0
  private var admitted = 0

  /// Takes a slot for a new patient.
  mutating func admit(spoke: SpokeID, specialty: SpecialtyID, at now: SimTime) -> PatientID {
    active += 1
    defer { admitted += 1 }
    let patient = Patient(spoke: spoke, specialty: specialty, arrival: now, serial: admitted)
    if let slot = free.popLast() {
      records[slot.index] = patient
      return slot
    }
    records.append(patient)
    return PatientID(records.count - 1)
  }

  /// Frees the slot of a patient whose episode has ended.
  mutating func release(_ p: PatientID) {
    active -= 1
    free.append(p)
  }

  subscript(p: PatientID) -> Patient {
    get { records[p.index] }
    _modify { yield &records[p.index] }
  }
}
