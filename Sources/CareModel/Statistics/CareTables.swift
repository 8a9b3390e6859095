import SimKernel
import SimStats

extension CareNetworkModel {
  static let groupColumns = ["requests_per_day", "completed_per_day", "wait_mean_h", "wait_p90_h", "same_day",
                             "abandoned_per_day", "referrals_per_day", "admissions_per_day"]
  /// The wait quantile's column carries the sketch's resolution.
  static let groupResolutions = groupColumns.map { $0 == "wait_p90_h" ? QuantileSketch.relativeError : 0 }

  /// The breakdowns by district, specialty, hub, tier and day, and the ambulance service's.
  func breakdownTables(days: Double, now: SimTime) -> [BreakdownTable] {
    [
      BreakdownTable(name: "by-district", keyColumns: ["district"], valueColumns: Self.groupColumns,
                     keys: layout.districts.map { [$0] }, values: stats.byDistrict.values.map { groupRow($0, days: days) },
                     resolutions: Self.groupResolutions),
      BreakdownTable(name: "by-specialty", keyColumns: ["specialty"], valueColumns: Self.groupColumns,
                     keys: spec.specialties.map { [$0.name] },
                     values: stats.bySpecialty.values.map { groupRow($0, days: days) }, resolutions: Self.groupResolutions),
      hubTable(days: days),
      tierTable(days: days, now: now),
      dailyTable(),
    ] + (fleet.map { $0.tables(spec: spec, districts: layout.districts, days: days, now: now, warmUpEnd: warmUpEnd) } ?? [])
  }

  private func groupRow(_ g: GroupCounts, days: Double) -> [Double] {
    [Double(g.requests) / days, Double(g.consults) / days,
     g.consults > 0 ? inHours(g.waitTotal.value / Double(g.consults)) : .nan,
     g.waitQuantiles.quantile(0.9).map(inHours) ?? .nan,
     g.consults > 0 ? Double(g.sameDay) / Double(g.consults) : .nan,
     Double(g.abandoned) / days, Double(g.referrals) / days, Double(g.admissions) / days]
  }

  /// One row per hub (or per statewide queue): consultations, waits, utilisation, overtime.
  private func hubTable(days: Double) -> BreakdownTable {
    let groups: [(keys: [String], queues: [ConsultQueueID])] = layout.queues.isStatewide
      ? spec.specialtyIDs.map { (["statewide", "", spec[specialty: $0].name], [ConsultQueueID($0.index)]) }
      : spec.hubIDs.map { h in
          let f = spec[facility: spec.facility(ofHub: h)]
          return ([f.id, f.district, f.name], layout.queues.queues(ofHub: h))
        }
    let rows = groups.enumerated().map { row, g -> [Double] in
      let consults = g.queues.reduce(0) { $0 + queues[$1].consults }
      let waitSum = g.queues.reduce(0.0) { $0 + (queues[$1].wait.mean ?? 0) * Double(queues[$1].consults) }
      let busy = g.queues.reduce(0.0) { $0 + (queues[$1].busy.mean ?? 0) }
      let duty = g.queues.reduce(0.0) { $0 + (queues[$1].onDuty.mean ?? 0) }
      let overtime = g.queues.reduce(0.0) { $0 + queues[$1].overtimeMinutes }
      let waiting = g.queues.reduce(0.0) { $0 + (queues[$1].waiting.mean ?? 0) }
      let specialists = g.queues.reduce(0) { $0 + queues[$1].specialists }
      return [Double(specialists), Double(consults) / days, consults > 0 ? inHours(waitSum / Double(consults)) : .nan,
              stats.groupWaits[QueueGroupID(row)].quantile(0.9).map(inHours) ?? .nan, waiting, duty > 0 ? busy / duty : .nan,
              inHours(overtime) / days]
    }
    return BreakdownTable(name: "by-hub", keyColumns: ["hub", "district", "name"],
                          valueColumns: ["specialists", "consults_per_day", "wait_mean_h", "wait_p90_h", "waiting_mean",
                                         "utilisation", "overtime_h_per_day"],
                          keys: groups.map(\.keys), values: rows, resolutions: [0, 0, 0, QuantileSketch.relativeError, 0, 0, 0])
  }

  /// One row per tier with beds: capacity, occupancy, share of time full, refusals, cost.
  private func tierTable(days: Double, now: SimTime) -> BreakdownTable {
    let all = beds.pools.values
    let tiers = Tier.allCases.filter { t in all.contains { $0.tier == t } }
    let rows = tiers.map { t -> [Double] in
      let pools = all.filter { $0.tier == t }
      let occupied = pools.reduce(0.0) { $0 + $1.occupiedArea.value }
      let capacity = pools.reduce(0.0) { $0 + $1.capacityArea.value }
      let span = pools.reduce(0.0) { $0 + (now.minutes - $1.start.minutes) }
      let full = pools.reduce(0.0) { $0 + $1.fullTime.value }
      return [Double(pools.count), span > 0 ? capacity / span * Double(pools.count) : .nan,
              capacity > 0 ? occupied / capacity : .nan, span > 0 ? full / span : .nan,
              Double(pools.reduce(0) { $0 + $1.admissions }) / days, Double(pools.reduce(0) { $0 + $1.refusals }) / days,
              occupied / SimDuration.day.minutes * spec.mealCostPerPatientDay / days]
    }
    return BreakdownTable(name: "by-tier", keyColumns: ["tier"],
                          valueColumns: ["facilities", "beds_mean", "occupancy", "full", "admissions_per_day",
                                         "refused_per_day", "meal_cost_rs_per_day"],
                          keys: tiers.map { [$0.rawValue] }, values: rows)
  }

  /// One row per day after warm-up.
  private func dailyTable() -> BreakdownTable {
    BreakdownTable(
      name: "daily", keyColumns: ["day"],
      valueColumns: ["requests", "completed", "wait_mean_h", "referrals", "admissions", "abandoned", "beds_occupied"],
      keys: stats.days.map { [String($0.day)] },
      values: stats.days.map { d in
        [Double(d.requests), Double(d.consults), d.consults > 0 ? inHours(d.waitTotal / Double(d.consults)) : .nan,
         Double(d.referrals), Double(d.admissions), Double(d.abandoned), Double(d.bedsOccupied)]
      })
  }
}

extension AmbulanceService {
  /// Response by district and block of the call, and ambulance use by vehicle and by
  /// district of the base.
  func tables(spec care: CareNetworkSpec, districts: [String], days: Double, now: SimTime,
              warmUpEnd: SimTime) -> [BreakdownTable] {
    let span = (now - warmUpEnd).minutes
    var stationed = Array(repeating: 0, count: districts.count)
    var busy = Array(repeating: 0.0, count: districts.count)
    var km = Array(repeating: 0.0, count: districts.count)
    for a in ambulances.ids {
      let d = districts.firstIndex(of: care[facility: ambulances[a].base].district) ?? 0
      stationed[d] += 1
      busy[d] += busySinceWarmUp(a, at: now)
      km[d] += ambulances[a].km - stats.kmAtWarmUp[a]
    }
    let byDistrict = districts.indices.map { d -> [Double] in
      responseRow(stats.byDistrict[DistrictID(d)], days: days)
        + [Double(stationed[d]), stationed[d] > 0 ? busy[d] / (Double(stationed[d]) * span) : .nan, km[d] / days]
    }
    let byVehicle = ambulances.ids.map { a -> [Double] in
      [busySinceWarmUp(a, at: now) / span, (ambulances[a].km - stats.kmAtWarmUp[a]) / days]
    }
    let responseColumns = ["calls_per_day", "response_mean_min", "response_p90_min", "within_target"]
    let responseResolutions = [0, 0, QuantileSketch.relativeError, 0]
    return [
      BreakdownTable(name: "ambulance-by-vehicle", keyColumns: ["ambulance", "kind", "base", "district"],
                     valueColumns: ["utilisation", "km_per_day"],
                     keys: ambulances.ids.map { a in
                       let base = care[facility: ambulances[a].base]
                       return ["\(a)", ambulances[a].kind.rawValue, base.id, base.district]
                     }, values: Array(byVehicle)),
      BreakdownTable(name: "ambulance-by-district", keyColumns: ["district"],
                     valueColumns: responseColumns + ["ambulances", "utilisation", "km_per_day"],
                     keys: districts.map { [$0] }, values: byDistrict, resolutions: responseResolutions + [0, 0, 0]),
      BreakdownTable(name: "ambulance-by-block", keyColumns: ["block"], valueColumns: responseColumns,
                     keys: layout.places.blockNames.map { [$0] },
                     values: stats.byBlock.values.map { responseRow($0, days: days) }, resolutions: responseResolutions),
    ]
  }

  private func responseRow(_ r: ResponseCounts, days: Double) -> [Double] {
    [Double(r.calls) / days, r.calls > 0 ? r.responseTotal.value / Double(r.calls) : .nan,
     r.responseQuantiles.quantile(0.9) ?? .nan, r.calls > 0 ? Double(r.withinTarget) / Double(r.calls) : .nan]
  }
}
