import SimKernel
import SimStats

/// Patients in the system, in parallel arrays indexed by a reusable slot.
struct PatientTable {
  var spoke = ContiguousArray<Int32>()
  var specialty = ContiguousArray<Int32>()
  var arrival = ContiguousArray<Double>()
  var attempts = ContiguousArray<Int32>()
  /// Referral: which candidate hospital the patient is heading to, and from where.
  var candidate = ContiguousArray<Int32>()
  var position = ContiguousArray<Int32>()
  /// The consultation queue serving the patient now: events carry only the patient, which
  /// keeps a calendar entry at 24 bytes.
  var pool = ContiguousArray<Int32>()
  /// Each slot's patient serial: 0, 1, 2… in order of arrival over the run. Slots are
  /// reused, so traces name patients by serial.
  private(set) var serial = ContiguousArray<Int>()
  private var free = ContiguousArray<Int32>()
  private(set) var active = 0
  private var admitted = 0

  mutating func admit(spoke s: Int, specialty c: Int, at now: Double) -> Int32 {
    active += 1
    defer { admitted += 1 }
    if let slot = free.popLast() {
      let i = Int(slot)
      spoke[i] = Int32(s); specialty[i] = Int32(c); arrival[i] = now; attempts[i] = 0
      candidate[i] = 0; position[i] = -1; pool[i] = -1; serial[i] = admitted
      return slot
    }
    spoke.append(Int32(s)); specialty.append(Int32(c)); arrival.append(now); attempts.append(0)
    candidate.append(0); position.append(-1); pool.append(-1); serial.append(admitted)
    return Int32(spoke.count - 1)
  }

  mutating func release(_ slot: Int32) {
    active -= 1
    free.append(slot)
  }
}

/// One teleconsultation queue: a hub's specialists of one specialty (or, with the statewide
/// pool, every hub's specialists of that specialty).
struct ConsultPool {
  var resource: Resource
  /// Specialists on duty while a session is open.
  let specialists: Int
  /// Patients whose attempt failed and who come back when the next session opens.
  var retry = ContiguousArray<Int32>()
  var busy = TimeWeighted()
  var onDuty = TimeWeighted()
  var consults = 0
  var wait = Tally()
  var overtimeAtWarmUp = SimDuration.zero

  init(specialists: Int) {
    self.specialists = specialists
    resource = Resource(servers: 0)
  }

  /// Overtime since the end of warm-up, minutes.
  var overtimeMinutes: Double { (resource.overtime - overtimeAtWarmUp).minutes }

  mutating func reset(at now: Double) {
    busy.reset(atMinutes: now)
    onDuty.reset(atMinutes: now)
    consults = 0
    wait = Tally()
    overtimeAtWarmUp = resource.overtime
  }
}

/// The inpatient beds of one facility, with the occupancy statistics planners read.
struct BedPool {
  let facility: Int
  var capacity: Int
  var occupied = 0
  var lastChange = 0.0
  var start = 0.0
  var occupiedArea = CompensatedSum()
  var capacityArea = CompensatedSum()
  var fullTime = CompensatedSum()
  var admissions = 0
  var refusals = 0

  init(facility: Int, capacity: Int) {
    self.facility = facility
    self.capacity = capacity
  }

  var hasFreeBed: Bool { occupied < capacity }

  mutating func advance(to now: Double) {
    let dt = now - lastChange
    guard dt > 0 else { return }
    occupiedArea.add(Double(occupied) * dt)
    capacityArea.add(Double(capacity) * dt)
    if capacity > 0 && occupied >= capacity { fullTime.add(dt) }
    lastChange = now
  }

  mutating func reset(at now: Double) {
    advance(to: now)
    start = now
    occupiedArea = CompensatedSum()
    capacityArea = CompensatedSum()
    fullTime = CompensatedSum()
    admissions = 0
    refusals = 0
  }
}

/// Counts kept by district, specialty or hub for the breakdown tables.
struct GroupCounts {
  var requests = 0
  var consults = 0
  var waitTotal = CompensatedSum()
  var sameDay = 0
  var referrals = 0
  var admissions = 0
  var abandoned = 0
}

/// One day's figures for the daily series.
struct DayRecord {
  var requests = 0
  var consults = 0
  var waitTotal = 0.0
  var referrals = 0
  var admissions = 0
  var abandoned = 0
  var bedsOccupied = 0
}
