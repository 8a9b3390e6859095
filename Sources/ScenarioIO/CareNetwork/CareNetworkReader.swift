import CareModel
import SimKernel
import SimRandom

/// Reads `kind: care-network`: the telemedicine network, its demand, sessions, staffing,
/// policies, beds, transport, costs and dated upgrades.
struct CareNetworkReader {
  let reader: NodeReader

  static let keys = ["start", "facilities", "habitations", "spokes", "hubs", "sessions", "demand",
                     "specialties", "specialists_scale", "policy", "beds", "transport", "costs", "upgrades", "ambulances",
                     "medicines", "asha", "kitchens"]
  static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
  /// Most a staffing multiplier may be: it multiplies counts already up to ``Limits/count``.
  static let largestStaffScale = 100.0

  func read(_ f: Fields) -> CareNetworkSpec? {
    for key in ["start", "facilities", "habitations", "spokes", "hubs", "sessions", "demand", "specialties"]
    where !f.has(key) { reader.reportMissing(key, in: f) }
    // Every part is read even when another failed, so that one run reports every problem.
    let startDays = f["start"].flatMap { date($0, path: "start") }
    let data = CareDataReader(reader: reader)
    let bedScale = readBedScale(f["beds"])
    let facilities = f["facilities"].flatMap { data.facilities($0, path: "facilities") }.map { list in
      bedScale.map { scale in
        list.map { var h = $0; h.beds = Int((Double(h.beds) * scale).rounded()); return h }
      } ?? list
    }
    let habitations = f["habitations"].flatMap { data.habitations($0, path: "habitations") }
    let spokeRule = f["spokes"].flatMap(readSpokeRule)
    let hubRule = f["hubs"].flatMap(readHubRule)
    let sessions = f["sessions"].flatMap(readSessions)
    let demand = f["demand"].flatMap(readDemand)
    let specialistsScale = f["specialists_scale"].map {
      reader.number($0, path: "specialists_scale", atLeast: 0, atMost: Self.largestStaffScale)
    } ?? ScenarioDefaults.specialistsScale
    let specialties = f["specialties"].flatMap(readSpecialties).map { list in
      specialistsScale.map { scale in list.map { $0.scaled(by: scale) } } ?? list
    }
    let policy = readPolicy(f["policy"])
    let (stays, referralTier, otherAdmissions) = readBeds(f["beds"])
    let transport = readTransport(f["transport"])
    let costs = readCosts(f["costs"])
    let medicines = f["medicines"].map { readMedicines($0, specialties: specialties) }
    let asha = f["asha"].map(readAsha)
    let kitchens = f["kitchens"].map(readKitchens)
    guard let facilities, let habitations, let startDays else { return nil }
    let upgrades = readUpgrades(f["upgrades"], facilities: facilities, habitations: habitations, start: startDays)
    let fleet = f["ambulances"].map {
      readFleet($0, facilities: facilities, habitations: habitations, startDays: startDays)
    }
    if case .some(.none) = fleet { return nil }
    guard let spokeRule, let hubRule,
          let (spokes, population) = selectSpokes(spokeRule, f["spokes"]!, facilities, habitations),
          let hubs = selectHubs(hubRule, f["hubs"]!, facilities, habitations),
          let sessions, let demand, let specialties, let policy, let stays, let referralTier, let otherAdmissions,
          let transport, let costs, let upgrades
    else { return nil }
    for (i, s) in specialties.enumerated() where s.share > 0 {
      if !hubs.contains(where: { s.specialistsByHubTier[facilities[$0.index].tier.rank] > 0 }) {
        reader.report(.invalidValue, "no hub has a specialist of '\(s.name)', so its patients would never be seen",
                      at: f["specialties"]!, path: "specialties[\(i)].specialists_per_hub",
                      hint: "give at least one hub tier a specialist, or a share of 0")
        return nil
      }
    }
    var spec = CareNetworkSpec(
      facilities: facilities, spokes: spokes, spokePopulation: population, hubs: hubs,
      specialties: specialties, sessions: sessions, policy: policy, demand: demand, stays: stays,
      referralTier: referralTier, transport: transport, upgrades: upgrades,
      mealCostPerPatientDay: costs.mealPerPatientDay, startWeekday: CalendarDate.weekday(ofDays: startDays),
      startDate: f["start"]?.scalar ?? "")
    spec.otherAdmissionsPerDay = otherAdmissions
    spec.costs = costs
    spec.fleet = fleet ?? nil
    guard medicines != .some(nil), asha != .some(nil), kitchens != .some(nil) else { return nil }
    spec.asha = asha ?? nil
    spec.medicines = medicines ?? nil
    spec.kitchens = kitchens ?? nil
    if let a = spec.asha, !checkAsha(a, spec: spec, at: f["asha"]!) { return nil }
    if let m = spec.medicines, !checkMedicines(m, spec: spec, at: f["medicines"]!) { return nil }
    return spec
  }

  func date(_ node: ScenarioNode, path: String) -> Int? {
    guard let text = reader.string(node, path: path) else { return nil }
    guard let days = CalendarDate.days(text) else {
      reader.report(.invalidValue, "'\(text)' is not a date", at: node, path: path, hint: "write YYYY-MM-DD, e.g. 2021-02-21")
      return nil
    }
    guard Limits.years.contains(CalendarDate.year(ofDays: days)) else {
      reader.report(.invalidValue, "'\(text)' is outside the years \(Limits.years.lowerBound)-\(Limits.years.upperBound)",
                    at: node, path: path)
      return nil
    }
    return days
  }

  func tiers(_ node: ScenarioNode, path: String) -> [Tier]? {
    guard let items = reader.list(node, path: path) else { return nil }
    var result: [Tier] = []
    for (i, item) in items.enumerated() {
      guard let name = reader.string(item, path: "\(path)[\(i)]") else { return nil }
      guard let tier = Tier(rawValue: name) else {
        reader.report(.unknownName, "unknown tier '\(name)'", at: item, path: "\(path)[\(i)]",
                      hint: DidYouMean.hint(for: name, among: Tier.allCases.map(\.rawValue)))
        return nil
      }
      result.append(tier)
    }
    return result
  }

  func probability(_ f: Fields, _ key: String, default value: Double) -> Double? {
    guard let node = f[key] else { return value }
    guard let p = reader.number(node, path: f.path(key), atLeast: 0) else { return nil }
    guard p <= 1 else {
      reader.report(.invalidValue, "a probability must be at most 1, got \(p)", at: node, path: f.path(key))
      return nil
    }
    return p
  }

  struct SelectionRule {
    var count: Int
    var tiers: [Tier]
    var oneTierPerDistrict = false
  }

  /// `{count: 1723, tiers: [hwc, hsc, aphc, phc]}`.
  func readSpokeRule(_ node: ScenarioNode) -> SelectionRule? {
    guard let f = reader.fields(node, path: "spokes", allowed: ["count", "tiers"], required: ["count", "tiers"])
    else { return nil }
    let count = f["count"].flatMap { reader.integer($0, path: "spokes.count", atLeast: 1) }
    let list = f["tiers"].flatMap { tiers($0, path: "spokes.tiers") }
    guard let count, let list else { return nil }
    return SelectionRule(count: count, tiers: list)
  }

  /// `{count: 17, tiers: [mch, dh], one_tier_per_district: true}`.
  func readHubRule(_ node: ScenarioNode) -> SelectionRule? {
    guard let f = reader.fields(node, path: "hubs", allowed: ["count", "tiers", "one_tier_per_district"],
                                required: ["count", "tiers"])
    else { return nil }
    let count = f["count"].flatMap { reader.integer($0, path: "hubs.count", atLeast: 1) }
    let list = f["tiers"].flatMap { tiers($0, path: "hubs.tiers") }
    var spread: Bool? = false
    if let n = f["one_tier_per_district"] {
      spread = ["true", "false"].contains(n.scalar ?? "") ? n.scalar == "true" : nil
      if spread == nil { reader.report(.wrongType, "expected true or false", at: n, path: "hubs.one_tier_per_district") }
    }
    guard let count, let list, let spread else { return nil }
    return SelectionRule(count: count, tiers: list, oneTierPerDistrict: spread)
  }

  /// The `count` spoke candidates with the largest catchments.
  func selectSpokes(_ rule: SelectionRule, _ node: ScenarioNode, _ facilities: [HealthCentre],
                    _ habitations: [Habitation]) -> ([FacilityID], [Int])? {
    let available = facilities.filter { rule.tiers.contains($0.tier) }.count
    guard rule.count <= available else {
      reader.report(.invalidValue, "asks for \(rule.count) spokes but the facilities table has \(available) of tiers "
                    + rule.tiers.map(\.rawValue).joined(separator: ", "), at: node["count"] ?? node, path: "spokes.count")
      return nil
    }
    let chosen = NetworkSelection.spokes(count: rule.count, tiers: rule.tiers, facilities: facilities, habitations: habitations)
    return (chosen.spokes, chosen.population)
  }

  func selectHubs(_ rule: SelectionRule, _ node: ScenarioNode, _ facilities: [HealthCentre],
                  _ habitations: [Habitation]) -> [FacilityID]? {
    var districtPopulation: [String: Int] = [:]
    let nearest = NetworkSelection.catchments(of: facilities.indices.map(FacilityID.init), in: facilities,
                                              habitations: habitations)
    for (i, fac) in facilities.enumerated() { districtPopulation[fac.district, default: 0] += nearest[i] }
    let hubs = NetworkSelection.hubs(count: rule.count, tiers: rule.tiers, oneTierPerDistrict: rule.oneTierPerDistrict,
                                     facilities: facilities, districtPopulation: districtPopulation)
    if hubs.count < rule.count {
      reader.report(.invalidValue, "asks for \(rule.count) hubs but only \(hubs.count) facilities qualify",
                    at: node["count"] ?? node, path: "hubs.count")
      return nil
    }
    return hubs
  }

  /// `{days: [mon, thu, sat], hours: 09:00-14:00}`.
  func readSessions(_ node: ScenarioNode) -> CareNetworkSpec.SessionCalendar? {
    guard let f = reader.fields(node, path: "sessions", allowed: ["days", "hours"], required: ["days", "hours"]),
          let items = f["days"].flatMap({ reader.list($0, path: "sessions.days") }),
          let hoursNode = f["hours"], let text = reader.string(hoursNode, path: "sessions.hours")
    else { return nil }
    var days = Array(repeating: false, count: 7)
    var ok = true
    for (i, item) in items.enumerated() {
      guard let name = reader.string(item, path: "sessions.days[\(i)]") else { ok = false; continue }
      guard let d = Self.weekdays.firstIndex(of: name.lowercased()) else {
        reader.report(.unknownName, "unknown weekday '\(name)'", at: item, path: "sessions.days[\(i)]",
                      hint: DidYouMean.hint(for: name, among: Self.weekdays))
        ok = false
        continue
      }
      days[d] = true
    }
    if items.isEmpty {
      // No session day: no patient would ever be seen, and every figure would say only that.
      reader.report(.invalidValue, "no session day: no patient would ever be seen", at: f["days"]!, path: "sessions.days",
                    hint: "list at least one weekday, e.g. [mon, thu, sat]")
      ok = false
    }
    let parts = text.split(separator: "-").map { clock(String($0)) }
    guard parts.count == 2, let open = parts[0], let close = parts[1], open < close else {
      reader.report(.invalidValue, "'\(text)' is not an opening time", at: hoursNode, path: "sessions.hours",
                    hint: "write HH:MM-HH:MM, e.g. 09:00-14:00")
      return nil
    }
    guard ok else { return nil }
    return .init(days: days, opensAt: SimDuration(minutes: open), closesAt: SimDuration(minutes: close))
  }

  /// Minutes after midnight of `HH:MM`.
  func clock(_ text: String) -> Double? {
    let p = text.trimmingSpaces.split(separator: ":").map { Int($0) }
    guard p.count == 2, let h = p[0], let m = p[1], (0...24).contains(h), (0..<60).contains(m),
          Double(h * 60 + m) <= SimDuration.day.minutes
    else { return nil }
    return Double(h * 60 + m)
  }
}
