import Foundation
import ScenarioIO
import SimStats

/// A committed reference run (`telesim baseline`): what was run (the scenario's hash, the
/// hashes of the data files it read, every setting, the seed, the replications, the TeleSim
/// version) and what came out (every replication's value of every metric, and its trajectory
/// fingerprint). `telesim check` compares a new run with it.
public struct Baseline: Sendable, Codable {
  /// Version of the file format.
  public static let currentSchema = "telesim/baseline/v1"

  public var schema: String
  public var telesimVersion: String
  public var scenario: ScenarioInfo
  public var dataFiles: [DataFile]
  public var settings: [ScenarioSetting]
  public var seed: UInt64
  public var metrics: [Metric]
  public var replicationIndices: [Int]
  /// Each replication's values, aligned with `metrics` (null where nothing was observed).
  public var values: [[Double?]]
  /// Each replication's trajectory fingerprint, in hex.
  public var fingerprints: [String]

  enum CodingKeys: String, CodingKey {
    case schema, telesimVersion = "telesim_version", scenario, dataFiles = "data_files", settings, seed, metrics
    case replicationIndices = "replication_indices", values, fingerprints
  }

  /// The baseline of `result`, a run of `scenario`.
  public init(_ result: ExperimentResult, scenario: Scenario) {
    schema = Self.currentSchema
    telesimVersion = TeleSimVersion.current
    self.scenario = ScenarioInfo(scenario)
    dataFiles = scenario.dataFiles
    settings = scenario.settings
    seed = result.seed
    metrics = result.metrics
    replicationIndices = result.replicationIndices
    values = result.replications.map { $0.values.map { $0.isNaN ? nil : $0 } }
    fingerprints = result.fingerprints.map(Fingerprint.hex)
  }

  /// The values of metric `name` over replications (nil where the baseline lacks it).
  public func values(of name: String) -> [Double]? {
    guard let i = metrics.firstIndex(where: { $0.name == name }) else { return nil }
    return values.compactMap { $0[i] }
  }

  /// The values of metric `name`, replication by replication (NaN where not observed).
  func series(of name: String) -> [Double]? {
    guard let i = metrics.firstIndex(where: { $0.name == name }) else { return nil }
    return values.map { $0[i] ?? .nan }
  }

  /// The file's text: pretty-printed JSON with sorted keys, so that a changed baseline is a
  /// readable diff.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }

  /// Reads the baseline at `path`.
  /// - Throws: ``BaselineError`` when the file is missing, is not a baseline, or is of
  ///   another schema.
  public static func load(_ path: String) throws(BaselineError) -> Baseline {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BaselineError("cannot read the baseline '\(path)'", hint: "write one with: telesim baseline SCENARIO --out \(path)")
    }
    let baseline: Baseline
    do {
      baseline = try JSONDecoder().decode(Baseline.self, from: data)
    } catch {
      throw BaselineError("'\(path)' is not a TeleSim baseline (\(error))", hint: "write one with: telesim baseline SCENARIO")
    }
    guard baseline.schema == currentSchema else {
      throw BaselineError("'\(path)' has schema '\(baseline.schema)'", hint: "this TeleSim reads \(currentSchema)")
    }
    return baseline
  }
}

/// A baseline that cannot be used.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public let hint: String
  init(_ message: String, hint: String) {
    self.message = message
    self.hint = hint
  }
  public var description: String { "error: \(message) (\(hint))" }
}
