import Foundation
import SimKernel
import SimRandom

/// Where and when teleconsultation requests arise: one arrival process per spoke (its share
/// of the statewide demand, by catchment population, shaped by hour and weekday) and the
/// growth of demand over the run.
///
/// Growth is applied by thinning (Lewis and Shedler 1979): candidate arrivals come at the
/// highest growth factor reached during the run, and one at time t is kept with probability
/// g(t) / g(peak), using the spoke's own stream. The factor is
/// g(t) = min((1 + monthly growth)^(t / 30 days), max daily / daily): it rises, falls or
/// stays flat, and stops at the ceiling when there is one. g is monotone, so its peak over
/// the run is at the start or at the horizon.
struct DemandLayout: Sendable {
  /// Arrival process of each spoke, at the peak growth factor.
  let arrivals: EntityTable<EntityKind.Spoke, ArrivalProcess>
  /// Which specialty a request asks for.
  let specialtyChoice: CategoricalChoice<EntityKind.Specialty>
  let monthlyGrowth: Double
  /// The ceiling on the growth factor (max daily / daily; infinite without a ceiling).
  let ceiling: Double
  /// The highest growth factor over the run: what the candidate arrivals are drawn at.
  let peakGrowth: Double
  /// Whether arrivals are thinned at all (the factor is not 1 throughout).
  let isThinned: Bool

  init(spec: CareNetworkSpec, horizon: SimDuration) throws(DistributionError) {
    let demand = spec.demand
    let totalPopulation = Double(spec.spokePopulation.reduce(0, +))
    let days = (0..<7).map { demand.dayOfWeek[($0 + spec.startWeekday) % 7] }
    let shape = (demand.hourOfDay.reduce(0, +) / 24) * (days.reduce(0, +) / 7)
    let ceiling = demand.maxDaily.map { $0 / demand.dailyTotal } ?? .infinity
    let atStart = demand.growth(afterMinutes: 0)
    let atEnd = demand.growth(afterMinutes: max(horizon.minutes, 0))
    let peak = demand.peakGrowth(overMinutes: horizon.minutes)
    var processes: [ArrivalProcess] = []
    for population in spec.spokePopulation {
      let perMinute = peak * demand.dailyTotal / SimDuration.day.minutes * Double(max(population, 1))
        / max(totalPopulation, 1)
      processes.append(.poisson(try .weekly(basePerMinute: perMinute / shape, hourOfDay: demand.hourOfDay,
                                            dayOfWeek: days)))
    }
    arrivals = EntityTable(processes)
    specialtyChoice = CategoricalChoice(weights: spec.specialties.map(\.share))
    monthlyGrowth = demand.monthlyGrowth
    self.ceiling = ceiling
    peakGrowth = peak
    isThinned = atStart != atEnd
  }

  /// The growth factor at `time`, relative to the start.
  func growth(at time: SimTime) -> Double {
    min(pow(1 + monthlyGrowth, time.minutes / CareNetworkSpec.Demand.growthPeriod.minutes), ceiling)
  }

  /// The next request at `spoke` after `time`: candidates from the spoke's process, each kept
  /// with probability g(t) / g(peak) (one uniform from `stream` per candidate).
  func nextArrival(at spoke: SpokeID, after time: SimTime, using stream: RandomStream) -> SimTime {
    var next = time.minutes
    repeat {
      next = arrivals[spoke].next(afterMinutes: next, using: stream)
    } while isThinned && stream.uniform() * peakGrowth > growth(at: SimTime(minutes: next))
    return SimTime(minutes: next)
  }
}
