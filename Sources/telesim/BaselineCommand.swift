import ArgumentParser
import Experiments
import Reporting
import ScenarioIO

/// `telesim baseline FILE`: runs a scenario and writes the baseline that `check` compares with.
struct BaselineCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "baseline",
    abstract: "Run a scenario and write (or update, on purpose) the baseline that telesim check compares with.",
    discussion: """
      The baseline records the scenario's hash, every setting, the hashes of the data files it reads, the
      seed, the replications, the TeleSim version, every replication's figures and trajectory
      fingerprints. It is written where --out says, else where the expectations' regressions.baseline
      says, else to results/baselines/NAME.json. Commit it beside the scenario.
      """)

  @Argument(help: "Scenario file.")
  var file: String

  @Option(help: ArgumentHelp("Expectations file naming the baseline (default: the scenario's expect: section).",
                             valueName: "FILE"))
  var expect: String?

  @Option(help: ArgumentHelp("Where to write the baseline.", valueName: "FILE"))
  var out: String?

  @Option(help: "Replications (default: the scenario's).")
  var replications: Int?

  @Option(help: "Master seed (default: the scenario's).")
  var seed: UInt64?

  @Option(help: "Replications run at once (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Flag(help: "No progress display on stderr.")
  var quiet = false

  func validate() throws {
    if let r = replications, r < 2 { throw ValidationError("a baseline needs at least 2 replications for its intervals") }
    if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() async throws {
    let loaded = try loadScenarioOrExit(file)
    let named = expect != nil || loaded.expectations != nil
      ? try loadExpectationsOrExit(for: loaded, file: expect).regressions?.baseline : nil
    let path = out ?? named ?? "results/baselines/\(loaded.name).json"
    let seed = self.seed ?? loaded.seed
    let scenario = WarmUpResolver.resolve(loaded, seed: seed)
    let result = await runExperiment(scenario, replications: replications ?? scenario.replications, seed: seed,
                                     threads: threads ?? availableCores, quiet: quiet)
    try writeOrExit { try AtomicFile.write(try Baseline(result, scenario: scenario).json(), to: path) }
    print("wrote \(path): \(result.replications.count) replications of \(scenario.name), seed \(seed), "
          + "scenario hash \(scenario.contentHash), fingerprint \(Fingerprint.hex(result.fingerprint))")
  }
}
