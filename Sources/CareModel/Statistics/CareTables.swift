import SimKernel
import SimStats

extension CareNetworkModel {
  static let groupColumns = ["requests_per_day", "completed_per_day", "wait_mean_h", "wait_p90_h", "same_day",
                             "abandoned_per_day", "referrals_per_day", "admissions_per_day"]
  /// The wait quantile's column carries the sketch's resolution.
  static let groupResolutions = groupColumns.map { $0 == "wait_p90_h" ? QuantileSketch.relativeError : 0 }

  /// The breakdowns by district, specialty, hub, tier and day, and the ambulance service's.
  mutating func breakdownTables(days: Double, now: SimTime) -> [BreakdownTable] {
    [
      districtTable(days: days),
      BreakdownTable(name: "by-specialty", keyColumns: ["specialty"], valueColumns: Self.groupColumns,
                     keys: spec.specialties.map { [$0.name] },
                     values: stats.bySpecialty.values.map { groupRow($0, days: days) }, resolutions: Self.groupResolutions),
      hubTable(days: days),
      tierTable(days: days, now: now),
      dailyTable(),
      waitDistributionTable(),
      queueByHourTable(now: now),
      bedsDailyTable(),
      upgradesTable(),
    ] + (fleet.map { $0.tables(spec: spec, districts: layout.districts, days: days, now: now, warmUpEnd: warmUpEnd) } ?? [])
  }

  /// One row per district: the group figures, and the bed refusals of its facilities.
  private func districtTable(days: Double) -> BreakdownTable {
    var refused = Array(repeating: 0, count: layout.districts.count)
    for pool in beds.pools.values {
      if let d = layout.districts.firstIndex(of: spec[facility: pool.facility].district) { refused[d] += pool.refusals }
    }
    return BreakdownTable(
      name: "by-district", keyColumns: ["district"], valueColumns: Self.groupColumns + ["refused_per_day"],
      keys: layout.districts.map { [$0] },
      values: stats.byDistrict.ids.map { groupRow(stats.byDistrict[$0], days: days) + [Double(refused[$0.index]) / days] },
      resolutions: Self.groupResolutions + [0])
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
    let groups: [(keys: [String], queues: [ConsultQueueID], at: GeoPoint?)] = layout.queues.isStatewide
      ? spec.specialtyIDs.map { (["statewide", "", spec[specialty: $0].name], [ConsultQueueID($0.index)], nil) }
      : spec.hubIDs.map { h in
          let f = spec[facility: spec.facility(ofHub: h)]
          return ([f.id, f.district, f.name], layout.queues.queues(ofHub: h), f.location)
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
              inHours(overtime) / days, g.at?.latitude ?? .nan, g.at?.longitude ?? .nan]
    }
    return BreakdownTable(name: "by-hub", keyColumns: ["hub", "district", "name"],
                          valueColumns: ["specialists", "consults_per_day", "wait_mean_h", "wait_p90_h", "waiting_mean",
                                         "utilisation", "overtime_h_per_day", "lat", "lon"],
                          keys: groups.map(\.keys), values: rows,
                          resolutions: [0, 0, 0, QuantileSketch.relativeError, 0, 0, 0, 0, 0])
  }

  /// One row per tier with beds: capacity, occupancy, share of time full, refusals, cost.
  private func tierTable(days: Double, now: SimTime) -> BreakdownTable {
    let all = beds.pools.values
    let tiers = Tier.allCases.filter { t in all.contains { $0.tier == t } }
    let rows = tiers.map { t -> [Double] in
      let pools = all.filter { $0.tier == t }
      let meals = kitchens == nil
        ? pools.reduce(0.0) { $0 + $1.occupiedArea.value } / SimDuration.day.minutes * spec.mealCostPerPatientDay / days
        : beds.pools.ids.filter { beds.pools[$0].tier == t }.reduce(0.0) { $0 + mealRupees($1) } / days
      let occupied = pools.reduce(0.0) { $0 + $1.occupiedArea.value }
      let capacity = pools.reduce(0.0) { $0 + $1.capacityArea.value }
      let span = pools.reduce(0.0) { $0 + (now.minutes - $1.start.minutes) }
      let full = pools.reduce(0.0) { $0 + $1.fullTime.value }
      return [Double(pools.count), span > 0 ? capacity / span * Double(pools.count) : .nan,
              capacity > 0 ? occupied / capacity : .nan, span > 0 ? full / span : .nan,
              Double(pools.reduce(0) { $0 + $1.admissions }) / days, Double(pools.reduce(0) { $0 + $1.refusals }) / days,
              meals]
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
      valueColumns: ["requests", "completed", "wait_mean_h", "referrals", "admissions", "abandoned", "beds_occupied",
                     "beds_refused"],
      keys: stats.days.map { [String($0.day)] },
      values: stats.days.map { d in
        [Double(d.requests), Double(d.consults), d.consults > 0 ? inHours(d.waitTotal / Double(d.consults)) : .nan,
         Double(d.referrals), Double(d.admissions), Double(d.abandoned), Double(d.bedsOccupied), Double(d.bedsRefused)]
      })
  }
}

extension CareNetworkModel {
  /// Quantiles of the wait (hours), for all consultations and by specialty.
  func waitDistributionTable() -> BreakdownTable {
    let levels = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]
    func row(_ sketch: QuantileSketch) -> [Double] { levels.map { sketch.quantile($0).map(inHours) ?? .nan } }
    return BreakdownTable(
      name: "wait-distribution", keyColumns: ["specialty"], valueColumns: levels.map { "p\(Int(($0 * 100).rounded()))_h" },
      keys: [["all"]] + spec.specialties.map { [$0.name] },
      values: [row(stats.waitQuantiles)] + stats.bySpecialty.values.map { row($0.waitQuantiles) },
      resolutions: levels.map { _ in QuantileSketch.relativeError })
  }

  /// Mean patients waiting statewide by weekday (rows, Monday first) and hour (columns).
  mutating func queueByHourTable(now: SimTime) -> BreakdownTable {
    let means = waitingByHour.means(until: now)
    let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return BreakdownTable(name: "queue-by-hour", keyColumns: ["weekday"], valueColumns: (0..<24).map { "h\($0)" },
                          keys: weekdays.map { [$0] }, values: (0..<7).map { Array(means[($0 * 24)..<($0 * 24 + 24)]) })
  }

  /// Occupancy by tier, day by day after warm-up (tiers that have beds).
  func bedsDailyTable() -> BreakdownTable {
    let tiers = Tier.allCases.filter { t in beds.pools.values.contains { $0.tier == t } }
    return BreakdownTable(
      name: "beds-daily", keyColumns: ["day"], valueColumns: tiers.map { "\($0.rawValue)_occupancy" },
      keys: stats.days.map { [String($0.day)] },
      values: stats.days.map { d in tiers.map { d.tierOccupancy.indices.contains($0.rank) ? d.tierOccupancy[$0.rank] : .nan } })
  }

  /// The dated bed upgrades: day, facilities upgraded, their new beds.
  func upgradesTable() -> BreakdownTable {
    BreakdownTable(name: "bed-upgrades", keyColumns: ["day"], valueColumns: ["facilities", "beds"],
                   keys: spec.upgrades.map { [String($0.at.day)] },
                   values: spec.upgrades.map { [Double($0.facilities.count), Double($0.beds)] })
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
    let bins = (0..<ResponseHistogram.bins).map { b in
      [Double(stats.histogram.urban[b]) / days, Double(stats.histogram.rural[b]) / days]
    }
    return [
      BreakdownTable(name: "ambulance-response-distribution", keyColumns: ["from_min"],
                     valueColumns: ["urban_per_day", "rural_per_day"],
                     keys: (0..<ResponseHistogram.bins).map { [String(Int(ResponseHistogram.binWidth.minutes) * $0)] },
                     values: bins),
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
