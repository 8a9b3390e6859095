import SimKernel

/// One event of a replication's log. Patients and calls are named by serial number (0, 1, 2…
/// in order of arrival over the run), because their slots are reused.
public enum TraceEvent: Sendable, Equatable {
  /// Every hub's session opens, or closes.
  case sessionOpened, sessionClosed
  /// A patient asks for a teleconsultation at a spoke.
  case arrival(patient: Int, spoke: FacilityID, specialty: SpecialtyID)
  /// A consultation starts after the patient waited.
  case consultStart(patient: Int, queue: ConsultQueueID, waited: SimDuration)
  /// A call failed or the specialist was unavailable; the specialist lost some time.
  case callFailed(patient: Int, queue: ConsultQueueID, lost: SimDuration)
  /// The patient went home with an e-prescription.
  case home(patient: Int)
  /// The patient was admitted at a facility.
  case admitted(patient: Int, at: FacilityID)
  /// The patient gave up, or went home unseen when a session closed.
  case abandoned(patient: Int)
  /// The referred patient found no bed anywhere.
  case unplaced(patient: Int)
  /// A referred patient travels to the next candidate hospital (no ambulance service).
  case travel(patient: Int, to: FacilityID, km: Double)
  /// A facility had no free bed.
  case bedRefused(at: FacilityID)
  /// An ambulance call opens: an emergency, or a transfer of a referred patient.
  case callOpened(call: Int, node: RoadNodeID, priority: CallPriorityID, transferOf: Int?)
  /// An ambulance is sent to a call.
  case dispatched(ambulance: AmbulanceID, call: Int, from: FacilityID, eta: SimDuration)
  /// An ambulance reaches the scene of an emergency.
  case atScene(ambulance: AmbulanceID, call: Int, response: SimDuration)
  /// An ambulance reaches the spoke of a transfer.
  case atSpoke(ambulance: AmbulanceID, call: Int)
  /// An ambulance reaches the hospital.
  case atHospital(ambulance: AmbulanceID, call: Int, hospital: FacilityID)
  /// No hospital had a bed: the patient is not placed and the ambulance goes back.
  case noBed(ambulance: AmbulanceID, call: Int)
  /// An ambulance is back at its base.
  case backAtBase(ambulance: AmbulanceID)
  /// A call waited too long for an ambulance and is counted as failed.
  case callExpired(call: Int, waited: SimDuration)
}

/// An event and its time.
public struct TraceRecord: Sendable, Equatable {
  public var time: SimTime
  public var event: TraceEvent
}

/// One moment of an ambulance's day, for maps: where it is, what it starts or reaches, and
/// for a drive where it goes and when it arrives.
public struct AmbulanceMovement: Sendable, Equatable {
  /// What happens.
  public enum Kind: String, Sendable {
    case toScene = "to_scene", atScene = "at_scene", toHospital = "to_hospital", atHospital = "at_hospital"
    case returning = "return", atBase = "at_base"
  }
  /// A drive: the node it heads for and when it gets there.
  public struct Drive: Sendable, Equatable {
    public var to: RoadNodeID
    public var arrival: SimTime
  }
  public var ambulance: AmbulanceID
  public var kind: Kind
  public var time: SimTime
  /// Where the ambulance is (for a drive, where it starts).
  public var node: RoadNodeID
  /// Serial of the call served, if any.
  public var call: Int?
  /// The hospital reached (``Kind/atHospital``).
  public var hospital: FacilityID?
  /// The response time (``Kind/atScene``).
  public var response: SimDuration?
  public var drive: Drive?
}

/// Which part of a run a trace keeps: some days, and the ambulances of one district, so that
/// a day on a map is a few megabytes rather than a month of the whole state.
public struct TraceFilter: Sendable, Equatable {
  /// Days kept (day 0 is the start date); nil for every day.
  public var days: ClosedRange<Int>?
  /// District whose ambulances (and calls) are kept; nil for every district. The
  /// teleconsultation events follow `days` only.
  public var district: String?
  /// Keeps everything.
  public static let everything = TraceFilter(days: nil, district: nil)
  /// Creates a filter.
  public init(days: ClosedRange<Int>?, district: String?) {
    self.days = days
    self.district = district
  }
}

/// What a traced replication records, filled as it runs. A reference, so that the model's
/// parts (beds, the ambulance service) can write to it without exclusive access to the model.
final class TraceLog {
  var records: [TraceRecord] = []
  var movements: [AmbulanceMovement] = []
  let filter: TraceFilter

  init(filter: TraceFilter) { self.filter = filter }

  /// Whether `time` falls in the days kept.
  func includes(_ time: SimTime) -> Bool { filter.days.map { $0.contains(time.day) } ?? true }

  func record(_ time: SimTime, _ event: TraceEvent) {
    guard includes(time) else { return }
    records.append(TraceRecord(time: time, event: event))
  }
}

/// A traced replication's log and ambulance movements, with the names needed to print them.
/// Formats (the event log, CSV, GeoJSON) are the reporting layer's business.
public struct CareTrace: Sendable {
  /// Every event, in order.
  public var records: [TraceRecord]
  /// Every ambulance movement, in order (empty without an ambulance service).
  public var movements: [AmbulanceMovement]
  /// Facility identifiers (by ``FacilityID``) and specialty names (by ``SpecialtyID``).
  public var facilityNames: [String]
  public var specialtyNames: [String]
  /// The road network the movements refer to, and the start date (day 0).
  public var roads: RoadGraph?
  public var startDate: String
}
