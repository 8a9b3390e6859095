import ArgumentParser
import Experiments
import Reporting

/// Running searches (optimise, calibrate): rounds of replications chosen as the search goes,
/// each checkpointed, so an interrupted search resumes and makes the same decisions.
extension ExperimentOptions {
  /// Checks the first stage's work and the output folder, and opens the checkpoint.
  func startSearch(_ plan: ExperimentPlan, firstReplications: Int, share: String? = nil) throws -> Checkpoint? {
    if shard != nil {
      printToStandardError("error: a search adds replications where its decision needs them, so it cannot be sharded; "
                           + "shard a sweep of the same grid instead, or run the search with --threads")
      throw ExitCode(64)
    }
    if report {
      printToStandardError("error: --report is made for run, compare and sweep results")
      throw ExitCode(64)
    }
    try checkWork(WorkEstimate(designs: plan.designs.map(\.scenario), replications: firstReplications),
                  share: share ?? "first stage; later ones add replications only where the decision needs them")
    if let out = outFolder { try checkDestination(out, experiment: plan.hash) }
    return try openCheckpoint(plan, shard: nil)
  }

  /// Runs one round's units (those the checkpoint lacks), with progress, checkpointing each.
  func runRound(_ units: [ExperimentPlan.Unit], of plan: ExperimentPlan, checkpoint: Checkpoint?) async -> [UnitRecord] {
    let restored = checkpoint?.restored ?? []
    let old = Set(restored.map(\.unit))
    let already = units.filter { old.contains($0) }.count
    let progress = ProgressDisplay(total: units.count, workers: workers, enabled: !quiet, already: already)
    Interruption.track(checkpoint: checkpoint, progress: progress, resumeWith: outFolder)
    let records = await plan.run(units, workers: workers, finished: restored) { record in
      checkpoint?.record(record)
      progress.advance()
    }
    progress.finish()
    return records
  }
}
