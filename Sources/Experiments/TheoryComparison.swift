import Pathways
import QueueNetwork
import ScenarioIO
import SimRandom
import SimStats

/// Exact steady-state values for the metrics of a scenario, where a formula applies.
public enum TheoryComparison {
  /// One exact value and the formula it comes from.
  public struct Value: Sendable {
    /// Metric name, as in the summary.
    public let metric: String
    /// Exact value in the metric's unit.
    public let value: Double
    /// Which formula gave it.
    public let formula: String
  }

  /// The exact values available for `scenario`, or why none apply.
  public static func values(for scenario: Scenario) -> Result<[Value], TheoryError> {
    switch scenario.model {
    case .queueNetwork(let spec):
      do {
        return .success(spec.stations.count == 1 && !spec.prefixesStationNames
          ? try single(spec) : try network(spec))
      } catch {
        return .failure(error as? TheoryError ?? TheoryError(message: "\(error)"))
      }
    case .pathways:
      return .failure(TheoryError(message: "no closed form for a network with classes, shared resources or patience in general; "
                                  + "see the validation tests (Erlang A, Cobham, BCMP, overflow) for the forms it reduces to"))
    case .careNetwork:
      return .failure(TheoryError(message: "no closed form for a care network; see the validation tests for its reduced forms"))
    }
  }

  private static func single(_ spec: NetworkSpec) throws -> [Value] {
    let s = spec.stations[0]
    guard spec.classes.count == 1, s.roster.changes.count == 1 else {
      throw TheoryError(message: "no formula for several classes or a changing roster")
    }
    guard let arrivals = s.arrivals[0], arrivals.isPoisson else {
      throw TheoryError(message: "no formula: arrivals are not Poisson")
    }
    let lambda = arrivals.meanRatePerMinute
    let c = s.roster.changes[0].servers
    let service = s.service[0]
    let (m, formula): (QueueMetrics, String)
    if service.isExponential, let k = s.capacity {
      m = try QueueingTheory.mmck(arrivalRate: lambda, serviceRate: 1 / service.mean, servers: c, capacity: k)
      formula = k == c ? "Erlang B (M/M/c/c)" : "M/M/c/K"
    } else if service.isExponential {
      m = try QueueingTheory.mmc(arrivalRate: lambda, serviceRate: 1 / service.mean, servers: c)
      formula = "Erlang C (M/M/c)"
    } else if c == 1 && s.capacity == nil {
      m = try QueueingTheory.mg1(arrivalRate: lambda, serviceMean: service.mean, serviceVariance: service.variance)
      formula = "Pollaczek-Khinchine (M/G/1)"
    } else {
      throw TheoryError(message: "no formula for M/G/c with c > 1 or finite capacity")
    }
    return values(m, prefix: "", formula: formula)
  }

  private static func network(_ spec: NetworkSpec) throws -> [Value] {
    for s in spec.stations {
      guard s.capacity == nil, s.roster.changes.count == 1, s.service[0].isExponential,
            s.arrivals[0]?.isPoisson ?? true
      else { throw TheoryError(message: "Jackson needs Poisson arrivals, exponential service, no capacity limit, fixed servers") }
    }
    let stations = spec.stations.map {
      QueueingTheory.JacksonStation(servers: $0.roster.changes[0].servers, serviceRate: 1 / $0.service[0].mean,
                                    externalArrivalRate: $0.arrivals[0]?.meanRatePerMinute ?? 0)
    }
    let solved = try QueueingTheory.jackson(stations: stations, routing: spec.stations.map(\.routing))
    var list: [Value] = []
    for (i, s) in spec.stations.enumerated() {
      list += values(solved.stations[i], prefix: "\(s.name).", formula: "Jackson + Erlang C")
    }
    list.append(Value(metric: "network.sojourn.mean", value: solved.meanNetworkSojourn, formula: "Jackson + Little"))
    let external = stations.reduce(0) { $0 + $1.externalArrivalRate }
    list.append(Value(metric: "network.throughput", value: external * 60, formula: "flow balance"))
    return list
  }

  private static func values(_ m: QueueMetrics, prefix p: String, formula: String) -> [Value] {
    var list = [
      Value(metric: p + "wait.mean", value: m.meanWait, formula: formula),
      Value(metric: p + "sojourn.mean", value: m.meanSojourn, formula: formula),
      Value(metric: p + "queue_length.mean", value: m.meanQueueLength, formula: formula),
      Value(metric: p + "in_system.mean", value: m.meanInSystem, formula: formula),
      Value(metric: p + "utilisation", value: m.utilisation, formula: formula),
      Value(metric: p + "blocking", value: m.blocking, formula: formula),
      Value(metric: p + "throughput", value: m.throughput * 60, formula: formula),
    ]
    if let pw = m.probabilityOfWaiting {
      list.append(Value(metric: p + "wait.probability", value: pw, formula: formula))
    }
    for q in m.waitQuantiles {
      list.append(Value(metric: p + "wait.p\(Int((q.level * 100).rounded()))", value: q.value, formula: formula))
    }
    return list
  }
}
