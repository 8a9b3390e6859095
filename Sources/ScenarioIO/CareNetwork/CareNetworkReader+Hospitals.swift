import CareModel
import SimKernel
import SimRandom

extension CareNetworkReader {
  /// `{referral_tier: chc, stay: {phc: DIST, …}, other_admissions: {phc: 2/d, …}}`: length of
  /// stay and admissions from outside teleconsultation, by tier.
  func readBeds(_ node: ScenarioNode?) -> ([Distribution]?, Tier?, [Double]?) {
    var stays = [Distribution](repeating: ScenarioDefaults.stay, count: Tier.allCases.count)
    var other = Array(repeating: ScenarioDefaults.otherAdmissionsPerDay, count: Tier.allCases.count)
    guard let node else { return (stays, ScenarioDefaults.referralTier, other) }
    guard let f = reader.fields(node, path: "beds", allowed: ["referral_tier", "stay", "other_admissions", "scale"])
    else { return (nil, nil, nil) }
    if let o = f["other_admissions"] {
      guard let of = reader.fields(o, path: "beds.other_admissions", allowed: Tier.allCases.map(\.rawValue))
      else { return (nil, nil, nil) }
      for e in of.entries {
        guard let perMinute = reader.rate(e.value, path: of.path(e.key)) else { return (nil, nil, nil) }
        other[Tier(rawValue: e.key)!.rank] = perMinute * SimDuration.day.minutes
      }
    }
    var referral: Tier? = ScenarioDefaults.referralTier
    if let r = f["referral_tier"] { referral = choice(r, path: "beds.referral_tier", Tier.self) }
    if let s = f["stay"] {
      guard let sf = reader.fields(s, path: "beds.stay", allowed: Tier.allCases.map(\.rawValue)) else { return (nil, referral, other) }
      var ok = true
      for e in sf.entries {
        guard let d = reader.distribution(e.value, path: sf.path(e.key)) else { ok = false; continue }
        stays[Tier(rawValue: e.key)!.rank] = d
      }
      if !ok { return (nil, referral, other) }
    }
    return (stays, referral, other)
  }

  /// `{detour: 1.35, speed: 30km/h, dispatch: 20min, cost_per_km: 12}`.
  func readTransport(_ node: ScenarioNode?) -> CareNetworkSpec.Transport? {
    let defaults = ScenarioDefaults.transport
    guard let node else { return defaults }
    guard let f = reader.fields(node, path: "transport", allowed: ["detour", "speed", "dispatch", "cost_per_km"])
    else { return nil }
    let detour = f["detour"].map { reader.number($0, path: "transport.detour", atLeast: 1) } ?? defaults.detour
    let kmh = f["speed"].map { speed($0, path: "transport.speed") } ?? defaults.speedKmPerHour
    let dispatch = f["dispatch"].map { reader.duration($0, path: "transport.dispatch") } ?? defaults.dispatchDelay.minutes
    let cost = f["cost_per_km"].map { reader.number($0, path: "transport.cost_per_km", atLeast: 0) } ?? defaults.costPerKm
    guard let detour, let kmh, let dispatch, let cost else { return nil }
    return .init(detour: detour, speedKmPerHour: kmh, dispatchDelay: SimDuration(minutes: dispatch), costPerKm: cost)
  }

  /// A speed such as `30km/h`.
  func speed(_ node: ScenarioNode, path: String) -> Double? {
    guard let text = node.scalar, let (value, unit) = Units.splitNumber(text), unit == "km/h", value > 0 else {
      reader.report(.invalidValue, "'\(node.scalar ?? "")' is not a speed", at: node, path: path, hint: "write e.g. 30km/h")
      return nil
    }
    return value
  }

  /// `beds.scale: 0.9`: every facility's beds multiplied (and rounded to whole beds), as a
  /// planner's "what if a tenth of beds were out of service".
  func readBedScale(_ node: ScenarioNode?) -> Double? {
    guard let f = node.flatMap({ $0.entries == nil ? nil : $0 }), let scale = f["scale"] else {
      return ScenarioDefaults.bedScale
    }
    guard let value = reader.number(scale, path: "beds.scale", atLeast: 0) else { return nil }
    guard value <= 10 else {
      reader.report(.invalidValue, "a bed scale of \(Units.format(value)) is more than 10 times the beds", at: scale,
                    path: "beds.scale", hint: "write a factor such as 0.9 (10% fewer beds) or 1.2")
      return nil
    }
    return value
  }

  /// Rupees: `{specialist_per_session: 2000, specialist_per_day: 0, bed_per_day: 800,
  /// bed_capital: 400000, capital_years: 10, ambulance_per_day: 2500, meal_per_patient_day: 150}`.
  func readCosts(_ node: ScenarioNode?) -> CareCosts? {
    var costs = CareCosts(mealPerPatientDay: ScenarioDefaults.mealCostPerPatientDay)
    guard let node else { return costs }
    let prices: [(key: String, field: WritableKeyPath<CareCosts, Double>)] = [
      ("specialist_per_session", \.specialistPerSession), ("specialist_per_hour", \.specialistPerHour),
      ("specialist_per_day", \.specialistPerDay),
      ("bed_per_day", \.bedPerDay), ("bed_capital", \.bedCapital), ("ambulance_per_day", \.ambulancePerDay),
      ("meal_per_patient_day", \.mealPerPatientDay),
    ]
    guard let f = reader.fields(node, path: "costs", allowed: prices.map(\.key) + ["capital_years"]) else { return nil }
    var ok = true
    for price in prices {
      guard let value = f[price.key] else { continue }
      guard let number = reader.number(value, path: "costs." + price.key, atLeast: 0) else { ok = false; continue }
      costs[keyPath: price.field] = number
    }
    if let years = f["capital_years"] {
      if let y = reader.number(years, path: "costs.capital_years", atLeast: 1, atMost: 100) { costs.capitalYears = y } else { ok = false }
    }
    return ok ? costs : nil
  }

  /// Dated bed upgrades: `{at: 2021-06-01, phcs: 100, beds: 30}` (the next 100 PHCs by
  /// catchment population), `{at: …, district: Patna, beds: 30}` (every PHC of a district not
  /// yet upgraded) or `{at: …, facilities: [ID, …], beds: 30}`.
  func readUpgrades(_ node: ScenarioNode?, facilities: [HealthCentre], habitations: [Habitation], start: Int)
    -> [CareNetworkSpec.Upgrade]?
  {
    guard let node else { return [] }
    guard let items = reader.list(node, path: "upgrades") else { return nil }
    let phcs = facilities.indices.filter { facilities[$0].tier == .phc }.map(FacilityID.init)
    let population = NetworkSelection.catchments(of: phcs, in: facilities, habitations: habitations)
    let ranked = phcs.indices.sorted { (population[$0], -phcs[$0].index) > (population[$1], -phcs[$1].index) }.map { phcs[$0] }
    var upgraded: [Bool] = Array(repeating: false, count: facilities.count)
    var result: [CareNetworkSpec.Upgrade] = []
    var ok = true
    for (i, item) in items.enumerated() {
      let path = "upgrades[\(i)]"
      guard let f = reader.fields(item, path: path, allowed: ["at", "phcs", "district", "facilities", "beds"],
                                  required: ["at", "beds"]),
            let day = f["at"].flatMap({ date($0, path: f.path("at")) }),
            let beds = f["beds"].flatMap({ reader.integer($0, path: f.path("beds"), atLeast: 0) })
      else { ok = false; continue }
      if day < start {
        reader.report(.invalidValue, "upgrade date is before the start date", at: f["at"]!, path: f.path("at"))
        ok = false
      }
      let chosen = upgradeTargets(f, ranked: ranked, facilities: facilities, upgraded: upgraded)
      guard let chosen else { ok = false; continue }
      for c in chosen { upgraded[c.index] = true }
      result.append(.init(at: .startOfDay(day - start), facilities: chosen, beds: beds))
    }
    return ok ? result : nil
  }

  private func upgradeTargets(_ f: Fields, ranked: [FacilityID], facilities: [HealthCentre], upgraded: [Bool])
    -> [FacilityID]?
  {
    let ways = ["phcs", "district", "facilities"].filter { f.has($0) }
    guard ways.count == 1 else {
      reader.report(.invalidValue, "give exactly one of 'phcs', 'district' or 'facilities'", at: f.node, path: f.path)
      return nil
    }
    switch ways[0] {
    case "phcs":
      guard let n = reader.integer(f["phcs"]!, path: f.path("phcs"), atLeast: 1) else { return nil }
      let next = ranked.filter { !upgraded[$0.index] }.prefix(n)
      if next.count < n {
        reader.report(.invalidValue, "only \(next.count) PHCs are left to upgrade", at: f["phcs"]!, path: f.path("phcs"))
      }
      return Array(next)
    case "district":
      guard let name = reader.string(f["district"]!, path: f.path("district")) else { return nil }
      let districts = facilities.map(\.district)
      guard districts.contains(name) else {
        var unique: [String] = []
        for d in districts where !unique.contains(d) { unique.append(d) }
        reader.report(.unknownName, "unknown district '\(name)'", at: f["district"]!, path: f.path("district"),
                      hint: DidYouMean.hint(for: name, among: unique))
        return nil
      }
      return ranked.filter { !upgraded[$0.index] && facilities[$0.index].district == name }
    default:
      guard let items = reader.list(f["facilities"]!, path: f.path("facilities")) else { return nil }
      var result: [FacilityID] = []
      for (i, item) in items.enumerated() {
        guard let id = reader.string(item, path: "\(f.path("facilities"))[\(i)]") else { return nil }
        guard let index = facilities.firstIndex(where: { $0.id == id }) else {
          reader.report(.unknownName, "no facility with id '\(id)'", at: item, path: "\(f.path("facilities"))[\(i)]")
          return nil
        }
        result.append(FacilityID(index))
      }
      return result
    }
  }
}
