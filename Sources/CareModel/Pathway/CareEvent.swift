import SimKernel

/// Events of the care-network model. Each payload is one 4-byte ID at most, so that a
/// calendar entry is 24 bytes rather than 32: the statewide calendar holds tens of thousands
/// of entries (an arrival per spoke, a discharge per occupied bed) and the sift loops move
/// whole entries.
public enum CareEvent: Sendable {
  /// A patient asks for a teleconsultation at a spoke.
  case arrival(SpokeID)
  /// Every hub's session opens or closes.
  case session(open: Bool)
  /// A consultation ends.
  case consultEnd(PatientID)
  /// A call failed or the specialist was unavailable.
  case failedCall(PatientID)
  /// A referred patient reaches the next candidate hospital (no ambulance service).
  case hospitalArrival(PatientID)
  /// An inpatient leaves a bed.
  case discharge(BedPoolID)
  /// A patient from outside teleconsultation asks for a bed.
  case otherAdmission(BedPoolID)
  /// A dated bed upgrade takes effect.
  case upgrade(UpgradeID)
  /// A day ends (for the daily series).
  case midnight
  /// An emergency call reaches the 102 control room.
  case emergencyCall
  /// An ambulance finishes a stage of its job (drive, scene, handover, return).
  case ambulanceStage(AmbulanceID)
  /// A medicine order reaches a spoke or a warehouse.
  case delivery(StockOrderID)
  /// An ASHA brings a patient to a spoke.
  case ashaArrival
  /// A meal time at the hospital kitchens.
  case meal
}

extension EventPriority {
  /// Midnight comes first at its instant, so the day closes before anything of the next
  /// day happens.
  static let dayBoundary = EventPriority(-3)
  /// Sessions open and close before patients arrive or finish at the same instant.
  static let sessionChange = EventPriority(-2)
  /// A bed upgrade takes effect before admissions at the same instant.
  static let bedUpgrade = EventPriority(-1)
}

extension CareEvent {
  /// The event's kind and the entity it concerns, for the trajectory fingerprint.
  var fingerprintCode: UInt64 {
    func code(_ kind: UInt64, _ id: Int32 = 0) -> UInt64 { kind << 32 | UInt64(UInt32(bitPattern: id)) }
    switch self {
    case .arrival(let s): return code(1, s.rawValue)
    case .session(let open): return code(2, open ? 1 : 0)
    case .consultEnd(let p): return code(3, p.rawValue)
    case .failedCall(let p): return code(4, p.rawValue)
    case .hospitalArrival(let p): return code(5, p.rawValue)
    case .discharge(let b): return code(6, b.rawValue)
    case .otherAdmission(let b): return code(7, b.rawValue)
    case .upgrade(let u): return code(8, u.rawValue)
    case .midnight: return code(9)
    case .emergencyCall: return code(10)
    case .ambulanceStage(let a): return code(11, a.rawValue)
    case .delivery(let o): return code(12, o.rawValue)
    case .ashaArrival: return code(13)
    case .meal: return code(14)
    }
  }
}
