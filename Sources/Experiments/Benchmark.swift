import QueueNetwork
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
