import SimKernel
import SimStats

/// What an ambulance is doing.
enum AmbulanceStatus: UInt8 {
  case idle, toScene, atScene, toHospital, handover, returning
}

/// One ambulance's live state.
struct AmbulanceState {
  let kind: FleetSpec.Kind
  let base: FacilityID
  var status = AmbulanceStatus.idle
  /// Facility the ambulance is at or last left (its base when idle).
  var position: FacilityID
  /// The call it is serving.
  var call: CallID?
  /// The hospital it is taking a patient to.
  var hospital: FacilityID?
  var busySince = SimTime.zero
  /// A returning ambulance's pending arrival at base: its time and event, so that it can be
  /// sent to a new call instead.
  var returnArrival = SimTime.zero
  var returnEvent: EventHandle?
  /// Busy minutes of finished jobs, and road kilometres, since the start of the run.
  var busyMinutes = 0.0
  var km = 0.0

  init(_ ambulance: FleetSpec.Ambulance) {
    kind = ambulance.kind
    base = ambulance.base
    position = ambulance.base
  }

  /// Busy minutes up to `now`, including the current job.
  func busy(at now: SimTime) -> Double {
    busyMinutes + (status == .idle ? 0 : now.minutes - busySince.minutes)
  }
}

/// An ambulance call in progress: an emergency, or a referral transfer from a spoke.
struct Call {
  let node: RoadNodeID
  let time: SimTime
  let priority: CallPriorityID
  /// The referred patient, for a transfer.
  let patient: PatientID?
  /// Whether a transfer patient is asking for a bed for the first time (emergency patients
  /// always are).
  let firstBedRequest: Bool
  let isUrban: Bool
  /// The call's serial: 0, 1, 2… in order of arrival over the run (slots are reused).
  let serial: Int
}

/// Calls in progress, in reusable slots (``CallID``).
struct CallTable {
  private var calls = ContiguousArray<Call>()
  private var free = ContiguousArray<CallID>()
  private var opened = 0

  /// Stores a new call; its serial is the number of calls opened before it.
  mutating func open(node: RoadNodeID, time: SimTime, priority: CallPriorityID, patient: PatientID?,
                     firstBedRequest: Bool, isUrban: Bool) -> CallID {
    defer { opened += 1 }
    let call = Call(node: node, time: time, priority: priority, patient: patient, firstBedRequest: firstBedRequest,
                    isUrban: isUrban, serial: opened)
    if let slot = free.popLast() {
      calls[slot.index] = call
      return slot
    }
    calls.append(call)
    return CallID(calls.count - 1)
  }

  /// Frees the slot of a call that has ended.
  mutating func close(_ c: CallID) { free.append(c) }

  /// Calls still open (waiting or being served).
  var openCount: Int { calls.count - free.count }

  subscript(c: CallID) -> Call { calls[c.index] }
}

/// How every ambulance call since the start ended (never reset: opened = served + failed +
/// unplaced + still open).
public struct CallLedger: Sendable, Equatable {
  public var opened = 0
  public var served = 0
  public var failed = 0
  public var unplaced = 0
}
