import ArgumentParser
import Experiments
import Foundation
import Reporting
import ScenarioIO

/// `texts` parsed by `parse`, or every problem printed (as `option: message`) and exit 64.
func parsedOrExit<T>(_ texts: [String], option: String, _ parse: (String) -> Result<T, ArgumentError>) throws -> [T] {
  var parsed: [T] = []
  var failed = false
  for text in texts {
    switch parse(text) {
    case .success(let value): parsed.append(value)
    case .failure(let error):
      printToStandardError("error: \(option): \(error.message)")
      failed = true
    }
  }
  if failed { throw ExitCode(64) }
  return parsed
}

/// The option searches share: reuse a first stage run as shards.
struct SearchOptions: ParsableArguments {
  @Option(help: ArgumentHelp("A folder of shard files from this same command run with --shard i/n --out DIR (a Slurm "
                             + "array): their replications are reused and the rest runs here.", valueName: "DIR"))
  var screened: String?
}

/// A search under way (optimise, calibrate): its checkpoint and the replications already run
/// elsewhere (the first stage, run as shards).
struct SearchSession {
  let plan: ExperimentPlan
  let checkpoint: Checkpoint?
  let screened: [UnitRecord]
}

/// Running searches: rounds of replications chosen as the search goes, each checkpointed, so
/// an interrupted search resumes and makes the same decisions. The first stage (every design's
/// first replications) can run as shards (`--shard i/n`, a Slurm array); `--screened DIR`
/// then reuses their records and runs the rest of the search on one machine.
extension ExperimentOptions {
  /// Checks the first stage's work and the output folder and opens the checkpoint; with
  /// --shard, runs this shard's part of the first stage instead, writes its shard file and
  /// returns nil.
  func startSearch(_ plan: ExperimentPlan, firstReplications: Int, share: String? = nil, screened: String?) async throws
    -> SearchSession?
  {
    if report {
      printToStandardError("error: --report is made for run, compare and sweep results")
      throw ExitCode(64)
    }
    if shard != nil && screened != nil {
      printToStandardError("error: --shard runs part of the first stage and --screened reuses the shards: give one")
      throw ExitCode(64)
    }

    let firstStage = plan.designs.indices.flatMap { d in (0..<firstReplications).map { ExperimentPlan.Unit(design: d, replication: $0) } }
    if let spec = try shardSpec() {
      let mine = firstStage.enumerated().filter { $0.offset % spec.count == spec.index }.map(\.element)
      try checkWork(WorkEstimate(designs: plan.designs.map(\.scenario), replications: firstReplications),
                    share: "this shard runs \(mine.count) of the first stage's \(firstStage.count)")
      let records = try await runRound(mine, of: SearchSession(plan: plan, checkpoint: nil, screened: []))
      let path = (outFolder ?? ".") + "/" + ShardFile.fileName(spec.index, of: spec.count)
      try writeOrExit {
        try AtomicFile.write(try ShardFile(header: plan.header, shard: spec.index, of: spec.count, records: records).encoded(), to: path)
      }
      print("wrote \(path): \(records.count) of the first stage's \(firstStage.count) replications (search \(plan.hash)); "
            + "then run the same command with --screened \(outFolder ?? ".") instead of --shard and --out")
      return nil
    }
    try checkWork(WorkEstimate(designs: plan.designs.map(\.scenario), replications: firstReplications),
                  share: share ?? "first stage; later ones add replications only where the decision needs them")
    if let out = outFolder { try checkDestination(out, experiment: plan.hash) }
    let records = try screened.map { try screenedRecords(in: $0, plan: plan) } ?? []
    return SearchSession(plan: plan, checkpoint: try openCheckpoint(plan, shard: nil), screened: records)
  }

  /// The records of every shard file in `folder` written for this search (exit 3 for a shard
  /// of another search, 64 for a folder without shards).
  private func screenedRecords(in folder: String, plan: ExperimentPlan) throws -> [UnitRecord] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
    guard !names.isEmpty else {
      printToStandardError("error: --screened \(folder): no shard-*.json files (run the search with --shard i/n --out \(folder) first)")
      throw ExitCode(64)
    }
    var records: [UnitRecord] = []
    for name in names {
      let path = folder + "/" + name
      do {
        let file = try ShardFile.read(path)
        guard file.header == plan.header else {
          printToStandardError("error: \(path) belongs to another search (\(file.header.hash), not \(plan.hash)): "
                               + "the same file, settings, seed and command make the same search")
          throw ExitCode(3)
        }
        // A record unlike this search's (hand-edited, truncated) would index past its values.
        for r in file.records {
          guard r.unit.design < plan.designs.count, r.unit.replication < plan.replications,
                r.values.count == plan.header.designs[r.unit.design].metrics.count else {
            printToStandardError("error: \(path): a record (design \(r.unit.design), replication \(r.unit.replication)) does "
                                 + "not fit this search")
            throw ExitCode(3)
          }
        }
        records += file.records
      } catch let error as MergeError {
        printToStandardError("error: \(error.message)")
        throw ExitCode(3)
      }
    }
    if Set(records.map(\.unit)).count != records.count {
      printToStandardError("error: --screened \(folder): a replication appears in two shard files (shards of different splits?)")
      throw ExitCode(3)
    }
    if !quiet { printToStandardError("reusing \(records.count) replications from \(names.count) shard files") }
    return records
  }

  /// Runs one round's units (those neither the checkpoint nor the shards hold), with
  /// progress, checkpointing each. A later round that would take the search past the work
  /// limit (10⁹ expected events in all) stops it with exit 4 unless --force: the finished
  /// replications stay in the checkpoint for `--resume DIR --force`.
  func runRound(_ units: [ExperimentPlan.Unit], of session: SearchSession, before: [ExperimentPlan.Unit] = []) async throws
    -> [UnitRecord]
  {
    let events = { (list: [ExperimentPlan.Unit]) in
      list.reduce(0.0) { $0 + WorkEstimate.eventsPerReplication(session.plan.designs[$1.design].scenario) }
    }
    if !force, !before.isEmpty, events(before) + events(units) > WorkLimits.events {
      printToStandardError("error: the next round (\(units.count) replications) would take the search past about "
                           + "\(WorkEstimate.scientific(events(before) + events(units))) events, beyond the 10^9 TeleSim runs "
                           + "without --force; \(before.count) replications are done"
                           + (outFolder.map { " and kept: continue with --resume \($0) --force" } ?? ""))
      throw ExitCode.refused
    }
    let restored = (session.checkpoint?.restored ?? []) + session.screened
    let old = Set(restored.map(\.unit))
    let already = units.filter { old.contains($0) }.count
    let progress = ProgressDisplay(total: units.count, workers: workers, enabled: !quiet, already: already)
    Interruption.track(checkpoint: session.checkpoint, progress: progress, resumeWith: outFolder)
    let records = await session.plan.run(units, workers: workers, finished: restored) { record in
      session.checkpoint?.record(record)
      progress.advance()
    }
    progress.finish()
    return records
  }
}
