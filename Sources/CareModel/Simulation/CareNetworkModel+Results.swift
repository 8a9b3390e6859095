import SimKernel
import SimRandom
import SimStats

/// One replication's statewide figures and its breakdown tables.
public struct CareReplication: Sendable {
  public var values: MetricValues
  public var tables: [BreakdownTable]
  public var ledger: CareLedger
  public var patientsInSystem: Int
  public var events: UInt64
  /// The event log, when asked for.
  public var trace: [String]?
  /// How ambulance calls ended, and how many are still open (when there is a fleet).
  public var calls: CallLedger?
  public var openCalls = 0
}

extension CareNetworkSpec {
  /// The statewide figures each replication reports, in order (ambulance figures only when
  /// the scenario has a fleet).
  public var metrics: [Metric] { Self.careMetrics + (fleet == nil ? [] : Self.ambulanceMetrics) }

  static let ambulanceMetrics: [Metric] = [
    Metric("ambulance.calls.per_day", unit: "/d"), Metric("ambulance.response.mean", unit: "min"),
    .quantile("ambulance.response.p50", unit: "min"), .quantile("ambulance.response.p90", unit: "min"),
    Metric("ambulance.response.within_target", unit: "ratio"), Metric("ambulance.call_to_hospital.mean", unit: "min"),
    Metric("ambulance.queued", unit: "ratio"), Metric("ambulance.failed", unit: "ratio"),
    Metric("ambulance.unplaced.per_day", unit: "/d"), Metric("ambulance.transfers.per_day", unit: "/d"),
    Metric("ambulance.utilisation", unit: "ratio"), Metric("ambulance.km.per_day", unit: "km/d"),
  ]

  /// The teleconsultation, bed and cost figures.
  static let careMetrics: [Metric] = [
    Metric("teleconsult.requests.per_day", unit: "/d"), Metric("teleconsult.completed.per_day", unit: "/d"),
    Metric("teleconsult.wait.mean", unit: "h"), .quantile("teleconsult.wait.p50", unit: "h"),
    .quantile("teleconsult.wait.p90", unit: "h"), .quantile("teleconsult.wait.p95", unit: "h"),
    Metric("teleconsult.same_day", unit: "ratio"), Metric("teleconsult.abandoned", unit: "ratio"),
    Metric("teleconsult.failed_attempts.per_day", unit: "/d"),
    Metric("specialist.utilisation", unit: "ratio"), Metric("specialist.overtime", unit: "h/d"),
    Metric("beds.occupancy.mean", unit: "ratio"), Metric("beds.full", unit: "ratio"),
    Metric("beds.refused", unit: "/d"), Metric("admissions.per_day", unit: "/d"),
    Metric("admissions.other.per_day", unit: "/d"),
    Metric("referrals.per_day", unit: "/d"), Metric("referrals.unplaced.per_day", unit: "/d"),
    Metric("transport.km.per_day", unit: "km/d"),
    Metric("cost.meals", unit: "Rs/d"), Metric("cost.transport", unit: "Rs/d"),
  ]
}

extension CareNetworkModel {
  /// Runs one replication from the start date to `horizon`, discarding statistics before
  /// `warmUp`.
  public static func replicate(_ spec: CareNetworkSpec, layout: CareLayout, seeder: StreamSeeder,
                               horizon: SimDuration, warmUp: SimDuration, tracing: Bool = false) -> CareReplication {
    var model = CareNetworkModel(spec: spec, layout: layout, seeder: seeder)
    if tracing { model.trace = TraceLog() }
    var sim = Simulation<CareEvent>(reservingEvents: spec.spokes.count + 1024)
    model.start(in: &sim)
    _ = sim.run(&model, until: SimTime(minutes: horizon.minutes), warmUpEnd: SimTime(minutes: warmUp.minutes))
    var result = model.results(at: sim.now.minutes)
    result.events = sim.eventsProcessed
    result.trace = model.trace?.lines
    return result
  }

  /// Runs one replication with tracing and returns its event log, ambulance events and drives.
  public static func trace(_ spec: CareNetworkSpec, layout: CareLayout, seeder: StreamSeeder, horizon: SimDuration,
                           warmUp: SimDuration) -> CareTrace {
    var model = CareNetworkModel(spec: spec, layout: layout, seeder: seeder)
    let log = TraceLog()
    model.trace = log
    var sim = Simulation<CareEvent>(reservingEvents: spec.spokes.count + 1024)
    model.start(in: &sim)
    _ = sim.run(&model, until: SimTime(minutes: horizon.minutes), warmUpEnd: SimTime(minutes: warmUp.minutes))
    let csv = "entity,event,time_min,timestamp,lat,lon,call,detail\n" + log.ambulanceRows.map { $0 + "\n" }.joined()
    let geo = layout.fleet.map { FleetTracks.geoJSON(log.legs, graph: $0.graph, startDate: spec.startDate) }
      ?? "{\"type\":\"FeatureCollection\",\"features\":[]}\n"
    return CareTrace(log: log.lines, ambulanceEventsCSV: csv, tracksGeoJSON: geo)
  }

  mutating func results(at now: Double) -> CareReplication {
    for b in beds.indices { beds[b].advance(to: now) }
    for p in pools.indices {
      pools[p].busy.close(atMinutes: now)
      pools[p].onDuty.close(atMinutes: now)
    }
    let days = (now - warmUpEnd) / 1440
    let nan = Double.nan
    let s = stats
    let busy = pools.reduce(0.0) { $0 + ($1.busy.mean ?? 0) }
    let onDuty = pools.reduce(0.0) { $0 + ($1.onDuty.mean ?? 0) }
    let overtime = pools.reduce(0.0) { $0 + $1.overtimeMinutes }
    let occupied = beds.reduce(0.0) { $0 + $1.occupiedArea.value }
    let capacity = beds.reduce(0.0) { $0 + $1.capacityArea.value }
    let full = beds.reduce(0.0) { $0 + $1.fullTime.value }
    let refused = beds.reduce(0) { $0 + $1.refusals }
    let bedPoolTime = beds.reduce(0.0) { $0 + (now - $1.start) * ($1.capacity > 0 || $1.capacityArea.value > 0 ? 1 : 0) }
    let bedDays = occupied / 1440
    func hours(_ q: Double) -> Double { s.waitQuantiles.quantile(q).map { $0 / 60 } ?? nan }
    let fleetKm = fleet.map { f in f.km.indices.reduce(0.0) { $0 + f.km[$1] - f.kmAtWarmUp[$1] } }
    let transportKm = fleetKm ?? s.transportKm
    var values: [Double] = [
      Double(s.requests) / days, Double(s.consults) / days,
      s.wait.mean.map { $0 / 60 } ?? nan, hours(0.5), hours(0.9), hours(0.95),
      s.consults > 0 ? Double(s.sameDay) / Double(s.consults) : nan,
      s.requests > 0 ? Double(s.abandoned) / Double(s.requests) : nan,
      Double(s.failedAttempts) / days,
      onDuty > 0 ? busy / onDuty : nan, overtime / 60 / days,
      capacity > 0 ? occupied / capacity : nan, bedPoolTime > 0 ? full / bedPoolTime : nan,
      Double(refused) / days, Double(s.admissions) / days, Double(s.otherAdmissions) / days,
      Double(s.referrals) / days, Double(s.unplaced) / days, transportKm / days,
      bedDays * spec.mealCostPerPatientDay / days, transportKm * spec.transport.costPerKm / days,
    ]
    if let f = fleet { values += ambulanceValues(f, now: now, days: days, km: transportKm) }
    return CareReplication(
      values: MetricValues(metrics: spec.metrics, values: values),
      tables: breakdownTables(days: days, now: now), ledger: ledger, patientsInSystem: patients.active,
      events: 0, trace: nil, calls: fleet?.ledger, openCalls: fleet?.openCalls ?? 0)
  }
}

extension CareNetworkModel {
  func ambulanceValues(_ f: FleetState, now: Double, days: Double, km: Double) -> [Double] {
    let served = f.response.count
    let total = f.calls
    let busy = f.status.indices.reduce(0.0) { $0 + f.busy($1, at: now) - f.busyAtWarmUp[$1] }
    let fleetMinutes = Double(f.status.count) * (now - warmUpEnd)
    return [
      Double(total) / days, f.response.mean ?? .nan, f.responseQuantiles.quantile(0.5) ?? .nan,
      f.responseQuantiles.quantile(0.9) ?? .nan, served > 0 ? Double(f.withinTarget) / Double(served) : .nan,
      f.toHospital.mean ?? .nan, total + f.transfers > 0 ? Double(f.queued) / Double(total + f.transfers) : .nan,
      total > 0 ? Double(f.failed) / Double(total) : .nan, Double(f.unplaced) / days, Double(f.transfers) / days,
      fleetMinutes > 0 ? busy / fleetMinutes : .nan, km / days,
    ]
  }
}
