import SimKernel
import SimStats

extension PathwayModel {
  /// The patient keeps a unit of `r` after service (a bed between steps).
  /// - Returns: false when they already hold two, the most a patient can: the unit is then
  ///   not kept.
  mutating func hold(_ r: ResourceID, _ slot: PatientSlot) -> Bool {
    if patients[slot].held.0 < 0 {
      patients[slot].held.0 = r.rawValue
    } else if patients[slot].held.1 < 0 {
      patients[slot].held.1 = r.rawValue
    } else {
      return false
    }
    return true
  }

  /// Takes `r` from what the patient holds; false if they hold none.
  mutating func drop(_ r: ResourceID, _ slot: PatientSlot) -> Bool {
    if patients[slot].held.1 == r.rawValue {
      patients[slot].held.1 = -1
      return true
    }
    if patients[slot].held.0 == r.rawValue {
      patients[slot].held.0 = patients[slot].held.1
      patients[slot].held.1 = -1
      return true
    }
    return false
  }

  /// A unit of `r` is free again: the next patient waiting for it (if any) starts.
  mutating func releaseUnit(_ r: ResourceID, in sim: inout Simulation<PathwayEvent>) {
    pools[r.index].busy -= 1
    dispatch(r, in: &sim)
  }

  /// Starts waiting patients on free servers of `r`, most urgent lane first, FIFO within a
  /// lane; during a `finish-queue` closing only those who joined before closing.
  mutating func dispatch(_ r: ResourceID, in sim: inout Simulation<PathwayEvent>) {
    let now = sim.now.minutes
    let i = r.index
    while pools[i].busy < pools[i].serving, let slot = nextWaiting(i) {
      patients[slot].waiting = false
      pools[i].waiting -= 1
      if pools[i].closingCutoff != nil { pools[i].eligibleLeft -= 1 }
      pools[i].busy += 1
      let station = patients[slot].station
      stations[station.index].waiting -= 1
      startService(slot, at: station, waited: now - patients[slot].arrivalAtStation, in: &sim)
    }
    endClosingIfDone(i)
    pools[i].observe(at: now)
  }

  /// Removes and returns the next patient who may start at pool `i`, dropping stale entries.
  mutating func nextWaiting(_ i: Int) -> PatientSlot? {
    let cutoff = pools[i].closingCutoff
    for lane in 0..<pools[i].line.laneCount {
      while let entry = pools[i].line.front(lane: lane) {
        let slot = PatientSlot(Int(entry.slot))
        guard patients.isWaiting(slot, ticket: entry.ticket) else {
          pools[i].line.dropFront(lane: lane)
          continue
        }
        // Lanes are in order of tickets: if the front joined after closing, so did the rest.
        if let cutoff, entry.ticket > cutoff { break }
        pools[i].line.dropFront(lane: lane)
        return slot
      }
    }
    return nil
  }

  /// The patient leaves a waiting line unserved (gave up, or sent home): the time they spent
  /// counts in the station's time here, so that Little's law holds with patience.
  mutating func leaveLine(_ slot: PatientSlot, at now: Double) {
    let station = patients[slot].station
    let s = station.index
    let c = patients[slot].patientClass.index
    patients[slot].waiting = false
    if let r = spec.stations[s].resource?.index {
      pools[r].waiting -= 1
      if let cutoff = pools[r].closingCutoff, patients[slot].ticket <= cutoff {
        pools[r].eligibleLeft -= 1
        endClosingIfDone(r)
      }
      pools[r].observe(at: now)
    }
    stations[s].waiting -= 1
    stations[s].changePresent(by: -1, patientClass: c, at: now)
    let stay = now - patients[slot].arrivalAtStation
    stations[s].sojourn.record(stay)
    stations[s].classSojourn[c].record(stay)
  }

  /// Ends a `finish-queue` closing once everyone who waited at closing has started.
  mutating func endClosingIfDone(_ i: Int) {
    guard pools[i].closingCutoff != nil, pools[i].eligibleLeft <= 0 else { return }
    pools[i].closingCutoff = nil
    pools[i].eligibleLeft = 0
    pools[i].serving = pools[i].onDuty
  }

  /// The roster of `r` changes. Going to zero applies the resource's closing rule; any
  /// other change ends a closing and starts waiting patients on new servers.
  mutating func changeRoster(_ r: ResourceID, in sim: inout Simulation<PathwayEvent>) {
    let i = r.index
    let now = sim.now.minutes
    let pool = spec.resources[i]
    let level = pool.roster.servers(at: sim.now)
    defer {
      if let change = pool.roster.nextChange(after: sim.now) {
        sim.schedule(.rosterChange(r), at: change, priority: .pathwayRoster)
      }
    }
    // A timetable may name the level it already has (a change at midnight that keeps the
    // night's level): nothing changes, and a closing under way goes on.
    guard level != pools[i].onDuty else { return }
    // The closing rule is for the end of a shift, not for a break: an absence that leaves no
    // one on duty makes the line wait, as under carry-over.
    let closing = pool.shift.servers(at: sim.now) == 0 ? pool.closing : .carryOver
    if level == 0 {
      pools[i].onDuty = 0
      switch closing {
      case .carryOver:
        pools[i].serving = 0
      case .finishQueue:
        if pools[i].waiting > 0 {
          pools[i].closingCutoff = patients.lastTicket
          pools[i].eligibleLeft = pools[i].waiting
        } else {
          pools[i].serving = 0
        }
      case .sendHome:
        pools[i].serving = 0
        while let slot = nextWaiting(i) {
          leaveLine(slot, at: now)
          let station = patients[slot].station
          note("is sent home", slot, at: station, sim.now.minutes)
          leave(slot, .sentHome, in: &sim)
        }
      }
      pools[i].observe(at: now)
    } else {
      pools[i].onDuty = level
      pools[i].closingCutoff = nil
      pools[i].eligibleLeft = 0
      pools[i].serving = level
      dispatch(r, in: &sim)
    }
  }

  /// Adds a line to the event log when one is kept (the text is only built then).
  func note(_ what: @autoclosure () -> String, _ slot: PatientSlot, at station: StationID, _ now: Double) {
    guard let log else { return }
    let c = spec.classes[patients[slot].patientClass.index].name
    log.lines.append("\(PathwayLog.time(now)) patient \(patients[slot].serial) (\(c)) \(what()) at \(spec.stations[station.index].name)")
  }
}

/// A record kept only on request: the event log of a traced run, or a pilot run's waits.
public final class PathwayLog {
  /// One line per event, `MINUTES patient N (CLASS) WHAT at STATION`.
  public internal(set) var lines: [String] = []
  /// Times (minutes) at which patients started service at the first station (pilot runs).
  public private(set) var times: [Double] = []
  /// Their waits, in minutes (pilot runs).
  public private(set) var values: [Double] = []

  /// An empty record.
  public init() {}

  func record(_ time: Double, _ value: Double) {
    times.append(time)
    values.append(value)
  }

  static func time(_ minutes: Double) -> String {
    minutes == minutes.rounded() ? String(Int(minutes)) : String(minutes)
  }
}
