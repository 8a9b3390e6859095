import CareModel
import SimKernel
import Foundation
import SimRandom

extension CareNetworkReader {
  static let ambulanceKeys = ["basic", "advanced", "allocation", "bases", "add", "calls", "dispatch", "chute", "at_scene", "handover",
                              "max_queue", "max_dispatch", "targets", "hospital_tier", "roads", "duty"]

  /// The `ambulances:` section: fleet, bases, calls, dispatch and roads.
  func readFleet(_ node: ScenarioNode, facilities: [HealthCentre], habitations: [Habitation], startDays: Int)
    -> FleetSpec?
  {
    guard let f = reader.fields(node, path: "ambulances", allowed: Self.ambulanceKeys, required: ["calls"]) else { return nil }
    // The fleet is two statewide totals or a table by district; with both, the totals must
    // agree with the table (a file that extends one with totals may switch to a table).
    guard f.has("allocation") || f.has("basic") else {
      reader.report(.missingKey, "no fleet: give basic or allocation", at: node, path: "ambulances",
                    hint: "basic: 1001 spreads the fleet statewide; allocation: FILE.csv gives each district's")
      return nil
    }
    let basic = f["basic"].map { reader.integer($0, path: "ambulances.basic", atLeast: 0, atMost: Limits.ambulances) } ?? 0
    let advanced = f["advanced"].map { reader.integer($0, path: "ambulances.advanced", atLeast: 0, atMost: Limits.ambulances) }
      ?? ScenarioDefaults.advanced
    let baseTiers = f["bases"].map { tiers($0, path: "ambulances.bases") } ?? ScenarioDefaults.bases
    let calls = f["calls"].flatMap(readCalls)
    let dispatch = f["dispatch"].map { choice($0, path: "ambulances.dispatch", FleetSpec.Dispatch.self) }
      ?? ScenarioDefaults.dispatch
    let chute = f["chute"].map { reader.distribution($0, path: "ambulances.chute") } ?? ScenarioDefaults.chuteLaw
    let atScene = f["at_scene"].map { reader.distribution($0, path: "ambulances.at_scene") } ?? ScenarioDefaults.scene
    let handover = f["handover"].map { reader.distribution($0, path: "ambulances.handover") } ?? ScenarioDefaults.scene
    let maxQueue = f["max_queue"].map { reader.duration($0, path: "ambulances.max_queue", allowZero: false) }
      ?? ScenarioDefaults.maxQueue.minutes
    let maxDispatch = f["max_dispatch"].map { reader.duration($0, path: "ambulances.max_dispatch", allowZero: false) }
      ?? ScenarioDefaults.maxDispatch.minutes
    let targets = readTargets(f["targets"])
    let hospitalTier = f["hospital_tier"].map { choice($0, path: "ambulances.hospital_tier", Tier.self) }
      ?? ScenarioDefaults.hospitalTier
    let roads = readRoads(f["roads"], startDays: startDays)
    // Read before the guard, so that a bad table is reported with the section's other problems.
    let fleet = baseTiers.flatMap { tiers in
      readPlacement(f, at: node, basic: basic, advanced: advanced, tiers: tiers, facilities: facilities, habitations: habitations)
    }
    guard let calls, let dispatch, let chute, let atScene, let handover, let fleet,
          let maxQueue, let maxDispatch, let targets, let hospitalTier, let roads else { return nil }
    var spec = FleetSpec(
      ambulances: fleet, callsPerDay: calls.perDay, hourOfDay: calls.hours, dayOfWeek: calls.days, priorities: calls.priorities,
      dispatch: dispatch, chute: chute, atScene: atScene, handover: handover, maxQueue: SimDuration(minutes: maxQueue),
      urbanTarget: SimDuration(minutes: targets.urban), ruralTarget: SimDuration(minutes: targets.rural),
      urbanRadiusKm: targets.radius, hospitalTier: hospitalTier,
      conditions: roads.conditions, detour: roads.detour, startDayOfYear: roads.startDayOfYear)
    spec.maxDispatch = SimDuration(minutes: maxDispatch)
    if let d = f["duty"] {
      guard let df = reader.fields(d, path: "ambulances.duty", allowed: FleetSpec.Kind.allCases.map(\.rawValue)) else { return nil }
      for e in df.entries {
        guard let text = reader.string(e.value, path: df.path(e.key)) else { return nil }
        let parts = text.split(separator: "-").map { clock(String($0)) }
        guard parts.count == 2, let open = parts[0], let close = parts[1], open != close else {
          reader.report(.invalidValue, "'\(text)' is not a shift", at: e.value, path: df.path(e.key),
                        hint: "write HH:MM-HH:MM, e.g. 08:00-20:00 (a shift may run past midnight: 20:00-08:00)")
          return nil
        }
        spec.dutyHours[FleetSpec.Kind(rawValue: e.key)!] = .init(start: SimDuration(minutes: open), end: SimDuration(minutes: close))
      }
    }
    spec.habitations = habitations
    spec.roads = roads.graph
    return spec
  }

  /// `{daily: 12000/d, hour_of_day: [..], day_of_week: [..], priorities: [{name, share, needs}]}`.
  func readCalls(_ node: ScenarioNode) -> (perDay: Double, hours: [Double], days: [Double], priorities: [FleetSpec.Priority])? {
    guard let f = reader.fields(node, path: "ambulances.calls", allowed: ["daily", "hour_of_day", "day_of_week", "priorities"],
                                required: ["daily"]) else { return nil }
    let perMinute = f["daily"].flatMap { reader.rate($0, path: "ambulances.calls.daily") }
    let hours = f["hour_of_day"].map { reader.numbers($0, path: "ambulances.calls.hour_of_day", atLeast: 0, atMost: Limits.largestProfileFactor) }
      ?? ScenarioDefaults.hourOfDay
    let days = f["day_of_week"].map { reader.numbers($0, path: "ambulances.calls.day_of_week", atLeast: 0, atMost: Limits.largestProfileFactor) }
      ?? ScenarioDefaults.dayOfWeek
    var priorities: [FleetSpec.Priority] = [ScenarioDefaults.priority]
    if let list = f["priorities"] {
      guard let items = reader.list(list, path: "ambulances.calls.priorities") else { return nil }
      priorities = []
      for (i, item) in items.enumerated() {
        let path = "ambulances.calls.priorities[\(i)]"
        guard let p = reader.fields(item, path: path, allowed: ["name", "share", "needs", "admit"], required: ["name", "share"]),
              let name = p["name"].flatMap({ reader.string($0, path: p.path("name")) }),
              let share = p["share"].flatMap({ reader.number($0, path: p.path("share"), atLeast: 0) })
        else { return nil }
        let needs = p["needs"].map { choice($0, path: p.path("needs"), FleetSpec.Kind.self) } ?? .basic
        let admit = probability(p, "admit", default: ScenarioDefaults.priority.admitProbability)
        guard let needs, let admit else { return nil }
        priorities.append(.init(name: name, share: share, needsAdvanced: needs == .advanced, admitProbability: admit))
      }
    }
    guard let perMinute, let hours, let days else { return nil }
    guard hours.count == 24, days.count == 7, hours.contains(where: { $0 > 0 }), days.contains(where: { $0 > 0 }) else {
      reader.report(.invalidValue, "give 24 hour-of-day and 7 day-of-week factors, not all zero", at: node, path: "ambulances.calls")
      return nil
    }
    return (perMinute * SimDuration.day.minutes, hours, days, priorities)
  }

  /// `{urban: 20min, rural: 35min, urban_radius_km: 5}`.
  func readTargets(_ node: ScenarioNode?) -> (urban: Double, rural: Double, radius: Double)? {
    let (urban, rural) = (ScenarioDefaults.urbanTarget.minutes, ScenarioDefaults.ruralTarget.minutes)
    guard let node else { return (urban, rural, ScenarioDefaults.urbanRadiusKm) }
    guard let f = reader.fields(node, path: "ambulances.targets", allowed: ["urban", "rural", "urban_radius_km"]) else { return nil }
    let u = f["urban"].map { reader.duration($0, path: "ambulances.targets.urban", allowZero: false) } ?? urban
    let r = f["rural"].map { reader.duration($0, path: "ambulances.targets.rural", allowZero: false) } ?? rural
    let radius = f["urban_radius_km"].map { reader.number($0, path: "ambulances.targets.urban_radius_km", atLeast: 0) }
      ?? ScenarioDefaults.urbanRadiusKm
    guard let u, let r, let radius else { return nil }
    return (u, r, radius)
  }

  /// `add: [{district: Gaya, basic: 10, advanced: 2}]`: more ambulances at a district's bases.
  func readAdditions(_ node: ScenarioNode?, bases: [FacilityID], facilities: [HealthCentre], habitations: [Habitation])
    -> [FleetSpec.Ambulance]?
  {
    guard let node else { return [] }
    guard let items = reader.list(node, path: "ambulances.add") else { return nil }
    var result: [FleetSpec.Ambulance] = []
    for (i, item) in items.enumerated() {
      let path = "ambulances.add[\(i)]"
      guard let f = reader.fields(item, path: path, allowed: ["district", "basic", "advanced"], required: ["district"]),
            let district = f["district"].flatMap({ reader.string($0, path: f.path("district")) }) else { return nil }
      let local = bases.filter { facilities[$0.index].district == district }
      guard !local.isEmpty else {
        var names: [String] = []
        for b in bases where !names.contains(facilities[b.index].district) { names.append(facilities[b.index].district) }
        reader.report(.unknownName, "no ambulance base in district '\(district)'", at: f["district"]!, path: f.path("district"),
                      hint: DidYouMean.hint(for: district, among: names))
        return nil
      }
      let b = f["basic"].map { reader.integer($0, path: f.path("basic"), atLeast: 0, atMost: Limits.ambulances) } ?? 0
      let a = f["advanced"].map { reader.integer($0, path: f.path("advanced"), atLeast: 0, atMost: Limits.ambulances) } ?? 0
      guard let b, let a else { return nil }
      result += FleetSpec.allocate(basic: b, advanced: a, inDistrict: district, bases: local, facilities: facilities, habitations: habitations)
    }
    return result
  }
}
