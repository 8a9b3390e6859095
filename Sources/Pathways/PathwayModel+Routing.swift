import SimKernel
import SimStats

extension PathwayModel {
  /// Sends the patient on after service: the first rule whose condition holds draws the
  /// branch; what its branches leave over means the pathway is complete.
  mutating func route(_ slot: PatientSlot, from station: StationID, in sim: inout Simulation<PathwayEvent>) {
    let rules = spec.stations[station.index].routing[patients[slot].patientClass.index]
    guard let rule = rules.first(where: { holds($0.condition, at: sim.now.minutes) }), !rule.branches.isEmpty
    else { return leave(slot, .completed, in: &sim) }
    let u = routingStreams[station.index].uniform()
    var cumulative = 0.0
    for branch in rule.branches {
      cumulative += branch.probability
      if u < cumulative { return go(slot, to: branch.destination, in: &sim) }
    }
    leave(slot, .completed, in: &sim)
  }

  mutating func go(_ slot: PatientSlot, to destination: PathwaySpec.Destination, in sim: inout Simulation<PathwayEvent>) {
    switch destination {
    case .station(let target, let asClass):
      if let asClass { patients[slot].patientClass = asClass }
      arrive(slot, at: target, in: &sim)
    case .exit(let outcome):
      leave(slot, outcome, in: &sim)
    }
  }

  func holds(_ condition: PathwaySpec.Condition, at now: Double) -> Bool {
    switch condition {
    case .always:
      return true
    case .hours(let start, let end):
      var t = now.truncatingRemainder(dividingBy: SimDuration.day.minutes)
      if t < 0 { t += SimDuration.day.minutes }
      return start < end ? (t >= start && t < end) : (t >= start || t < end)
    case .free(let station):
      let st = spec.stations[station.index]
      if let k = st.capacity, stations[station.index].present >= k { return false }
      return st.resource.map { pools[$0.index].hasFreeServer } ?? true
    }
  }

  /// The patient leaves the network (or, after a completed visit with visits to come, goes
  /// home until the next one), giving back anything they hold.
  mutating func leave(_ slot: PatientSlot, _ outcome: PathwaySpec.Outcome, in sim: inout Simulation<PathwayEvent>) {
    let now = sim.now.minutes
    let held = patients[slot].held
    patients[slot].held = (-1, -1)
    if held.0 >= 0 { releaseUnit(ResourceID(Int(held.0)), in: &sim) }
    if held.1 >= 0 { releaseUnit(ResourceID(Int(held.1)), in: &sim) }
    let c = patients[slot].visitClass.index
    exits[c][outcome.rawValue] += 1
    let stay = now - patients[slot].enteredNetwork
    classSojourn[c].record(stay)
    networkSojourn.record(stay)
    note("leaves (\(outcome.name))", slot, at: patients[slot].station, sim.now.minutes)
    let admittedAs = patients[slot].admittedAs.index
    if outcome == .completed, patients[slot].visitsLeft > 0, let returns = spec.classes[admittedAs].returns {
      patients[slot].visitsLeft -= 1
      let stream = returnStreams[admittedAs]
      let due = now + returns.after.sample(using: stream)
      let back = returns.window?.arrival(due: due, now: now, u: stream.uniform()) ?? due
      sim.schedule(.comeBack(slot), at: SimTime(minutes: back))
      return
    }
    totalExits += 1
    patients.release(slot)
  }
}
