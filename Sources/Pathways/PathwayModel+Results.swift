import SimKernel
import SimRandom
import SimStats

extension PathwayModel {
  /// Runs one replication from time 0 to `horizon`, discarding statistics before `warmUp`.
  /// - Returns: the figures named by ``PathwaySpec/metrics``, the events delivered and the
  ///   trajectory fingerprint.
  public static func replicate(_ spec: PathwaySpec, seeder: StreamSeeder, horizon: SimDuration, warmUp: SimDuration)
    -> (values: MetricValues, events: UInt64, fingerprint: UInt64)
  {
    var model = PathwayModel(spec: spec, seeder: seeder)
    var sim = Simulation<PathwayEvent>(reservingEvents: 256)
    model.start(in: &sim)
    _ = sim.run(&model, until: SimTime(minutes: horizon.minutes), warmUpEnd: SimTime(minutes: warmUp.minutes))
    return (model.results(at: sim.now, observed: horizon - warmUp), sim.eventsProcessed, sim.fingerprint)
  }

  /// Runs one replication without warm-up and returns its event log, one line per event.
  public static func trace(_ spec: PathwaySpec, seeder: StreamSeeder, horizon: SimDuration) -> [String] {
    inspect(spec, seeder: seeder, horizon: horizon, log: true).log?.lines ?? []
  }

  /// Runs one replication without warm-up and returns the waits at the first station in
  /// order of service start, with their times: the series MSER-5 reads.
  public static func pilotSeries(_ spec: PathwaySpec, seeder: StreamSeeder, horizon: SimDuration)
    -> (times: [Double], values: [Double])
  {
    var model = PathwayModel(spec: spec, seeder: seeder)
    let pilot = PathwayLog()
    model.pilot = pilot
    var sim = Simulation<PathwayEvent>()
    model.start(in: &sim)
    _ = sim.run(&model, until: SimTime(minutes: horizon.minutes))
    return (pilot.times, pilot.values)
  }

  /// Runs a fresh model to `horizon` with no warm-up and returns it, for invariant tests.
  package static func inspect(_ spec: PathwaySpec, seeder: StreamSeeder, horizon: SimDuration, log: Bool = false)
    -> PathwayModel
  {
    var model = PathwayModel(spec: spec, seeder: seeder)
    if log { model.log = PathwayLog() }
    var sim = Simulation<PathwayEvent>()
    model.start(in: &sim)
    _ = sim.run(&model, until: SimTime(minutes: horizon.minutes))
    return model
  }

  /// Patients in the network now, and per station those present and waiting.
  package var census: (inNetwork: Int, present: [Int], waiting: [Int], busy: [Int]) {
    (patients.active, stations.map(\.present), stations.map(\.waiting), pools.map(\.busy))
  }

  /// Closes the time averages at `now` and lists the figures.
  mutating func results(at now: SimTime, observed: SimDuration) -> MetricValues {
    let t = now.minutes
    let hours = observed.hours
    let nan = Double.nan
    func share(_ n: Int, of total: Int) -> Double { total > 0 ? Double(n) / Double(total) : nan }
    for i in pools.indices { pools[i].close(at: t) }
    for i in stations.indices { stations[i].close(at: t) }
    var values: [Double] = []
    let order = spec.resourceOrder
    for (s, st) in stations.enumerated() {
      values += [
        Double(st.arrivals), st.wait.mean ?? nan, st.waitQuantiles.quantile(0.9) ?? nan, st.sojourn.mean ?? nan,
        st.presentLevel.mean ?? nan, Double(st.completions) / hours, share(st.reneged, of: st.arrivals),
        share(st.balked, of: st.arrivals), share(st.overflowed, of: st.arrivals), share(st.refused, of: st.arrivals),
      ]
      for c in spec.reportedClasses(at: spec.stations[s]) {
        values += [Double(st.classArrivals[c]), st.classWait[c].mean ?? nan, st.classSojourn[c].mean ?? nan,
                   st.classPresentLevel[c].mean ?? nan, share(st.classReneged[c], of: st.classArrivals[c])]
      }
      for (after, r) in order where after == s { values += poolValues(r) }
    }
    for (after, r) in order where after == nil { values += poolValues(r) }
    var completed = 0
    for c in spec.classes.indices {
      let total = exits[c].reduce(0, +)
      completed += exits[c][PathwaySpec.Outcome.completed.rawValue]
      values += [Double(exits[c][PathwaySpec.Outcome.completed.rawValue]) / hours, classSojourn[c].mean ?? nan]
      values += PathwaySpec.Outcome.allCases.map { share(exits[c][$0.rawValue], of: total) }
    }
    values += [networkSojourn.mean ?? nan, Double(completed) / hours]
    return MetricValues(metrics: spec.metrics, values: values)
  }

  private func poolValues(_ r: Int) -> [Double] {
    let p = pools[r]
    let nan = Double.nan
    let busy = p.busyLevel.mean ?? nan
    let onDuty = p.onDutyLevel.mean ?? nan
    // Time worked past the roster counts as time on duty, so utilisation stays within 1.
    let available = onDuty + (p.surplusLevel.mean ?? 0)
    return [busy, onDuty, available > 0 ? busy / available : nan, p.queueLevel.mean ?? nan,
            (p.surplusLevel.mean ?? 0) * p.surplusLevel.duration]
  }
}
