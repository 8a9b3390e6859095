import Pathways
import CareModel
import SimKernel
import SimRandom

/// Every value a scenario file may leave out, in one place: the readers take their defaults
/// from here, and ``documented`` renders each as `docs/scenario-reference.md` writes it in its
/// table of defaults (a test compares the two, both ways).
public enum ScenarioDefaults {
  // Every scenario.
  static let name = "scenario"
  static let seed: UInt64 = 1
  static let warmUp = SimDuration.zero
  static let replications = 10
  static let generator = GeneratorAlgorithm.mt19937

  // Queues and networks.
  /// Hour-of-day and day-of-week factors of an arrival profile (and of demand and calls).
  static let hourOfDay = Array(repeating: 1.0, count: 24)
  static let dayOfWeek = Array(repeating: 1.0, count: 7)
  static let classPriority = 0
  /// What a resource does with its waiting line when its roster goes to zero.
  static let closingRule = PathwaySpec.ClosingRule.carryOver

  // Care networks: demand, specialties and policy.
  static let monthlyGrowth = 0.0
  static let admit = 0.0
  static let refer = 0.0
  static let policy = CareNetworkSpec.Policy(
    assignment: .ownDistrict, sessionEnd: .wait, connectionFailure: 0, doctorUnavailable: 0, retryProbability: 1,
    maxAttempts: 3, failedCall: SimDuration(minutes: 3))

  // Care networks: beds, transport and costs.
  static let referralTier = Tier.chc
  /// Every facility's beds as the table gives them.
  static let bedScale = 1.0
  /// Every hub's specialists as `specialties` gives them.
  static let specialistsScale = 1.0
  /// Length of stay at every tier: lognormal, mean 2 days, sd 1 day.
  static let stayMean = SimDuration.days(2)
  static let staySD = SimDuration.day
  static let stay = knownValid { () throws(DistributionError) in try .lognormal(mean: stayMean.minutes, sd: staySD.minutes) }
  static let otherAdmissionsPerDay = 0.0
  static let transport = CareNetworkSpec.Transport(detour: 1.35, speedKmPerHour: 30,
                                                   dispatchDelay: SimDuration(minutes: 20), costPerKm: 12)
  /// Rupees per inpatient-day (Didi ki Rasoi: four meals for Rs 150).
  static let mealCostPerPatientDay = 150.0

  // Medicines, ASHAs and kitchens.
  static let unfilledMedicines = MedicineSupply.Unfilled.outOfPocket
  /// Rupees a km a patient pays to fetch medicines (shared auto-rickshaw; an assumption).
  static let medicineTripCostPerKm = 3.0
  static let medicineTripCandidates = 5
  /// One ASHA per 1,000 people (the national norm); the response is an assumption
  /// (docs/medicines.md): 0.1 patients per ASHA a month unpaid, up to 0.6 more, half of it at Rs 50.
  static let asha = AshaMobilisation(peoplePerAsha: 1000, incentive: 0,
                                     response: .init(base: 0.1, extra: 0.6, halfAt: 50))
  /// Didi ki Rasoi: four meals a day for Rs 150.
  static let mealTimes = [8, 12, 16, 20].map { SimDuration.hours(Double($0)) }
  static let costPerMeal = 37.5

  // Ambulances.
  static let advanced = 0
  static let bases: [Tier] = [.phc, .chc]
  static let dispatch = FleetSpec.Dispatch.road
  static let chute = SimDuration(minutes: 2)
  /// Time at scene and handover: lognormal, mean 15 min, sd 7 min.
  static let sceneMean = SimDuration(minutes: 15)
  static let sceneSD = SimDuration(minutes: 7)
  static let scene = knownValid { () throws(DistributionError) in try .lognormal(mean: sceneMean.minutes, sd: sceneSD.minutes) }
  static let chuteLaw = knownValid { () throws(DistributionError) in try .constant(chute.minutes) }
  static let maxQueue = SimDuration.hour
  static let maxDispatch = SimDuration.hour
  static let urbanTarget = SimDuration(minutes: 20)
  static let ruralTarget = SimDuration(minutes: 35)
  static let urbanRadiusKm = 5.0
  static let hospitalTier = Tier.chc
  static let priority = FleetSpec.Priority(name: "emergency", share: 1, needsAdvanced: false, admitProbability: 1)
  static let roadDetour = 1.35
  /// The monsoon, when given without dates: 1 June to 30 September (days 151-272 of a
  /// non-leap year).
  static let monsoonFrom = 151
  static let monsoonTo = 272

  /// A distribution built from constants known to be valid.
  private static func knownValid(_ make: () throws(DistributionError) -> Distribution) -> Distribution {
    do {
      return try make()
    } catch {
      preconditionFailure("a default distribution is invalid: \(error)")
    }
  }

  /// Each default as `(key path, value)` the way the scenario reference writes it.
  public static var documented: [(key: String, value: String)] {
    func minutes(_ d: SimDuration) -> String { "\(Units.format(d.minutes))min" }
    func lognormal(_ mean: SimDuration, _ sd: SimDuration) -> String {
      "lognormal mean \(Units.format(mean.minutes))min sd \(Units.format(sd.minutes))min"
    }
    return [
      ("name", name), ("seed", "\(seed)"), ("warmup", minutes(warmUp)), ("replications", "\(replications)"),
      ("rng", generator.rawValue),
      ("arrivals.hour_of_day", "24 × 1"), ("arrivals.day_of_week", "7 × 1"), ("classes[].priority", "\(classPriority)"),
      ("resources[].closing", closingRule.rawValue), ("stations[].resource", "its own servers"),
      ("stations[].hold", "false"), ("stations[].patience.then", "reneged"), ("absences[].servers", "1"),
      ("absences[].every", "the roster's period"), ("classes[].returns.hours", "00:00-24:00"),
      ("classes[].returns.days", "every day"),
      ("demand.hour_of_day", "24 × 1"), ("demand.day_of_week", "7 × 1"),
      ("demand.monthly_growth", Units.format(monthlyGrowth)), ("demand.max_daily", "none"),
      ("specialties[].admit", Units.format(admit)), ("specialties[].refer", Units.format(refer)),
      ("policy.assignment", policy.assignment.rawValue), ("policy.session_end", policy.sessionEnd.rawValue),
      ("policy.connection_failure", Units.format(policy.connectionFailure)),
      ("policy.doctor_unavailable", Units.format(policy.doctorUnavailable)),
      ("policy.retry", Units.format(policy.retryProbability)), ("policy.max_attempts", "\(policy.maxAttempts)"),
      ("policy.failed_call", minutes(policy.failedCall)),
      ("specialists_scale", Units.format(specialistsScale)), ("beds.referral_tier", referralTier.rawValue), ("beds.scale", Units.format(bedScale)), ("beds.stay.TIER", lognormal(stayMean, staySD)),
      ("beds.other_admissions.TIER", "\(Units.format(otherAdmissionsPerDay))/d"),
      ("transport.detour", Units.format(transport.detour)), ("transport.speed", "\(Units.format(transport.speedKmPerHour))km/h"),
      ("transport.dispatch", minutes(transport.dispatchDelay)), ("transport.cost_per_km", Units.format(transport.costPerKm)),
      ("costs.specialist_per_session", "0"), ("costs.specialist_per_hour", "0"), ("costs.specialist_per_day", "0"), ("costs.bed_per_day", "0"),
      ("costs.bed_capital", "0"), ("costs.capital_years", "10"), ("costs.ambulance_per_day", "0"),
      ("costs.meal_per_patient_day", Units.format(mealCostPerPatientDay)),
      ("medicines.warehouses", "none (warehouses never run out)"), ("medicines.spokes.reorder_at", "S − 1"),
      ("medicines.unfilled", unfilledMedicines.rawValue), ("medicines.travel.cost_per_km", Units.format(medicineTripCostPerKm)),
      ("medicines.travel.candidates", "\(medicineTripCandidates)"),
      ("asha.people_per_asha", Units.format(asha.peoplePerAsha)), ("asha.response.base", Units.format(asha.response.base)),
      ("asha.response.extra", Units.format(asha.response.extra)), ("asha.response.half_at", Units.format(asha.response.halfAt)),
      ("kitchens.meal_times", "[" + mealTimes.map { String(format: "%02d:00", Int($0.hours)) }.joined(separator: ", ") + "]"),
      ("kitchens.cost_per_meal", Units.format(costPerMeal)),
      ("ambulances.advanced", "\(advanced)"), ("ambulances.bases", "[" + bases.map(\.rawValue).joined(separator: ", ") + "]"),
      ("ambulances.dispatch", dispatch.rawValue), ("ambulances.chute", minutes(chute)),
      ("ambulances.at_scene", lognormal(sceneMean, sceneSD)), ("ambulances.handover", lognormal(sceneMean, sceneSD)),
      ("ambulances.max_queue", minutes(maxQueue)), ("ambulances.max_dispatch", minutes(maxDispatch)),
      ("ambulances.targets.urban", minutes(urbanTarget)), ("ambulances.targets.rural", minutes(ruralTarget)),
      ("ambulances.targets.urban_radius_km", Units.format(urbanRadiusKm)),
      ("ambulances.hospital_tier", hospitalTier.rawValue), ("ambulances.duty.KIND", "00:00-24:00"),
      ("ambulances.calls.hour_of_day", "24 × 1"), ("ambulances.calls.day_of_week", "7 × 1"),
      ("ambulances.calls.priorities", "[{name: \(priority.name), share: 1, needs: basic, admit: 1}]"),
      ("ambulances.calls.priorities[].needs", "basic"), ("ambulances.calls.priorities[].admit", "1"),
      ("ambulances.roads", "synthetic"), ("ambulances.roads.detour", Units.format(roadDetour)), ("ambulances.roads.speed_scale", "1"),
      ("ambulances.roads.congestion", "24 × 1"), ("ambulances.roads.monsoon", "none"),
      ("ambulances.roads.monsoon.from", "06-01"), ("ambulances.roads.monsoon.to", "09-30"),
    ]
  }
}
