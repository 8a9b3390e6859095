import ArgumentParser
import Experiments
import Foundation
import Reporting
import ScenarioIO

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

  @Option(help: ArgumentHelp("Folder for the result files. They appear together when all are written; finished "
                             + "replications are checkpointed beside it (.NAME.checkpoint.jsonl) until then."))
  var out: String?

  @Option(help: ArgumentHelp("Finish an interrupted experiment whose results were to go to DIR (the same command with "
                             + "--resume DIR instead of --out DIR); the result equals an uninterrupted run byte for byte.",
                             valueName: "DIR"))
  var resume: String?

  @Flag(help: ArgumentHelp("Run work beyond the limits (" + WorkLimits.summary + "), and replace another "
                           + "experiment's results in --out."))
  var force = false

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
    if let r = replications, r > Limits.replications {
      throw ValidationError("--replications may be at most \(Limits.replications)")
    }
    if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
    if let o = outFolder, o.isEmpty || [".", ".."].contains(ResultSet.split(o).name) {
      throw ValidationError("--out and --resume take a folder of its own (not '\(o)')")
    }
    if let r = resume, let o = out, r != o { throw ValidationError("--resume DIR takes the place of --out DIR: give one") }
    if shard != nil && outFolder == nil { throw ValidationError("--shard needs --out DIR for the shard file") }
    if report && outFolder == nil { throw ValidationError("--report needs --out DIR: the report is made from the result files") }
    if report && shard != nil { throw ValidationError("--report cannot be sharded: make it after telesim merge (merge --report)") }
  }

  var workers: Int { threads ?? availableCores }

  /// Where the results go: `--out` or `--resume`.
  var outFolder: String? { resume ?? out }

  /// Runs the plan, or this process's shard of it, after checking the work and the output
  /// folder; finished units are checkpointed as they complete. Returns nil after writing a
  /// shard file.
  func execute(_ plan: ExperimentPlan) async throws -> [ExperimentResult]? {
    let session = try start(plan)
    let units = session.shard.map { plan.units(shard: $0.index, of: $0.count) } ?? plan.units
    let records = try await run(units, in: session)
    guard let spec = session.shard else { return plan.header.results(from: records) }
    let file = ShardFile(header: plan.header, shard: spec.index, of: spec.count, records: records)
    let path = (outFolder ?? ".") + "/" + ShardFile.fileName(spec.index, of: spec.count)
    // As for a result set: a signal waits until the shard file is written and the checkpoint gone.
    try writeOrExit {
      try Interruption.critical { () throws in
        try AtomicFile.write(try file.encoded(), to: path)
        Interruption.finished()
      }
    }
    print("wrote \(path): \(records.count) of \(plan.units.count) replications (experiment \(plan.hash))")
    return nil
  }

  /// An experiment under way: its checkpoint and progress display.
  struct Session {
    let plan: ExperimentPlan
    let shard: ShardSpec?
    let checkpoint: Checkpoint?
    let progress: ProgressDisplay
  }

  /// Checks the work and the output folder, opens the checkpoint (reopens it with --resume)
  /// and starts watching for Ctrl-C.
  func start(_ plan: ExperimentPlan) throws -> Session {
    let spec = try shardSpec()
    // Counted, not listed: the list is only made once the work is known to be meant.
    let all = plan.designs.count * plan.replications
    let total = spec.map { (all - $0.index + $0.count - 1) / $0.count } ?? all
    try checkWork(WorkEstimate(designs: plan.designs.map(\.scenario), replications: plan.replications),
                  share: spec.map { _ in "this shard runs \(total)" })
    if spec == nil, let out = outFolder { try checkDestination(out, experiment: plan.hash) }
    let checkpoint = try openCheckpoint(plan, shard: spec)
    let progress = ProgressDisplay(total: total, workers: workers, enabled: !quiet, already: checkpoint?.restored.count ?? 0)
    Interruption.track(checkpoint: checkpoint, progress: progress, resumeWith: outFolder)
    return Session(plan: plan, shard: spec, checkpoint: checkpoint, progress: progress)
  }

  /// Runs `units` of the session's plan, skipping those its checkpoint already holds.
  func run(_ units: [ExperimentPlan.Unit], in session: Session) async throws -> [UnitRecord] {
    let checkpoint = session.checkpoint
    let progress = session.progress
    let restored = checkpoint?.restored ?? []
    let records = await session.plan.run(units, workers: workers, finished: restored) { record in
      checkpoint?.record(record)
      progress.advance()
    }
    progress.finish()
    try checkRestored(records, in: session)
    if let failure = checkpoint?.failure {
      printToStandardError("warning: the checkpoint stopped being written (\(failure)); the results are complete")
    }
    return records
  }

  /// Exits with code 64 when records restored from the checkpoint are shaped unlike those
  /// this TeleSim computes for the same design (an edited file): mixed, they would trap.
  private func checkRestored(_ records: [UnitRecord], in session: Session) throws {
    guard let restored = session.checkpoint?.restored, !restored.isEmpty else { return }
    let old = Set(restored.map(\.unit))
    var fresh = [UnitRecord?](repeating: nil, count: session.plan.designs.count)
    for r in records where !old.contains(r.unit) && fresh[r.unit.design] == nil { fresh[r.unit.design] = r }
    for r in restored {
      guard let reference = fresh[r.unit.design], let problem = session.plan.header.problem(with: r, reference: reference)
      else { continue }
      printToStandardError("error: \(session.checkpoint?.path ?? ""): \(problem); delete it to start again")
      throw ExitCode(64)
    }
  }

  func shardSpec() throws -> ShardSpec? {
    guard let shard else { return nil }
    do { return try ShardSpec.parse(shard, environment: ProcessInfo.processInfo.environment) } catch {
      printToStandardError("error: \(error.message)")
      throw ExitCode(64)
    }
  }

  /// Refuses (exit 4) work beyond ``WorkLimits`` unless --force; otherwise states the work ahead.
  func checkWork(_ work: WorkEstimate, share: String? = nil) throws {
    let problems = WorkLimits.problems(work)
    if !problems.isEmpty && !force {
      for p in problems { printToStandardError("error: \(p)") }
      printToStandardError("note: \(work.sentence); give --force to run it anyway")
      throw ExitCode.refused
    }
    if !quiet { printToStandardError("work ahead: \(work.sentence)" + (share.map { " (\($0))" } ?? "")) }
  }

  /// Refuses to put results where another experiment's are (exit 4, --force replaces them), or
  /// into a file or a folder of other files (exit 64).
  func checkDestination(_ out: String, experiment: String) throws {
    ResultSet.restoreInterrupted(out)
    guard let obstacle = ResultSet.obstacle(to: out, experiment: experiment, force: force) else { return }
    printToStandardError("error: \(obstacle.message)")
    if case .otherResults = obstacle { throw ExitCode.refused }
    throw ExitCode(64)
  }

  /// The checkpoint of this experiment (or shard), fresh or, with --resume, reopened.
  func openCheckpoint(_ plan: ExperimentPlan, shard: ShardSpec?) throws -> Checkpoint? {
    guard let out = outFolder else { return nil }
    do {
      let checkpoint = try Checkpoint.open(at: checkpointPath(out, shard: shard), header: plan.header,
                                           resume: resume != nil, force: force)
      if resume != nil && !quiet {
        printToStandardError("resuming: \(checkpoint.restored.count) replications already finished")
      }
      return checkpoint
    } catch {
      switch error.kind {
      case .unfinished:
        printToStandardError("error: \(error.message)")
        throw ExitCode.refused
      case .nothing, .foreign, .busy:
        printToStandardError("error: \(error.message)")
        throw ExitCode(64)
      case .io:
        // Without a checkpoint the run still gives its summary; only an interruption loses more.
        guard resume != nil else {
          printToStandardError("warning: no checkpoint: \(error.message); an interruption would lose finished replications")
          return nil
        }
        printToStandardError("error: \(error.message)")
        throw ExitCode(64)
      }
    }
  }

  /// Where the checkpoint of results bound for `out` lives: beside it (`.NAME.checkpoint.jsonl`),
  /// or in it for a shard (several shards share the folder).
  func checkpointPath(_ out: String, shard: ShardSpec?) -> String {
    shard.map { out + "/.shard-\($0.index)-of-\($0.count).checkpoint.jsonl" } ?? ResultSet.sibling(of: out, suffix: "checkpoint.jsonl")
  }

}

extension ExitCode {
  /// Work beyond the limits, or results that would replace another experiment's: `--force`.
  static let refused = ExitCode(4)
  /// Stopped by Ctrl-C or SIGTERM; finished replications are kept for `--resume`.
  static let interrupted = ExitCode(130)
}
