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
  /// The trajectory fingerprint: a hash over every event's time and kind (see
  /// `Simulation.fingerprint`).
  public var fingerprint: UInt64 = 0
  /// The event log and ambulance movements, when a trace was asked for.
  public var trace: CareTrace?
  /// How ambulance calls ended, and how many are still open (when there is a fleet).
  public var calls: CallLedger?
  public var openCalls = 0
}

extension CareNetworkModel {
  /// Runs one replication from the start date to `horizon`, discarding statistics before
  /// `warmUp`; with `tracing`, keeps the event log and ambulance movements that `traceFilter`
  /// selects.
  public static func replicate(_ spec: CareNetworkSpec, layout: CareLayout, seeder: StreamSeeder,
                               horizon: SimDuration, warmUp: SimDuration, tracing: Bool = false,
                               traceFilter: TraceFilter = .everything) -> CareReplication {
    var model = CareNetworkModel(spec: spec, layout: layout, streams: StreamSource(seeder: seeder, log: nil),
                                 trace: tracing ? traceFilter : nil)
    var sim = Simulation<CareEvent>(reservingEvents: spec.spokes.count + 1024)
    model.endOfRun = .zero + horizon
    model.start(in: &sim)
    _ = sim.run(&model, until: .zero + horizon, warmUpEnd: .zero + warmUp)
    var result = model.results(at: sim.now)
    result.events = sim.eventsProcessed
    result.fingerprint = sim.fingerprint
    result.trace = model.trace.map { log in
      CareTrace(records: log.records, movements: log.movements, facilityNames: spec.facilities.map(\.id),
                specialtyNames: spec.specialties.map(\.name), roads: layout.fleet?.graph, startDate: spec.startDate)
    }
    return result
  }

  /// The figures and tables at the end of the run.
  mutating func results(at now: SimTime) -> CareReplication {
    beds.close(at: now)
    for q in queues.ids { queues[q].close(at: now) }
    medicines?.close(at: now)
    let days = (now - warmUpEnd) / .day
    var values = careValues(now: now, days: days)
    if let f = fleet { values += f.values(now: now, warmUpEnd: warmUpEnd, days: days) }
    if let m = medicines { values += medicineValues(m, now: now, days: days) }
    if spec.asha != nil { values += ashaValues(days: days) }
    if let k = kitchens { values += kitchenValues(k, days: days) }
    let tables = breakdownTables(days: days, now: now) + supplyTables(days: days, now: now)
    return CareReplication(
      values: MetricValues(metrics: spec.metrics, values: values),
      tables: tables, ledger: ledger, patientsInSystem: patients.active,
      events: 0, trace: nil, calls: fleet?.ledger, openCalls: fleet?.calls.openCount ?? 0)
  }

  /// The teleconsultation, bed and cost figures, in the order of ``CareNetworkSpec/careMetrics``.
  private func careValues(now: SimTime, days: Double) -> [Double] {
    let nan = Double.nan
    let s = stats
    let busy = queues.values.reduce(0.0) { $0 + ($1.busy.mean ?? 0) }
    let onDuty = queues.values.reduce(0.0) { $0 + ($1.onDuty.mean ?? 0) }
    let overtime = queues.values.reduce(0.0) { $0 + $1.overtimeMinutes }
    let waiting = queues.values.reduce(0.0) { $0 + ($1.waiting.mean ?? 0) }
    let pools = beds.pools.values
    let occupied = pools.reduce(0.0) { $0 + $1.occupiedArea.value }
    let capacity = pools.reduce(0.0) { $0 + $1.capacityArea.value }
    let full = pools.reduce(0.0) { $0 + $1.fullTime.value }
    let refused = pools.reduce(0) { $0 + $1.refusals }
    // Only pools that had beds at some point count toward the share of time full.
    let bedPoolTime = pools.reduce(0.0) {
      $0 + (now.minutes - $1.start.minutes) * ($1.capacity > 0 || $1.capacityArea.value > 0 ? 1 : 0)
    }
    let bedDays = occupied / SimDuration.day.minutes
    func hours(_ q: Double) -> Double { s.waitQuantiles.quantile(q).map(inHours) ?? nan }
    let transportKm = fleet?.kilometresSinceWarmUp ?? s.transportKm
    let costs = spec.costs
    let meals = mealCost(bedDays: bedDays, days: days)
    // Medicines bought and ASHA incentives count in the total; their own lines are in their groups.
    let supplies = (medicines.map(medicineCost) ?? 0) / days + ashaCost(days: days)
    let transport = transportKm * spec.transport.costPerKm / days
    // Specialist-hours on duty a day (time average × 24 h), and sessions: hours over the session length.
    let sessionMinutes = (spec.sessions.closesAt - spec.sessions.opensAt).minutes
    let staff = onDuty * SimDuration.day.minutes / sessionMinutes * costs.specialistPerSession
      + onDuty * SimDuration.day.hours * costs.specialistPerHour
      + Double(spec.capacity(overMinutes: 0).specialists) * costs.specialistPerDay
    let bedCost = capacity / SimDuration.day.minutes / days * costs.bedCostPerDay
    let ambulanceCost = Double(spec.fleet?.ambulances.count ?? 0) * costs.ambulancePerDay
    return [
      Double(s.requests) / days, Double(s.consults) / days,
      s.wait.mean.map(inHours) ?? nan, hours(0.5), hours(0.9), hours(0.95),
      s.consults > 0 ? Double(s.sameDay) / Double(s.consults) : nan,
      s.requests > 0 ? Double(s.abandoned) / Double(s.requests) : nan,
      Double(s.failedAttempts) / days, waiting,
      onDuty > 0 ? busy / onDuty : nan, inHours(overtime) / days,
      capacity > 0 ? occupied / capacity : nan, bedPoolTime > 0 ? full / bedPoolTime : nan,
      Double(refused) / days, Double(s.admissions) / days, Double(s.otherAdmissions) / days,
      Double(s.referrals) / days, Double(s.unplaced) / days, transportKm / days,
      meals, transport, staff, bedCost, ambulanceCost, meals + transport + staff + bedCost + ambulanceCost + supplies,
    ]
  }
}

extension AmbulanceService {
  /// Road kilometres driven since the end of warm-up, all ambulances.
  var kilometresSinceWarmUp: Double {
    ambulances.ids.reduce(0.0) { $0 + ambulances[$1].km - stats.kmAtWarmUp[$1] }
  }

  /// Busy minutes of ambulance `a` since the end of warm-up.
  func busySinceWarmUp(_ a: AmbulanceID, at now: SimTime) -> Double {
    ambulances[a].busy(at: now) - stats.busyAtWarmUp[a]
  }

  /// The ambulance figures, in the order of ``CareNetworkSpec/ambulanceMetrics``.
  func values(now: SimTime, warmUpEnd: SimTime, days: Double) -> [Double] {
    let s = stats
    let served = s.response.count
    let total = s.calls
    // (sum + busy) − baseline, term by term: the order of operations is part of the figure.
    let busy = ambulances.ids.reduce(0.0) { $0 + ambulances[$1].busy(at: now) - s.busyAtWarmUp[$1] }
    let fleetMinutes = Double(ambulances.count) * (now - warmUpEnd).minutes
    return [
      Double(total) / days, s.response.mean ?? .nan, s.responseQuantiles.quantile(0.5) ?? .nan,
      s.responseQuantiles.quantile(0.9) ?? .nan, served > 0 ? Double(s.withinTarget) / Double(served) : .nan,
      s.callToHospital.mean ?? .nan, total + s.transfers > 0 ? Double(s.queued) / Double(total + s.transfers) : .nan,
      total > 0 ? Double(s.failed) / Double(total) : .nan, Double(s.unplaced) / days, Double(s.transfers) / days,
      fleetMinutes > 0 ? busy / fleetMinutes : .nan, kilometresSinceWarmUp / days,
    ]
  }
}

/// Minutes (the clock's unit) as hours, the unit of waits and overtime in reports.
func inHours(_ minutes: Double) -> Double { SimDuration(minutes: minutes).hours }
