import ArgumentParser
import Experiments
import Foundation
import Reporting
import ScenarioIO

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}

/// `telesim run FILE`: replications of a scenario, summarised with confidence intervals.
struct Run: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario and print a summary with 95% confidence intervals.")

  @Argument(help: "Scenario file (YAML, schema telesim/v1).")
  var file: String

  @Option(help: "Number of replications (default: the scenario's).")
  var replications: Int?

  @Option(help: "Master seed (default: the scenario's).")
  var seed: UInt64?

  @Option(help: "Output on stdout: table or json.")
  var format: OutputFormat = .table

  @Option(help: "Folder for summary.json and replications.csv (written atomically).")
  var out: String?

  @Option(help: "Replications run at once (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Flag(help: "No progress display on stderr.")
  var quiet = false

  func validate() throws {
    if let r = replications, r < 1 { throw ValidationError("--replications must be at least 1") }
    if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() async throws {
    let scenario = try loadScenarioOrExit(file)
    let result = await runExperiment(
      scenario, replications: replications ?? scenario.replications, seed: seed,
      threads: threads ?? availableCores, quiet: quiet)
    switch format {
    case .table: print(SummaryTable.render(result), terminator: "")
    case .json: print(SummaryReport.json(result), terminator: "")
    }
    if let out { try writeOutputs(result, to: out) }
  }
}

/// Runs `replications` replications with a progress display when it takes a while.
func runExperiment(_ scenario: Scenario, replications: Int, seed: UInt64?, threads: Int,
                   quiet: Bool) async -> ExperimentResult {
  let runner = ReplicationRunner(scenario: scenario, seed: seed, workers: threads)
  let progress = ProgressDisplay(total: replications, enabled: !quiet)
  let indices = Array(0..<replications)
  let outputs = await runner.runWithTables(indices) { done in progress.update(done) }
  progress.finish()
  return ExperimentResult(scenario: scenario, seed: runner.seed, metrics: runner.metrics,
                          indices: indices, replications: outputs.map(\.values), tables: outputs.map(\.tables))
}

func writeOutputs(_ result: ExperimentResult, to folder: String) throws {
  do {
    try AtomicFile.write(SummaryReport.json(result), to: folder + "/summary.json")
    try AtomicFile.write(SummaryReport.replicationsCSV(result), to: folder + "/replications.csv")
    for table in result.tables {
      try AtomicFile.write(SummaryReport.csv(table), to: folder + "/\(table.name).csv")
    }
  } catch {
    printToStandardError("error: cannot write results to \(folder): \(error.localizedDescription)")
    throw ExitCode(1)
  }
}
