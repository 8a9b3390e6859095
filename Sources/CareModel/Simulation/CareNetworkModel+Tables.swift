import SimStats

extension CareNetworkModel {
  static let groupColumns = ["requests_per_day", "completed_per_day", "wait_mean_h", "same_day",
                             "abandoned_per_day", "referrals_per_day", "admissions_per_day"]

  func groupRow(_ g: GroupCounts, days: Double) -> [Double] {
    [Double(g.requests) / days, Double(g.consults) / days,
     g.consults > 0 ? g.waitTotal.value / Double(g.consults) / 60 : .nan,
     g.consults > 0 ? Double(g.sameDay) / Double(g.consults) : .nan,
     Double(g.abandoned) / days, Double(g.referrals) / days, Double(g.admissions) / days]
  }

  func breakdownTables(days: Double, now: Double) -> [BreakdownTable] {
    [
      BreakdownTable(name: "by-district", keyColumns: ["district"], valueColumns: Self.groupColumns,
                     keys: layout.districts.map { [$0] }, values: stats.byDistrict.map { groupRow($0, days: days) }),
      BreakdownTable(name: "by-specialty", keyColumns: ["specialty"], valueColumns: Self.groupColumns,
                     keys: spec.specialties.map { [$0.name] }, values: stats.bySpecialty.map { groupRow($0, days: days) }),
      queueTable(days: days),
      tierTable(days: days, now: now),
      dailyTable(),
    ] + (fleet.map { ambulanceTables($0, days: days, now: now) } ?? [])
  }

  /// Response by district and block of the call, and ambulance use by district of the base.
  func ambulanceTables(_ f: FleetState, days: Double, now: Double) -> [BreakdownTable] {
    let columns = ["calls_per_day", "response_mean_min", "within_target", "ambulances", "utilisation", "km_per_day"]
    let fleet = spec.fleet!
    var ambulances = Array(repeating: 0, count: layout.districts.count)
    var busy = Array(repeating: 0.0, count: layout.districts.count)
    var km = Array(repeating: 0.0, count: layout.districts.count)
    for (a, amb) in fleet.ambulances.enumerated() {
      let d = layout.districts.firstIndex(of: spec.facilities[amb.base].district) ?? 0
      ambulances[d] += 1
      busy[d] += f.busy(a, at: now) - f.busyAtWarmUp[a]
      km[d] += f.km[a] - f.kmAtWarmUp[a]
    }
    let span = now - warmUpEnd
    let byDistrict = layout.districts.indices.map { d -> [Double] in
      let n = f.districtCalls[d]
      return [Double(n) / days, n > 0 ? f.districtResponse[d].value / Double(n) : .nan, n > 0 ? Double(f.districtWithin[d]) / Double(n) : .nan,
              Double(ambulances[d]), ambulances[d] > 0 ? busy[d] / (Double(ambulances[d]) * span) : .nan, km[d] / days]
    }
    let blocks = layout.fleet!.blocks
    let byBlock = blocks.indices.map { b -> [Double] in
      let n = f.blockCalls[b]
      return [Double(n) / days, n > 0 ? f.blockResponse[b].value / Double(n) : .nan, n > 0 ? Double(f.blockWithin[b]) / Double(n) : .nan]
    }
    let byAmbulance = fleet.ambulances.indices.map { a -> [Double] in
      [(f.busy(a, at: now) - f.busyAtWarmUp[a]) / span, (f.km[a] - f.kmAtWarmUp[a]) / days]
    }
    return [
      BreakdownTable(name: "ambulance-by-vehicle", keyColumns: ["ambulance", "kind", "base", "district"],
                     valueColumns: ["utilisation", "km_per_day"],
                     keys: fleet.ambulances.enumerated().map { a, amb in
                       ["\(a)", amb.kind.rawValue, spec.facilities[amb.base].id, spec.facilities[amb.base].district]
                     }, values: byAmbulance),
      BreakdownTable(name: "ambulance-by-district", keyColumns: ["district"], valueColumns: columns,
                     keys: layout.districts.map { [$0] }, values: byDistrict),
      BreakdownTable(name: "ambulance-by-block", keyColumns: ["block"], valueColumns: Array(columns.prefix(3)),
                     keys: blocks.map { [$0] }, values: byBlock),
    ]
  }

  /// One row per hub (or per statewide queue): consultations, waits, utilisation, overtime.
  func queueTable(days: Double) -> BreakdownTable {
    let k = spec.specialties.count
    let groups: [(keys: [String], pools: [Int])] = layout.statewide
      ? spec.specialties.indices.map { (["statewide", "", spec.specialties[$0].name], [$0]) }
      : spec.hubs.enumerated().map { h, f in
          ([spec.facilities[f].id, spec.facilities[f].district, spec.facilities[f].name], Array((h * k)..<(h * k + k)))
        }
    let rows = groups.map { g -> [Double] in
      let consults = g.pools.reduce(0) { $0 + pools[$1].consults }
      let waitSum = g.pools.reduce(0.0) { $0 + (pools[$1].wait.mean ?? 0) * Double(pools[$1].consults) }
      let busy = g.pools.reduce(0.0) { $0 + (pools[$1].busy.mean ?? 0) }
      let duty = g.pools.reduce(0.0) { $0 + (pools[$1].onDuty.mean ?? 0) }
      let overtime = g.pools.reduce(0.0) { $0 + pools[$1].overtimeMinutes }
      let specialists = g.pools.reduce(0) { $0 + pools[$1].specialists }
      return [Double(specialists), Double(consults) / days, consults > 0 ? waitSum / Double(consults) / 60 : .nan,
              duty > 0 ? busy / duty : .nan, overtime / 60 / days]
    }
    return BreakdownTable(name: "by-hub", keyColumns: ["hub", "district", "name"],
                          valueColumns: ["specialists", "consults_per_day", "wait_mean_h", "utilisation", "overtime_h_per_day"],
                          keys: groups.map(\.keys), values: rows)
  }

  /// One row per tier with beds: capacity, occupancy, share of time full, refusals, cost.
  func tierTable(days: Double, now: Double) -> BreakdownTable {
    let tiers = Tier.allCases.filter { t in beds.contains { spec.facilities[$0.facility].tier == t } }
    let rows = tiers.map { t -> [Double] in
      let pools = beds.filter { spec.facilities[$0.facility].tier == t }
      let occupied = pools.reduce(0.0) { $0 + $1.occupiedArea.value }
      let capacity = pools.reduce(0.0) { $0 + $1.capacityArea.value }
      let span = pools.reduce(0.0) { $0 + (now - $1.start) }
      let full = pools.reduce(0.0) { $0 + $1.fullTime.value }
      return [Double(pools.count), span > 0 ? capacity / span * Double(pools.count) : .nan,
              capacity > 0 ? occupied / capacity : .nan, span > 0 ? full / span : .nan,
              Double(pools.reduce(0) { $0 + $1.admissions }) / days, Double(pools.reduce(0) { $0 + $1.refusals }) / days,
              occupied / 1440 * spec.mealCostPerPatientDay / days]
    }
    return BreakdownTable(name: "by-tier", keyColumns: ["tier"],
                          valueColumns: ["facilities", "beds_mean", "occupancy", "full", "admissions_per_day",
                                         "refused_per_day", "meal_cost_rs_per_day"],
                          keys: tiers.map { [$0.rawValue] }, values: rows)
  }

  /// One row per day after warm-up.
  func dailyTable() -> BreakdownTable {
    let first = Int((warmUpEnd / 1440).rounded(.up))
    return BreakdownTable(
      name: "daily", keyColumns: ["day"],
      valueColumns: ["requests", "completed", "wait_mean_h", "referrals", "admissions", "abandoned", "beds_occupied"],
      keys: stats.days.indices.map { [String(first + $0)] },
      values: stats.days.map { d in
        [Double(d.requests), Double(d.consults), d.consults > 0 ? d.waitTotal / Double(d.consults) / 60 : .nan,
         Double(d.referrals), Double(d.admissions), Double(d.abandoned), Double(d.bedsOccupied)]
      })
  }
}
