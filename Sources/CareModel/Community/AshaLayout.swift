import SimKernel
import SimRandom

/// When and where ASHA-mobilised patients come: one statewide Poisson stream on session
/// days, shaped by the demand's hour-of-day profile, each patient at a spoke drawn in
/// proportion to its catchment population (ASHAs are one per so many people).
struct AshaLayout: Sendable {
  /// Nil when ASHAs bring no one (no incentive and no unpaid mobilisation, say).
  let arrivals: ArrivalProcess?
  let spokeChoice: CategoricalChoice<EntityKind.Spoke>
  /// ASHAs serving the spokes' catchments, and the patients they bring a day.
  let ashas: Double
  let patientsPerDay: Double

  init(spec: CareNetworkSpec, asha: AshaMobilisation) throws(DistributionError) {
    let population = spec.catchmentPopulation
    ashas = asha.ashas(population: population)
    patientsPerDay = asha.patientsPerDay(population: population)
    let days = spec.sessions.dayFactors(startWeekday: spec.startWeekday)
    let shape = (spec.demand.hourOfDay.reduce(0, +) / 24) * (days.reduce(0, +) / 7)
    let perMinute = patientsPerDay / SimDuration.day.minutes / shape
    arrivals =
      perMinute > 0
      ? .poisson(try .weekly(basePerMinute: perMinute, hourOfDay: spec.demand.hourOfDay, dayOfWeek: days)) : nil
    spokeChoice = CategoricalChoice(weights: spec.spokePopulation.map { Double(max($0, 1)) })
  }
}
