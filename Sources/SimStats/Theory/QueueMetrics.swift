/// Steady-state performance of one station, as a queueing formula gives it.
/// Times are in the unit of the rates' reciprocal (minutes throughout TeleSim).
public struct QueueMetrics: Sendable, Equatable {
  /// Mean busy servers / servers.
  public var utilisation: Double
  /// Mean wait in queue W_q.
  public var meanWait: Double
  /// Mean time in system W = W_q + mean service.
  public var meanSojourn: Double
  /// Mean number waiting L_q.
  public var meanQueueLength: Double
  /// Mean number in system L.
  public var meanInSystem: Double
  /// Probability an arrival is refused (finite capacity), else 0.
  public var blocking: Double
  /// Completed jobs per time unit.
  public var throughput: Double
  /// Probability an admitted arrival waits at all, when known.
  public var probabilityOfWaiting: Double?
  /// Quantiles of the wait in queue, when known in closed form: (level, value).
  public var waitQuantiles: [(level: Double, value: Double)]

  public static func == (a: QueueMetrics, b: QueueMetrics) -> Bool {
    a.utilisation == b.utilisation && a.meanWait == b.meanWait && a.meanSojourn == b.meanSojourn
      && a.meanQueueLength == b.meanQueueLength && a.meanInSystem == b.meanInSystem
      && a.blocking == b.blocking && a.throughput == b.throughput
      && a.probabilityOfWaiting == b.probabilityOfWaiting
      && a.waitQuantiles.map(\.value) == b.waitQuantiles.map(\.value)
  }
}

/// Why a formula does not apply.
public struct TheoryError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Explanation, e.g. "unstable: offered load 10.5 ≥ 10 servers".
  public let message: String
  init(_ message: String) { self.message = message }
  /// Creates an error with an explanation.
  public init(message: String) { self.message = message }
  public var description: String { message }
}
