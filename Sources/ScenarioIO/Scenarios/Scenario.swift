import CareModel
import Pathways
import QueueNetwork
import SimKernel
import SimRandom

/// A loaded, fully validated scenario: what to simulate and how to run the experiment.
public struct Scenario: Sendable {
  /// What kind of model the scenario describes.
  public enum Model: Sendable {
    /// `kind: queue` or `kind: network`: a queueing network.
    case queueNetwork(NetworkSpec)
    /// `kind: network` with classes, shared resources, patience, overflow or returns.
    case pathways(PathwaySpec)
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
  /// The scenario's own `expect:` section, for `telesim check`.
  public var expectations: Expectations?
  /// The data files the scenario read (CSV tables, roads), each with the hash of its bytes.
  public var dataFiles: [DataFile] = []
  /// Every setting as a dotted key path and its text, after `extends:` and overrides, in
  /// document order (to say what changed between two versions of a scenario).
  public var settings: [ScenarioSetting] = []
}

/// A data file a scenario read, and the FNV-1a-64 hash of its bytes in hex.
public struct DataFile: Sendable, Hashable, Codable {
  public var path: String
  public var hash: String
  /// Creates a record.
  public init(path: String, hash: String) {
    self.path = path
    self.hash = hash
  }
}

/// One setting of a scenario: a key path (`specialties[0].specialists_per_hub`) and its text.
public struct ScenarioSetting: Sendable, Hashable, Codable {
  public var path: String
  public var value: String
  /// Creates a setting.
  public init(path: String, value: String) {
    self.path = path
    self.value = value
  }
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
