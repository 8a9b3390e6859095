import SimKernel
import SimStats

/// What an ambulance is doing.
enum AmbulanceStatus: UInt8 {
  case idle, toScene, atScene, toHospital, handover, returning
}

/// The fleet's live state and the statistics gathered since warm-up.
struct FleetState {
  var status: [AmbulanceStatus]
  /// Facility the ambulance is at or last left (its base when idle).
  var position: [Int]
  var call: [Int32]
  var hospital: [Int]
  var busySince: [Double]
  /// A returning ambulance's pending arrival at base: its time and event, so that it can be
  /// sent to a new call instead.
  var returnArrival: [Double]
  var returnEvent: [EventHandle?]
  var busyMinutes: [Double]
  var km: [Double]
  // Calls in progress, in reusable slots.
  var callNode: [Int] = []
  var callTime: [Double] = []
  var callPriority: [Int] = []
  var callPatient: [Int32] = []
  var callUrban: [Bool] = []
  var callQueued: [Bool] = []
  private var freeCalls: [Int32] = []
  /// The serial number of the call in each slot (slots are reused; traces name calls by
  /// serial, 0, 1, 2… in order of arrival over the whole run).
  private(set) var callSerial: [Int] = []
  private var callsOpened = 0
  /// Calls waiting for an ambulance, one list per priority (referrals last).
  var waiting: [[Int32]]
  /// Calls since the start, never reset (conservation: opened = served + failed + unplaced + open).
  var ledger = CallLedger()
  // Statistics.
  var calls = 0
  var transfers = 0
  var response = Tally()
  var responseQuantiles = QuantileSketch()
  var withinTarget = 0
  var toHospital = Tally()
  var queued = 0
  var failed = 0
  var unplaced = 0
  var districtCalls: [Int]
  var districtResponse: [CompensatedSum]
  var districtWithin: [Int]
  var blockCalls: [Int]
  var blockResponse: [CompensatedSum]
  var blockWithin: [Int]
  var busyAtWarmUp: [Double]
  var kmAtWarmUp: [Double]

  init(ambulances: [FleetSpec.Ambulance], priorities: Int, districts: Int, blocks: Int) {
    let n = ambulances.count
    status = Array(repeating: .idle, count: n)
    position = ambulances.map(\.base)
    call = Array(repeating: -1, count: n)
    hospital = Array(repeating: -1, count: n)
    busySince = Array(repeating: 0, count: n)
    returnArrival = Array(repeating: 0, count: n)
    returnEvent = Array(repeating: nil, count: n)
    busyMinutes = Array(repeating: 0, count: n)
    km = Array(repeating: 0, count: n)
    waiting = Array(repeating: [], count: priorities + 1)
    districtCalls = Array(repeating: 0, count: districts)
    districtResponse = Array(repeating: CompensatedSum(), count: districts)
    districtWithin = Array(repeating: 0, count: districts)
    blockCalls = Array(repeating: 0, count: blocks)
    blockResponse = Array(repeating: CompensatedSum(), count: blocks)
    blockWithin = Array(repeating: 0, count: blocks)
    busyAtWarmUp = Array(repeating: 0, count: n)
    kmAtWarmUp = Array(repeating: 0, count: n)
  }

  mutating func openCall(node: Int, time: Double, priority: Int, patient: Int32, urban: Bool) -> Int32 {
    defer { callsOpened += 1 }
    if let slot = freeCalls.popLast() {
      let i = Int(slot)
      (callNode[i], callTime[i], callPriority[i], callPatient[i], callUrban[i], callQueued[i], callSerial[i]) =
        (node, time, priority, patient, urban, false, callsOpened)
      return slot
    }
    callNode.append(node); callTime.append(time); callPriority.append(priority); callPatient.append(patient)
    callUrban.append(urban); callQueued.append(false); callSerial.append(callsOpened)
    return Int32(callNode.count - 1)
  }

  mutating func closeCall(_ slot: Int32) { freeCalls.append(slot) }

  /// Calls still open (waiting or being served).
  var openCalls: Int { callNode.count - freeCalls.count }

  /// Busy minutes of ambulance `a` up to `now`, including the current job.
  func busy(_ a: Int, at now: Double) -> Double {
    busyMinutes[a] + (status[a] == .idle ? 0 : now - busySince[a])
  }

  mutating func resetStatistics(at now: Double) {
    calls = 0; transfers = 0; response = Tally(); responseQuantiles.reset(); withinTarget = 0; toHospital = Tally()
    queued = 0; failed = 0; unplaced = 0
    for i in districtCalls.indices { districtCalls[i] = 0; districtResponse[i] = CompensatedSum(); districtWithin[i] = 0 }
    for i in blockCalls.indices { blockCalls[i] = 0; blockResponse[i] = CompensatedSum(); blockWithin[i] = 0 }
    for a in status.indices { busyAtWarmUp[a] = busy(a, at: now); kmAtWarmUp[a] = km[a] }
  }
}

/// How every ambulance call since the start ended.
public struct CallLedger: Sendable, Equatable {
  public var opened = 0
  public var served = 0
  public var failed = 0
  public var unplaced = 0
}
