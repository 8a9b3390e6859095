import SimKernel

/// A patient in the network (a reusable slot).
public typealias PatientSlot = EntityID<PathwayKind.Patient>

extension PathwayKind {
  /// A patient in the network, by reusable slot.
  public enum Patient {}
}

/// Patients in the network, one record per reusable slot, so a steady-state run allocates
/// nothing.
struct PatientPool {
  struct Patient {
    var patientClass: ClassID
    /// The station the patient is at, waiting for (after a delay) or was last at.
    var station: StationID
    /// When the patient joined `station` (after any delay).
    var arrivalAtStation: Double
    /// When this visit to the network began.
    var enteredNetwork: Double
    /// Changes each time the patient joins a waiting line, so that a stale line entry or
    /// patience event is recognised.
    var ticket: UInt64
    var waiting: Bool
    /// Resources held across steps (at most two at once; -1 for none).
    var held: (Int32, Int32)
    /// Visits still to come after this one.
    var visitsLeft: Int32
    /// Order of arrival from outside, from 1 (slots are reused; traces name patients by this).
    var serial: UInt32
    /// The class the patient came in as from outside: its return rule applies to every visit.
    var admittedAs: ClassID
    /// The class this visit began as: per-class network figures are counted under it, so a
    /// first visit that continues as a review still counts as a first visit.
    var visitClass: ClassID
  }

  private var records: ContiguousArray<Patient> = []
  private var free: ContiguousArray<Int32> = []
  private var freeCount = 0
  private var nextTicket: UInt64 = 0
  private var admitted: UInt32 = 0

  /// Patients in the network now (including those away between visits).
  private(set) var active = 0

  mutating func admit(_ c: ClassID, at station: StationID, now: Double) -> PatientSlot {
    active += 1
    admitted &+= 1
    let record = Patient(patientClass: c, station: station, arrivalAtStation: now, enteredNetwork: now,
                         ticket: 0, waiting: false, held: (-1, -1), visitsLeft: 0, serial: admitted,
                         admittedAs: c, visitClass: c)
    if freeCount > 0 {
      freeCount -= 1
      let slot = free[freeCount]
      records[Int(slot)] = record
      return PatientSlot(Int(slot))
    }
    records.append(record)
    return PatientSlot(records.count - 1)
  }

  subscript(_ slot: PatientSlot) -> Patient {
    @inline(__always) get { records[slot.index] }
    @inline(__always) set { records[slot.index] = newValue }
  }

  /// Marks the patient as waiting and returns the ticket of this wait.
  mutating func startWaiting(_ slot: PatientSlot) -> UInt64 {
    nextTicket &+= 1
    records[slot.index].ticket = nextTicket
    records[slot.index].waiting = true
    return nextTicket
  }

  /// The ticket of the latest wait to begin (a closing serves those at or below it).
  var lastTicket: UInt64 { nextTicket }

  /// Whether `ticket` is the patient's current wait.
  func isWaiting(_ slot: PatientSlot, ticket: UInt64) -> Bool {
    let p = records[slot.index]
    return p.waiting && p.ticket == ticket
  }

  mutating func release(_ slot: PatientSlot) {
    active -= 1
    records[slot.index].waiting = false
    if freeCount < free.count { free[freeCount] = slot.rawValue } else { free.append(slot.rawValue) }
    freeCount += 1
  }
}

/// A resource's waiting line: one FIFO lane per priority level, lane 0 first. Patients who
/// leave the line early are not searched for; their entries are skipped when they reach the
/// front (the ticket no longer matches).
struct WaitingLine {
  struct Entry {
    var slot: Int32
    var ticket: UInt64
  }

  /// Each lane is a ring over `storage[lane]`, from `heads[lane]`, `counts[lane]` entries.
  private var storage: [ContiguousArray<Entry>]
  private var heads: [Int]
  private var counts: [Int]

  init(lanes: Int) {
    storage = Array(repeating: ContiguousArray(repeating: Entry(slot: -1, ticket: 0), count: 8), count: lanes)
    heads = Array(repeating: 0, count: lanes)
    counts = Array(repeating: 0, count: lanes)
  }

  var laneCount: Int { storage.count }

  mutating func append(_ entry: Entry, lane: Int) {
    if counts[lane] == storage[lane].count { grow(lane) }
    var tail = heads[lane] + counts[lane]
    if tail >= storage[lane].count { tail -= storage[lane].count }
    storage[lane][tail] = entry
    counts[lane] += 1
  }

  func front(lane: Int) -> Entry? {
    counts[lane] > 0 ? storage[lane][heads[lane]] : nil
  }

  mutating func dropFront(lane: Int) {
    heads[lane] += 1
    if heads[lane] == storage[lane].count { heads[lane] = 0 }
    counts[lane] -= 1
  }

  private mutating func grow(_ lane: Int) {
    let old = storage[lane]
    var bigger = ContiguousArray(repeating: Entry(slot: -1, ticket: 0), count: old.count * 2)
    for i in 0..<counts[lane] { bigger[i] = old[(heads[lane] + i) % old.count] }
    storage[lane] = bigger
    heads[lane] = 0
  }
}
