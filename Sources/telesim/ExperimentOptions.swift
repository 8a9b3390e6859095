import ArgumentParser
import Experiments
import Foundation
import Reporting

/// Options shared by run, compare and sweep.
struct ExperimentOptions: ParsableArguments {
  @Option(help: "Number of replications (default: the scenario's).")
  var replications: Int?

  @Option(help: "Master seed (default: the scenario's).")
  var seed: UInt64?

  @Option(help: "Replications run at once (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Option(help: "Output on stdout: table or json.")
  var format: OutputFormat = .table

  @Option(help: "Folder for the result files (written atomically).")
  var out: String?

  @Option(help: ArgumentHelp(
    "Do only part of the work: i/n (0 ≤ i < n), or auto / auto/n from a scheduler's array index "
      + "(Slurm, Kubernetes Indexed Job, AWS Batch, Google Batch). Writes OUT/shard-i-of-n.json; combine with 'telesim merge'.",
    valueName: "i/n|auto"))
  var shard: String?

  @Flag(help: "No progress display on stderr.")
  var quiet = false

  @Flag(help: "Also write OUT/report.html: the planner's report with charts, maps and verdicts (see telesim report).")
  var report = false

  func validate() throws {
    if let r = replications, r < 1 { throw ValidationError("--replications must be at least 1") }
    if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
    if shard != nil && out == nil { throw ValidationError("--shard needs --out DIR for the shard file") }
    if report && out == nil { throw ValidationError("--report needs --out DIR: the report is made from the result files") }
    if report && shard != nil { throw ValidationError("--report cannot be sharded: make it after telesim merge (merge --report)") }
  }

  var workers: Int { threads ?? availableCores }

  /// Runs the plan, or this process's shard of it. Returns nil after writing a shard file.
  func execute(_ plan: ExperimentPlan) async throws -> [ExperimentResult]? {
    if let shard {
      let spec: ShardSpec
      do { spec = try ShardSpec.parse(shard, environment: ProcessInfo.processInfo.environment) } catch {
        printToStandardError("error: \(error.message)")
        throw ExitCode(64)
      }
      let units = plan.units(shard: spec.index, of: spec.count)
      let progress = ProgressDisplay(total: units.count, enabled: !quiet)
      let records = await plan.run(units, workers: workers) { progress.update($0) }
      progress.finish()
      let file = ShardFile(header: plan.header, shard: spec.index, of: spec.count, records: records)
      let path = (out ?? ".") + "/" + ShardFile.fileName(spec.index, of: spec.count)
      try writeOrExit { try AtomicFile.write(try file.encoded(), to: path) }
      print("wrote \(path): \(records.count) of \(plan.units.count) replications (experiment \(plan.hash))")
      return nil
    }
    let units = plan.units
    let progress = ProgressDisplay(total: units.count, enabled: !quiet)
    let records = await plan.run(units, workers: workers) { progress.update($0) }
    progress.finish()
    return plan.header.results(from: records)
  }
}

extension ExperimentOptions {
  /// Writes OUT/report.html when --report was given, with the run's wall-clock time.
  func writeReportIfAsked(since start: ContinuousClock.Instant, trace: String? = nil) throws {
    guard report, let out else { return }
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    try writeReport(folder: out, to: nil, context: ReportContext(traceFolder: trace, runSeconds: seconds, threads: workers))
  }
}

/// Runs a file-writing step, turning failure into a message and exit code 1.
func writeOrExit(_ body: () throws -> Void) throws {
  do { try body() } catch {
    printToStandardError("error: cannot write results: \(error.localizedDescription)")
    throw ExitCode(1)
  }
}

extension TerminalStyle {
  /// Colour when standard output is a terminal and NO_COLOR is unset.
  static var standardOutput: TerminalStyle {
    .forStandardOutput(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
  }
}
