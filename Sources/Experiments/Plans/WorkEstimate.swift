import CareModel
import Pathways
import Foundation
import QueueNetwork
import ScenarioIO
import SimKernel
import SimRandom
import SimStats

/// How much work an experiment is, estimated from its scenarios before anything runs, so that
/// a number that cannot be meant (a horizon of 10^15 hours, a million replications) is caught
/// before the machine is committed to it, and the planner hears what lies ahead.
///
/// The estimate counts expected events: arrivals (and thinning candidates) times the events
/// each one causes. The factors per arrival were measured on the shipped scenarios with
/// ``ReplicationRunner/eventCount(_:)`` and err on the high side; the estimate is for
/// deciding, not a promise.
public struct WorkEstimate: Sendable, Equatable {
  /// Replications to run, over every design.
  public var replications: Int
  /// Design points (1 for a run).
  public var designs: Int
  /// Expected events in the whole experiment.
  public var events: Double
  /// The longest horizon of any design, in minutes.
  public var longestHorizonMinutes: Double

  /// Events per teleconsultation request (request, session start, consultation end, e-prescription
  /// or referral, and a share of admissions and discharges).
  static let eventsPerRequest = 6.0
  /// Events per emergency call (call, dispatch, arrival at scene, departure, handover, return).
  static let eventsPerCall = 9.0
  /// Events per visit to a queueing station (arrival and departure).
  static let eventsPerVisit = 2.0

  /// Estimates an experiment before it runs.
  /// - Parameters:
  ///   - scenarios: one scenario per design.
  ///   - replications: replications of each design.
  public init(designs scenarios: [Scenario], replications: Int) {
    self.replications = scenarios.count * replications
    designs = scenarios.count
    events = scenarios.reduce(0) { $0 + Self.eventsPerReplication($1) } * Double(replications)
    longestHorizonMinutes = scenarios.map(\.horizon.minutes).max() ?? 0
  }

  /// Expected events in one replication of `scenario`.
  public static func eventsPerReplication(_ scenario: Scenario) -> Double {
    let minutes = scenario.horizon.minutes
    switch scenario.model {
    case .queueNetwork(let spec): return queueEvents(spec, minutes: minutes)
    case .pathways(let spec): return pathwayEvents(spec, minutes: minutes)
    case .careNetwork(let spec): return careEvents(spec, minutes: minutes)
    }
  }

  /// Visits per minute over all stations, from the traffic equations λ = γ + λP (solved
  /// as the loader already solved them, at each source's busiest rate); infinite when
  /// customers never leave.
  static func queueEvents(_ spec: NetworkSpec, minutes: Double) -> Double {
    let external = spec.stations.map { s in s.arrivals.reduce(0.0) { $0 + ($1?.peakRatePerMinute ?? 0) } }
    let routing = spec.stations.map(\.routing)
    guard let visits = try? QueueingTheory.solveTrafficEquations(external: external, routing: routing) else { return .infinity }
    return visits.reduce(0, +) * eventsPerVisit * minutes
  }

  static func careEvents(_ spec: CareNetworkSpec, minutes: Double) -> Double {
    let days = minutes / SimDuration.day.minutes
    let demand = spec.demand
    // Requests are drawn at the busiest hour's rate and at the peak growth, then thinned; a
    // candidate costs a few draws, a quarter of an event's work.
    let peakShape = RateProfile.peakOverMean(hourOfDay: demand.hourOfDay, dayOfWeek: demand.dayOfWeek)
    // The mean growth factor over the run, by the midpoint rule on 100 slices (growth is smooth).
    let meanGrowth = demand.meanGrowth(overMinutes: minutes)
    let candidates = demand.peakGrowth(overMinutes: minutes) * peakShape
    var events = demand.dailyTotal * days * (meanGrowth * eventsPerRequest + candidates / 4)
    // An outside admission is two events: the admission and the discharge.
    events += spec.otherAdmissionsPerDay.reduce(0, +) * days * 2
    if let fleet = spec.fleet {
      events += fleet.callsPerDay * days * (eventsPerCall + RateProfile.peakOverMean(hourOfDay: fleet.hourOfDay, dayOfWeek: fleet.dayOfWeek) / 4)
    }
    let mobilised = spec.asha.map { $0.patientsPerDay(population: spec.catchmentPopulation) } ?? 0
    events += mobilised * days * eventsPerRequest
    if let m = spec.medicines {
      // At most one delivery per prescription line with continuous review (every issue may
      // order), and one per item and review with periodic review; warehouses likewise.
      let requests = demand.dailyTotal * meanGrowth + mobilised
      let lines = m.lines.map { $0.reduce(0) { $0 + $1.share } }.max() ?? 0
      let items = Double(m.medicines.count)
      func deliveries(_ policy: MedicineSupply.Policy?, places: Int) -> Double {
        switch policy?.review {
        case .continuous?: return requests * lines
        case .periodic(let r)?: return Double(places) * items / Double(r)
        case nil: return 0
        }
      }
      events += days * (deliveries(m.spokePolicy, places: spec.spokes.count)
                        + deliveries(m.warehousePolicy, places: spec.districts.count))
    }
    if let k = spec.kitchens { events += days * Double(k.mealTimes.count) }
    return events
  }

}

/// The work TeleSim runs without being asked twice: beyond any of these an experiment is
/// refused unless `--force` is given (the bounds in `docs/scenario-reference.md`, "Limits").
public enum WorkLimits {
  /// Expected events in one experiment (minutes to hours at 5-10 million events a second).
  public static let events = 1e9
  /// Replications over all designs.
  public static let replications = 1_000_000
  /// Design points in a sweep; each is a scenario loaded and checked before anything runs.
  public static let designPoints = 10_000.0
  /// Design points beyond which a sweep is refused even with `--force` (their scenarios alone
  /// would fill memory).
  public static let mostDesignPoints = 1_000_000.0
  /// Longest horizon: 100 years.
  public static let horizonMinutes = 100 * Limits.minutesPerYear

  /// The limits in a few words, for help texts: "10^9 events, 10^6 replications, 100 years".
  public static var summary: String {
    "10^\(Int(log10(events))) events, 10^\(Int(log10(Double(replications)))) replications, "
      + "\(Int(horizonMinutes / Limits.minutesPerYear)) years"
  }

  /// What exceeds the limits.
  /// - Parameter work: the experiment's estimate.
  /// - Returns: one sentence per limit exceeded; empty when the work is within them.
  public static func problems(_ work: WorkEstimate) -> [String] {
    var problems: [String] = []
    if work.replications > replications {
      problems.append("\(work.replications) replications exceed the \(replications) TeleSim runs without --force")
    }
    if work.longestHorizonMinutes > horizonMinutes {
      let years = work.longestHorizonMinutes / Limits.minutesPerYear
      problems.append("a horizon of \(WorkEstimate.scientific(years)) years exceeds \(Int(horizonMinutes / Limits.minutesPerYear)) years")
    }
    if !(work.events <= events) {
      problems.append("about \(WorkEstimate.scientific(work.events)) events exceed the 10^\(Int(log10(events))) TeleSim runs without --force"
                      + " (several minutes to hours)")
    }
    return problems
  }
}

extension WorkEstimate {
  /// `3.4e10`, or a plain figure below 10^5.
  public static func scientific(_ x: Double) -> String {
    guard x.isFinite else { return "infinitely many" }
    if x < 1e5 { return String(Int(x.rounded())) }
    return String(format: "%.1e", x).replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e+", with: "e")
  }

  /// "5 designs × 10 replications, about 2.1e7 events".
  public var sentence: String {
    let each = replications / max(designs, 1)
    let runs = designs > 1 ? "\(designs) designs × \(each) replication\(each == 1 ? "" : "s")"
                           : "\(replications) replication\(replications == 1 ? "" : "s")"
    return runs + ", about \(Self.scientific(events)) events"
  }
}

extension WorkEstimate {
  /// Events per visit to a pathway station (arrival, service end, and a share of waits, limits
  /// and roster changes).
  static let eventsPerPathwayVisit = 3.0

  /// Visits per minute over all stations and classes, from the traffic equations over
  /// (station, class) at each source's mean rate (work adds up over the run), with each
  /// class's return visits entering at its return station, and counting every way a patient
  /// can move on at full weight: to each station the most any routing rule sends there, and
  /// a waiting-time limit and an overflow as if every patient met them. Solved by iteration over the edges (a network of
  /// many classes has too many states for a dense matrix); infinite when the iteration does
  /// not settle, as when patients could pass between stations for ever without leaving.
  static func pathwayEvents(_ spec: PathwaySpec, minutes: Double) -> Double {
    let classes = spec.classes.count
    let states = spec.stations.count * classes
    var external = Array(repeating: 0.0, count: states)
    var edges: [(from: Int, to: Int, weight: Double)] = []
    for (s, station) in spec.stations.enumerated() {
      for c in 0..<classes {
        let here = s * classes + c
        func target(_ d: PathwaySpec.Destination) -> Int? {
          if case .station(let t, let asClass) = d { return t.index * classes + (asClass?.index ?? c) }
          return nil
        }
        let rate = station.arrivals[c]?.meanRatePerMinute ?? 0
        external[here] += rate
        if let r = spec.classes[c].returns {
          external[r.station.index * classes + (r.asClass?.index ?? c)] += rate * max(r.visits.mean - 1, 0)
        }
        // Any rule may be the one in force: each target at the most any rule sends to it.
        var weights: [(to: Int, weight: Double)] = []
        for rule in station.routing[c] {
          for branch in rule.branches {
            guard let t = target(branch.destination) else { continue }
            if let i = weights.firstIndex(where: { $0.to == t }) {
              weights[i].weight = max(weights[i].weight, branch.probability)
            } else {
              weights.append((t, branch.probability))
            }
          }
        }
        for w in weights { edges.append((here, w.to, w.weight)) }
        if let p = station.patience[c], let t = target(p.then) { edges.append((here, t, 1)) }
        if let o = station.overflow { edges.append((here, o.index * classes + c, 1)) }
      }
    }
    var visits = external
    for _ in 0..<10_000 {
      var next = external
      for e in edges { next[e.to] += visits[e.from] * e.weight }
      let change = zip(next, visits).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
      let total = next.reduce(0, +)
      visits = next
      guard total.isFinite, total < 1e15 else { return .infinity }
      if change <= 1e-12 * max(total, 1e-300) { return total * eventsPerPathwayVisit * minutes }
    }
    return .infinity
  }
}
