import CareModel
import QueueNetwork
import SimKernel
import SimRandom

/// A loaded, fully validated scenario: what to simulate and how to run the experiment.
public struct Scenario: Sendable {
  /// What kind of model the scenario describes.
  public enum Model: Sendable {
    /// `kind: queue` or `kind: network`: a queueing network.
    case queueNetwork(NetworkSpec)
    /// `kind: care-network`: the telemedicine network model.
    case careNetwork(CareNetworkSpec)
  }

  /// The scenario's `name`.
  public var name: String
  /// The `kind` key as written (`queue`, `network`).
  public var kind: String
  /// Master seed of the experiment.
  public var seed: UInt64
  /// Length of each replication.
  public var horizon: SimDuration
  /// Statistics before this instant are discarded.
  public var warmUp: SimDuration
  /// The file's `sweep:` section: each key path with the values to try, as YAML text.
  public var sweepAxes: [SweepAxis] = []
  /// `warmup: auto`: the warm-up is to be found by MSER-5 on a pilot run (until resolved,
  /// `warmUp` is zero).
  public var warmUpIsAuto = false
  /// Number of independent replications.
  public var replications: Int
  /// Random-number generator algorithm.
  public var generator: GeneratorAlgorithm
  /// The model.
  public var model: Model
  /// The file it came from, as given.
  public var file: String
  /// FNV-1a-64 of the file's bytes, in hex: identifies the exact input of a result.
  public var contentHash: String
}

/// One `KEY=VALUE` replacement applied to a scenario before it is read.
public struct ScenarioOverride: Sendable, Hashable {
  /// Dotted key path with list indices, e.g. `specialties[0].specialists_per_hub`.
  public var key: String
  /// YAML text of the new value.
  public var value: String
  /// Creates an override.
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

/// One axis of a sweep: a key path and the values it takes.
public struct SweepAxis: Sendable, Hashable {
  public var key: String
  public var values: [String]
  public init(key: String, values: [String]) {
    self.key = key
    self.values = values
  }
}
