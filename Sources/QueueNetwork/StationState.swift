import SimKernel
import SimStats

/// A station's live state and the statistics gathered since the end of warm-up.
struct StationState {
  var resource: Resource
  var queueLength = TimeWeighted()
  var busy = TimeWeighted()
  var onDuty: TimeWeighted
  var wait = Tally()
  var waitQuantiles = QuantileSketch()
  var waited = 0
  var sojourn = Tally()
  var classWait: [Tally]
  var classSojourn: [Tally]
  var arrivals = 0
  var completions = 0
  var refusedAtWarmUp = 0
  var overtimeAtWarmUp = SimDuration.zero

  init(spec: NetworkSpec.Station, lanes: Int, classes: Int) {
    let servers = spec.roster.servers(at: .zero)
    resource = Resource(servers: servers, systemCapacity: spec.capacity, priorityClasses: lanes)
    onDuty = TimeWeighted(level: servers)
    classWait = Array(repeating: Tally(), count: classes)
    classSojourn = Array(repeating: Tally(), count: classes)
  }

  /// An arrival: counts it, admits it to the resource, records a zero wait if service starts
  /// now, and updates the levels.
  @inline(__always)
  mutating func admit(_ slot: Int32, lane: Int, customerClass: Int, at now: Double) -> Resource.Admission {
    arrivals += 1
    let admission = resource.arrive(slot, priorityClass: lane)
    if admission == .served { recordWait(0, customerClass: customerClass) }
    observeLevels(at: now)
    return admission
  }

  /// A service completion: records the sojourn, frees the server and updates the levels.
  /// - Returns: the waiting customer who starts service now, if any.
  @inline(__always)
  mutating func finish(stay: Double, customerClass: Int, at now: SimTime) -> Int32? {
    recordSojourn(stay, customerClass: customerClass)
    completions += 1
    let next = resource.complete(at: now)?.job
    observeLevels(at: now.minutes)
    return next
  }

  /// Brings the time averages up to date after the resource changed.
  @inline(__always)
  mutating func observeLevels(at now: Double) {
    queueLength.update(to: resource.queue.count, atMinutes: now)
    busy.update(to: resource.busy, atMinutes: now)
  }

  @inline(__always)
  mutating func recordWait(_ w: Double, customerClass: Int) {
    wait.record(w)
    waitQuantiles.record(w)
    if w > 0 { waited += 1 }
    if classWait.count > 1 { classWait[customerClass].record(w) }
  }

  @inline(__always)
  mutating func recordSojourn(_ stay: Double, customerClass: Int) {
    sojourn.record(stay)
    if classSojourn.count > 1 { classSojourn[customerClass].record(stay) }
  }

  /// Time-average number in the station (waiting plus in service).
  var meanInSystem: Double? {
    guard let q = queueLength.mean, let b = busy.mean else { return nil }
    return q + b
  }

  mutating func resetStatistics(at now: Double) {
    queueLength.reset(atMinutes: now)
    busy.reset(atMinutes: now)
    onDuty.reset(atMinutes: now)
    wait = Tally()
    waitQuantiles.reset()
    waited = 0
    sojourn = Tally()
    for i in classWait.indices {
      classWait[i] = Tally()
      classSojourn[i] = Tally()
    }
    arrivals = 0
    completions = 0
    refusedAtWarmUp = resource.refusedCount
    overtimeAtWarmUp = resource.overtime
  }

  mutating func close(at now: Double) {
    queueLength.close(atMinutes: now)
    busy.close(atMinutes: now)
    onDuty.close(atMinutes: now)
  }
}
