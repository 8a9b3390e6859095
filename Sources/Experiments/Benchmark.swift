import QueueNetwork
import ScenarioIO
import SimKernel
import SimRandom
import SimStats

/// The reference benchmark: M/M/c through the same model code that `telesim run` uses.
public struct MMcBenchmark: Sendable {
  /// Servers (default 10).
  public var servers = 10
  /// Arrivals per hour (default 9).
  public var arrivalsPerHour = 9.0
  /// Services per hour per server (default 1).
  public var servicesPerHour = 1.0
  /// Customers to serve in the timed part.
  public var customers = 1_000_000

  /// Creates the default benchmark (M/M/10, 9/h arrivals, 1/h service, 10⁶ customers).
  public init() {}

  /// The network of one M/M/c station.
  public func spec() throws(DistributionError) -> NetworkSpec {
    let station = NetworkSpec.Station(
      name: "mmc", roster: .constant(servers), capacity: nil,
      service: [try .exponential(mean: 60 / servicesPerHour)],
      arrivals: [.renewal(try .exponential(mean: 60 / arrivalsPerHour))], routing: [0])
    return NetworkSpec(classes: [.init(name: "all")], stations: [station], prefixesStationNames: false)
  }

  /// Horizon that serves about `customers` customers.
  public var horizon: SimDuration {
    SimDuration(minutes: Double(customers) / arrivalsPerHour * 60)
  }
}

/// Times one replication of a scenario file: the project's benchmark for whole models (the
/// Bihar network, the ambulance service), beside the M/M/c reference.
public struct ScenarioBenchmark: Sendable {
  /// Seconds to prepare what replications share (arrival profiles, roads and trees).
  public let preparationSeconds: Double
  /// Seconds of each timed run of replication 0, in the order run.
  public let runSeconds: [Double]
  /// Events one replication processes (0 where the model does not count them).
  public let events: UInt64

  /// Prepares `scenario`, runs replication 0 once untimed (page faults, first allocations),
  /// then `runs` times timed with `clock` (seconds since an arbitrary origin).
  public init(_ scenario: Scenario, runs: Int, clock: () -> Double) {
    let start = clock()
    let runner = ReplicationRunner(scenario: scenario, workers: 1)
    preparationSeconds = clock() - start
    events = runner.eventCount(0)
    var seconds: [Double] = []
    for _ in 0..<runs {
      let t0 = clock()
      _ = runner.replicate(0)
      seconds.append(clock() - t0)
    }
    runSeconds = seconds
  }

  /// The median timed run.
  public var medianSeconds: Double {
    let sorted = runSeconds.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
  }
}
