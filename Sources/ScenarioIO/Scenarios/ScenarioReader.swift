import Pathways
import CareModel
import QueueNetwork
import SimKernel
import SimRandom
import SimStats

/// Reads the keys every scenario shares, then the kind-specific part.
struct ScenarioReader {
  let reader: NodeReader
  let contentHash: String

  static let schema = "telesim/v1"
  static let kinds = ["queue", "network", "care-network"]
  static let commonKeys = ["schema", "kind", "name", "description", "seed", "horizon", "warmup",
                           "replications", "rng", "extends", "sweep", "expect"]

  func read(_ root: ScenarioNode) -> Scenario? {
    let kind = peekKind(root)
    let allowed = Self.commonKeys + (kind.map(Self.keys(of:)) ?? [])
    guard let f = reader.fields(root, path: "", allowed: allowed, required: ["schema", "kind", "horizon"])
    else { return nil }
    if let node = f["schema"], let schema = reader.string(node, path: "schema"), schema != Self.schema {
      reader.report(.invalidValue, "unsupported schema '\(schema)'", at: node, path: "schema",
                    hint: "this version of telesim reads '\(Self.schema)'")
    }
    let name = f["name"].flatMap { reader.string($0, path: "name") } ?? ScenarioDefaults.name
    let seed = f["seed"].flatMap { reader.seed($0, path: "seed") } ?? ScenarioDefaults.seed
    let horizon = f["horizon"].flatMap { reader.duration($0, path: "horizon", allowZero: false) }
    let autoWarmUp = f["warmup"]?.scalar == "auto"
    let warmUp = autoWarmUp ? 0 : f["warmup"].map { reader.duration($0, path: "warmup") } ?? ScenarioDefaults.warmUp.minutes
    let replications = f["replications"].map { reader.integer($0, path: "replications", atLeast: 1, atMost: Limits.replications) } ?? ScenarioDefaults.replications
    let generator = f["rng"].map(readGenerator) ?? ScenarioDefaults.generator
    if let h = horizon, let w = warmUp, w >= h, let node = f["warmup"] {
      let horizonText = f["horizon"]?.scalar ?? ""
      reader.report(.invalidValue, "warm-up \(node.scalar ?? "") is not shorter than the horizon \(horizonText)",
                    at: node, path: "warmup", hint: "statistics are kept only after the warm-up")
    }
    let model: Scenario.Model?
    switch kind {
    case "queue": model = QueueReader(reader: reader).readQueue(f).map { .queueNetwork($0) }
    case "network" where PathwayReader.needsPathways(f): model = PathwayReader(reader: reader).read(f).map { .pathways($0) }
    case "network": model = QueueReader(reader: reader).readNetwork(f).map { .queueNetwork($0) }
    case "care-network": model = CareNetworkReader(reader: reader).read(f).map { .careNetwork($0) }
    default: model = nil
    }
    guard let horizon, let warmUp, let replications, let generator, let model, let kind else { return nil }
    checkPace(model, horizonMinutes: horizon, f)
    var scenario = Scenario(
      name: name, kind: kind, seed: seed, horizon: SimDuration(minutes: horizon),
      warmUp: SimDuration(minutes: warmUp), replications: replications, generator: generator,
      model: model, file: reader.file, contentHash: contentHash)
    scenario.warmUpIsAuto = autoWarmUp
    scenario.sweepAxes = f["sweep"].map(readSweep) ?? []
    if let node = f["expect"] {
      guard let ef = reader.fields(node, path: "expect", allowed: ExpectationReader.keys),
            let expectations = ExpectationReader(reader: reader, metrics: Self.metrics(of: model)).read(ef)
      else { return nil }
      scenario.expectations = expectations
    }
    return scenario
  }

  /// The figures a replication of `model` reports.
  static func metrics(of model: Scenario.Model) -> [Metric] {
    switch model {
    case .queueNetwork(let spec): return spec.metrics
    case .pathways(let spec): return spec.metrics
    case .careNetwork(let spec): return spec.metrics
    }
  }

  static func keys(of kind: String) -> [String] {
    switch kind {
    case "queue": return QueueReader.queueKeys
    case "network": return QueueReader.networkKeys
    case "care-network": return CareNetworkReader.keys
    default: return []
    }
  }

  /// The `kind`, read first because it decides which other keys are allowed.
  private func peekKind(_ root: ScenarioNode) -> String? {
    guard let node = root["kind"] else { return nil }
    guard let kind = reader.string(node, path: "kind") else { return nil }
    guard Self.kinds.contains(kind) else {
      reader.report(.invalidValue, "unknown kind '\(kind)'", at: node, path: "kind",
                    hint: DidYouMean.hint(for: kind, among: Self.kinds))
      return nil
    }
    return kind
  }

  /// `sweep: {servers: [3, 4, 5], policy.assignment: [nearest, own-district]}`.
  private func readSweep(_ node: ScenarioNode) -> [SweepAxis] {
    guard let entries = node.entries else {
      reader.report(.wrongType, "expected a mapping of key paths to lists of values", at: node, path: "sweep",
                    hint: "e.g. sweep: {servers: [3, 4, 5]}")
      return []
    }
    var axes: [SweepAxis] = []
    for e in entries {
      guard let key = e.key.scalar, let items = reader.list(e.value, path: "sweep.\(e.key.scalar ?? "")"), !items.isEmpty
      else { continue }
      axes.append(SweepAxis(key: key, values: items.map(\.flowText)))
    }
    return axes
  }

  private func readGenerator(_ node: ScenarioNode) -> GeneratorAlgorithm? {
    guard let name = reader.string(node, path: "rng") else { return nil }
    guard let algorithm = GeneratorAlgorithm(rawValue: name) else {
      reader.report(.unknownName, "unknown generator '\(name)'", at: node, path: "rng",
                    hint: DidYouMean.hint(for: name, among: GeneratorAlgorithm.allCases.map(\.rawValue)))
      return nil
    }
    return algorithm
  }
}
