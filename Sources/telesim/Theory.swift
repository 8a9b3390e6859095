import ArgumentParser
import Experiments
import Reporting
import ScenarioIO

/// `telesim theory FILE`: exact queueing-theory values beside the simulated ones.
struct Theory: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print exact values (Erlang B/C, M/M/c/K, M/G/1, Jackson) beside simulated ones.")

  @Argument(help: "Scenario file of kind queue or network.")
  var file: String

  @Option(help: "Number of replications (default: the scenario's).")
  var replications: Int?

  @Option(help: "Replications run at once (default: all cores).")
  var threads: Int?

  func run() async throws {
    let loaded = try loadScenarioOrExit(file)
    let scenario = WarmUpResolver.resolve(loaded, seed: loaded.seed)
    switch TheoryComparison.values(for: scenario) {
    case .failure(let error):
      printToStandardError("\(file): no exact values: \(error.message)")
      throw ExitCode(1)
    case .success(let exact):
      let result = await runExperiment(
        scenario, replications: replications ?? scenario.replications, seed: nil,
        threads: threads ?? availableCores, quiet: true)
      print(SummaryTable.renderTheory(result, exact), terminator: "")
    }
  }
}

/// `telesim validate FILE…`: checks scenarios without running them.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check scenario files and report every problem, without running them.")

  @Argument(help: "Scenario files.")
  var files: [String]

  func run() throws {
    var failed = false
    for file in files {
      do {
        let s = try ScenarioLoader.load(path: file)
        let work = WorkEstimate(designs: [s], replications: s.replications)
        print("\(file): ok (\(s.kind) '\(s.name)', \(work.sentence))")
        // Valid, but run would ask for --force: say so now rather than when it is run.
        for problem in WorkLimits.problems(work) { printToStandardError("\(file): warning: \(problem); run needs --force") }
      } catch {
        printToStandardError(shown(error))
        failed = true
      }
    }
    if failed { throw ExitCode(2) }
  }
}
