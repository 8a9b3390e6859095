import ArgumentParser
import Experiments
import Foundation
import Reporting
import ScenarioIO

/// `telesim check FILE`: runs a scenario and judges its expectations, for CI pipelines.
struct Check: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario and judge its expectations: thresholds, regressions against a baseline, behaviour.",
    discussion: """
      Expectations come from --expect FILE (schema telesim/expect/v1) or the scenario's expect: section.
      Exit codes: 0 every expectation met, 1 an expectation failed, 2 invalid scenario, expectations or
      baseline. With GITHUB_ACTIONS=true failures become annotations; with GITHUB_STEP_SUMMARY set a
      Markdown summary is appended to it. See docs/ci.md.
      """)

  @Argument(help: "Scenario file.")
  var file: String

  @Option(help: ArgumentHelp("Expectations file (default: the scenario's expect: section).", valueName: "FILE"))
  var expect: String?

  @Option(help: ArgumentHelp("Baseline file (default: the one the expectations name).", valueName: "FILE"))
  var baseline: String?

  @Option(help: ArgumentHelp("Write the verdict as JUnit XML.", valueName: "FILE"))
  var junit: String?

  @Option(name: .customLong("set"), help: ArgumentHelp(
    "Change a setting before the run, KEY=VALUE (repeatable), e.g. 'beds.scale=0.9' to check a what-if against "
      + "the baseline.", valueName: "KEY=VALUE"))
  var settings: [String] = []

  @Flag(help: "Also fail on any change of behaviour at the baseline's seed (trajectory fingerprints).")
  var fingerprint = false

  @Option(help: "Replications (default: the baseline's, else the scenario's).")
  var replications: Int?

  @Option(help: "Master seed (default: the baseline's, else the scenario's).")
  var seed: UInt64?

  @Option(help: "Replications run at once (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Flag(help: "No progress display on stderr.")
  var quiet = false

  func validate() throws {
    if let r = replications, r < 1 { throw ValidationError("--replications must be at least 1") }
    if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
    for s in settings where !s.contains("=") { throw ValidationError("--set '\(s)' is not KEY=VALUE") }
  }

  var overrides: [ScenarioOverride] {
    settings.map { s in
      let parts = s.split(separator: "=", maxSplits: 1).map(String.init)
      return ScenarioOverride(key: parts[0], value: parts.count > 1 ? parts[1] : "")
    }
  }

  func run() async throws {
    let loaded = try loadScenarioOrExit(file, overrides: overrides)
    var expectations = try loadExpectationsOrExit(for: loaded, file: expect)
    if fingerprint { expectations.fingerprint = true }
    let reference = try loadBaselineOrExit(baseline ?? expectations.regressions?.baseline)
    if let baseline, expectations.regressions != nil { expectations.regressions?.baseline = baseline }
    if expectations.fingerprint && reference == nil {
      printToStandardError("error: --fingerprint compares with a baseline: give --baseline FILE or regressions: {baseline: FILE}")
      throw ExitCode(2)
    }
    let seed = self.seed ?? reference?.seed ?? loaded.seed
    let scenario = WarmUpResolver.resolve(loaded, seed: seed)
    let count = replications ?? reference?.replicationIndices.count ?? scenario.replications
    let result = await runExperiment(scenario, replications: count, seed: seed, threads: threads ?? availableCores,
                                     quiet: quiet)
    let report = CapacityGate.judge(result, scenario: scenario, expectations: expectations, baseline: reference)
    print(GateOutput.table(report, style: .standardOutput), terminator: "")
    try publish(report)
    if report.failed { throw ExitCode(1) }
  }

  /// JUnit XML, GitHub annotations and the job summary, as asked for or as the environment says.
  func publish(_ report: GateReport) throws {
    let environment = ProcessInfo.processInfo.environment
    if let junit { try writeOrExit { try AtomicFile.write(GateOutput.junit(report), to: junit) } }
    if environment["GITHUB_ACTIONS"] == "true" {
      for line in GateOutput.githubAnnotations(report) { print(line) }
    }
    if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
      try writeOrExit { try appendText(GateOutput.markdown(report), to: summary) }
    }
  }
}

/// The expectations of `scenario`: from `file`, else its `expect:` section; exits with code 2
/// on any problem, every diagnostic printed.
func loadExpectationsOrExit(for scenario: Scenario, file: String?) throws -> Expectations {
  if let file {
    do {
      return try ScenarioLoader.loadExpectations(path: file, metrics: ReplicationRunner.metrics(of: scenario))
    } catch {
      printToStandardError(error.description)
      printToStandardError("\(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s") in \(file)")
      throw ExitCode(2)
    }
  }
  guard let own = scenario.expectations else {
    printToStandardError("error: \(scenario.file) has no expect: section; give --expect FILE (schema \(Expectations.schema))")
    throw ExitCode(2)
  }
  return own
}

/// The baseline at `path` (nil for none); exits with code 2 when it cannot be used.
func loadBaselineOrExit(_ path: String?) throws -> Baseline? {
  guard let path else { return nil }
  do {
    return try Baseline.load(path)
  } catch {
    printToStandardError(error.description)
    throw ExitCode(2)
  }
}

/// Appends `text` to the file at `path` (created if missing), as job summaries expect.
func appendText(_ text: String, to path: String) throws {
  if !FileManager.default.fileExists(atPath: path) {
    try Data().write(to: URL(fileURLWithPath: path))
  }
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  defer { try? handle.close() }
  try handle.seekToEnd()
  try handle.write(contentsOf: Data(text.utf8))
}
