import SimRandom

/// The random streams of a care-network replication: one per source of variation, named so
/// that the same source draws the same numbers in every design compared (common random
/// numbers). The model creates its streams through these names, and ``all`` lists them for
/// the documentation (a test checks that `docs/mechanics.md` lists each).
public enum StreamName {
  /// A spoke's request times, their thinning under demand growth, and each request's specialty.
  static func arrivals(_ spoke: HealthCentre) -> String { "arrivals.\(spoke.id)" }
  /// Consultation times of a specialty.
  static func consult(_ specialty: CareNetworkSpec.Specialty) -> String { "consult.\(specialty.name)" }
  /// How a specialty's consultations end: home, admission at the spoke, or referral.
  static func outcome(_ specialty: CareNetworkSpec.Specialty) -> String { "outcome.\(specialty.name)" }
  /// Whether a call attempt fails, and whether the patient tries again.
  static let calls = "calls"
  /// Lengths of stay at a tier.
  static func stay(_ tier: Tier) -> String { "stay.\(tier.rawValue)" }
  /// Admissions from outside teleconsultation to a facility's beds.
  static func admissions(_ facility: HealthCentre) -> String { "admissions.\(facility.id)" }
  /// When emergency calls come, where from, and of which priority.
  static let ambulanceCalls = "ambulance.calls"
  /// Chute, time at scene and handover, in the order jobs reach them.
  static let ambulanceTimes = "ambulance.times"
  /// Whether an emergency patient needs a bed.
  static let ambulanceAdmission = "ambulance.admission"

  /// Which medicines a specialty's prescriptions hold.
  static func prescriptions(_ specialty: CareNetworkSpec.Specialty) -> String { "prescriptions.\(specialty.name)" }
  /// Delivery times of spokes' medicine orders.
  static let spokeDeliveries = "medicines.lead.spokes"
  /// Delivery times of warehouses' medicine orders.
  static let warehouseDeliveries = "medicines.lead.warehouses"
  /// When ASHA-mobilised patients come, to which spoke, and each one's specialty (not the
  /// spoke's stream: adding them leaves the spoke's own requests unchanged).
  static let ashaArrivals = "asha.arrivals"

  /// Every stream, by pattern (upper-case parts stand for a name), and what it drives.
  public static let all: [(pattern: String, drives: String)] = [
    ("arrivals.SPOKE", "a spoke's request times, their thinning under demand growth, and each request's specialty"),
    ("consult.SPECIALTY", "consultation times"),
    ("outcome.SPECIALTY", "whether a consultation ends at home, in admission at the spoke, or in referral"),
    (calls, "whether a call attempt fails, and whether the patient tries again"),
    ("stay.TIER", "lengths of stay"),
    ("admissions.FACILITY", "admissions from outside teleconsultation"),
    (ambulanceCalls, "when emergency calls come, where from and of which priority"),
    (ambulanceTimes, "chute, time at scene and handover"),
    (ambulanceAdmission, "whether an emergency patient needs a bed"),
    ("prescriptions.SPECIALTY", "which medicines a prescription holds"),
    (spokeDeliveries, "delivery times of spokes' medicine orders"),
    (warehouseDeliveries, "delivery times of district warehouses' medicine orders"),
    (ashaArrivals, "when ASHA-mobilised patients come, to which spoke, and each one's specialty"),
  ]
}

/// Where the model's streams come from: the replication's seeder, and, when asked, a list of
/// the names requested (so a test can check that ``StreamName/all`` is complete).
struct StreamSource {
  let seeder: StreamSeeder
  let log: StreamLog?

  func stream(_ name: String) -> RandomStream {
    log?.names.append(name)
    return seeder.stream(name)
  }
}

/// The stream names a model asked for, in order.
final class StreamLog {
  var names: [String] = []
}

extension CareNetworkModel {
  /// The names of every random stream a replication of `spec` draws from (the model is
  /// built, not run).
  public static func streamNames(_ spec: CareNetworkSpec, layout: CareLayout) -> [String] {
    let log = StreamLog()
    _ = CareNetworkModel(spec: spec, layout: layout, streams: StreamSource(seeder: StreamSeeder(masterSeed: 0, replication: 0),
                                                                           log: log), trace: nil)
    return log.names
  }
}
