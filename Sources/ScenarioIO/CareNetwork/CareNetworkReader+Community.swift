import CareModel
import SimKernel
import SimRandom

extension CareNetworkReader {
  static let ashaKeys = ["people_per_asha", "incentive", "response"]
  static let kitchenKeys = ["meal_times", "meals_per_day", "cost_per_meal"]
  /// Most patients an ASHA may bring a month.
  static let mostPatientsPerAsha = 10_000.0

  /// `{people_per_asha: 1000, incentive: 50, response: {base: 0.1, extra: 0.6, half_at: 50}}`:
  /// the incentive in rupees per patient seen; the response in patients per ASHA per month.
  func readAsha(_ node: ScenarioNode) -> AshaMobilisation? {
    guard let f = reader.fields(node, path: "asha", allowed: Self.ashaKeys, required: ["incentive"]) else { return nil }
    let people =
      f["people_per_asha"].map { reader.number($0, path: "asha.people_per_asha", atLeast: 1, atMost: 1e7) }
      ?? ScenarioDefaults.asha.peoplePerAsha
    let incentive = f["incentive"].flatMap { reader.number($0, path: "asha.incentive", atLeast: 0, atMost: 1e6) }
    var response: AshaMobilisation.Response? = ScenarioDefaults.asha.response
    if let r = f["response"] {
      response = reader.fields(r, path: "asha.response", allowed: ["base", "extra", "half_at"]).flatMap { rf in
        let top = Self.mostPatientsPerAsha
        let base =
          rf["base"].map { reader.number($0, path: rf.path("base"), atLeast: 0, atMost: top) }
          ?? ScenarioDefaults.asha.response.base
        let extra =
          rf["extra"].map { reader.number($0, path: rf.path("extra"), atLeast: 0, atMost: top) }
          ?? ScenarioDefaults.asha.response.extra
        let half =
          rf["half_at"].map { reader.number($0, path: rf.path("half_at"), atLeast: 0, atMost: 1e6) }
          ?? ScenarioDefaults.asha.response.halfAt
        guard let base, let extra, let half else { return nil }
        return .init(base: base, extra: extra, halfAt: half)
      }
    }
    guard let people, let incentive, let response else { return nil }
    return AshaMobilisation(peoplePerAsha: people, incentive: incentive, response: response)
  }

  /// Refuses ASHA-mobilised demand faster than the clock can follow in its busiest hour.
  func checkAsha(_ asha: AshaMobilisation, spec: CareNetworkSpec, at node: ScenarioNode) -> Bool {
    let perDay = asha.patientsPerDay(population: spec.catchmentPopulation)
    let busiest = perDay / SimDuration.day.minutes
      * RateProfile.peakOverMean(hourOfDay: spec.demand.hourOfDay,
                                 dayOfWeek: spec.sessions.dayFactors(startWeekday: spec.startWeekday))
    guard busiest <= Limits.fastestRatePerMinute else {
      reader.report(
        .invalidValue,
        "ASHAs would bring \(Limits.text(busiest)) patients a minute in the busiest hour; at most "
          + "\(Limits.text(Limits.fastestRatePerMinute))", at: node, path: "asha", hint: Limits.rateBounds)
      return false
    }
    return true
  }

  /// `{meal_times: ["08:00", "12:00", "16:00", "20:00"], meals_per_day: {dh: 600, mch: 1200}, cost_per_meal: 37.5}`.
  func readKitchens(_ node: ScenarioNode) -> KitchenSupply? {
    guard let f = reader.fields(node, path: "kitchens", allowed: Self.kitchenKeys, required: ["meals_per_day"])
    else { return nil }
    var times: [SimDuration]? = ScenarioDefaults.mealTimes
    if let t = f["meal_times"], let items = reader.list(t, path: "kitchens.meal_times", atMost: 48) {
      var parsed: [SimDuration] = []
      for (i, item) in items.enumerated() {
        let path = "kitchens.meal_times[\(i)]"
        guard let text = reader.string(item, path: path) else { times = nil; continue }
        guard let m = clock(text), m < SimDuration.day.minutes else {
          reader.report(
            .invalidValue, "'\(text)' is not a time of day", at: item, path: path,
            hint: "write HH:MM from 00:00 to 23:59, e.g. \"08:00\"")
          times = nil
          continue
        }
        if let last = parsed.last, last.minutes >= m {
          reader.report(
            .invalidValue, "'\(text)' is not after the meal before it", at: item, path: path,
            hint: "list meal times in order, e.g. [\"08:00\", \"13:00\", \"20:00\"]")
          times = nil
          continue
        }
        parsed.append(SimDuration(minutes: m))
      }
      if items.isEmpty {
        reader.report(.invalidValue, "no meal time", at: t, path: "kitchens.meal_times")
        times = nil
      }
      if times != nil { times = parsed }
    } else if f["meal_times"] != nil {
      times = nil
    }
    var capacity: [Int?]? = Array(repeating: nil, count: Tier.allCases.count)
    if let c = f["meals_per_day"],
      let cf = reader.fields(c, path: "kitchens.meals_per_day", allowed: Tier.allCases.map(\.rawValue))
    {
      for e in cf.entries {
        guard let n = reader.integer(e.value, path: cf.path(e.key), atLeast: 0, atMost: Limits.count) else {
          capacity = nil; continue
        }
        capacity?[Tier(rawValue: e.key)!.rank] = n
      }
    } else {
      capacity = nil
    }
    let cost =
      f["cost_per_meal"].map { reader.number($0, path: "kitchens.cost_per_meal", atLeast: 0, atMost: 1e6) }
      ?? ScenarioDefaults.costPerMeal
    guard let times, let capacity, let cost else { return nil }
    return KitchenSupply(mealTimes: times, capacityByTier: capacity, costPerMeal: cost)
  }
}
