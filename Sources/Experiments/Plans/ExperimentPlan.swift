import ScenarioIO
import SimStats

/// One scenario variant in an experiment: a file for `run` and `compare`, a grid point for
/// `sweep`.
public struct Design: Sendable {
  /// Short label used in reports (`A`, `servers=4,capacity=8`).
  public let label: String
  /// The settings that make this design (sweep), empty otherwise.
  public let settings: [ScenarioOverride]
  /// The loaded scenario.
  public let scenario: Scenario

  public init(label: String, settings: [ScenarioOverride] = [], scenario: Scenario) {
    self.label = label
    self.settings = settings
    self.scenario = scenario
  }
}

/// An experiment: every design run for the same replication indices with the same master
/// seed, so that designs share random streams by name (common random numbers).
///
/// The unit of work is (design, replication). Units have a canonical order, design-major, and
/// shard i of n takes the units whose position k satisfies k mod n = i. Results never depend on
/// how units are spread over threads or machines.
public struct ExperimentPlan: Sendable {
  /// What command the experiment answers.
  public enum Kind: String, Sendable, Codable {
    case run, compare, sweep
    /// Searches (`optimise`, `calibrate`): replications are added where the decision needs
    /// them; only their first stage is sharded, and the search reuses it (`--screened`).
    case optimise, calibrate
  }

  public let kind: Kind
  public let designs: [Design]
  public let seed: UInt64
  public let replications: Int
  /// What a search asks (targets, objective, confidence…), part of the hash: the same grid
  /// asked another question is another experiment, whose results must not replace these.
  public let question: String

  public init(kind: Kind, designs: [Design], seed: UInt64, replications: Int, question: String = "") {
    precondition(!designs.isEmpty && replications >= 1)
    self.kind = kind
    self.designs = designs
    self.seed = seed
    self.replications = replications
    self.question = question
  }

  /// A (design, replication) pair.
  public struct Unit: Sendable, Hashable, Codable {
    public var design: Int
    public var replication: Int

    /// Replication `replication` of design `design`.
    public init(design: Int, replication: Int) {
      self.design = design
      self.replication = replication
    }
  }

  /// Every unit in canonical order.
  public var units: [Unit] {
    designs.indices.flatMap { d in (0..<replications).map { Unit(design: d, replication: $0) } }
  }

  /// The units of shard `index` of `count`.
  public func units(shard index: Int, of count: Int) -> [Unit] {
    units.enumerated().filter { $0.offset % count == index }.map(\.element)
  }

  /// Identifies the experiment: FNV-1a of the kind, seed, replications, TeleSim version and
  /// every design's label, settings and scenario hash. Shards of different experiments never
  /// merge.
  public var hash: String {
    var text = "\(kind.rawValue)|\(seed)|\(replications)|\(TeleSimVersion.current)" + (question.isEmpty ? "" : "|" + question)
    for d in designs {
      text += "|\(d.label)|\(d.scenario.contentHash)|" + d.settings.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
    return FNV1a.text(of: text.utf8)
  }
}

/// The version written into every output.
public enum TeleSimVersion {
  public static let current = "0.2.0"
}
