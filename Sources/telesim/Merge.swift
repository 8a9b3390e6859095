import ArgumentParser
import Experiments
import Foundation
import Reporting

/// `telesim merge SHARDS… --out DIR`: combines shard files into the one-machine result.
struct Merge: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Combine shard files (from --shard) into the same output a single machine would write.",
    discussion: """
      Checks that every (scenario, replication) of the experiment is present exactly once and that all shards
      come from the same experiment (same scenarios, settings, seed, replications and TeleSim version), then
      reduces the per-replication records in canonical order, so the merged files equal a one-machine run byte
      for byte. Exit code 3 when shards are missing, duplicated or foreign.
      """)

  @Argument(help: "Shard files (shard-i-of-n.json).")
  var shards: [String]

  @Option(help: "Comma-separated metrics for a sweep's table.")
  var metrics: String?

  @Flag(help: "A sweep's sweep.csv with one row per design point.")
  var wide = false

  @OptionGroup var options: ExperimentOptions

  func validate() throws {
    // The shards fix the experiment; these options would be silently ignored.
    let ignored = [("--shard", options.shard != nil), ("--seed", options.seed != nil),
                   ("--replications", options.replications != nil), ("--resume", options.resume != nil)]
    if let (name, _) = ignored.first(where: { $0.1 }) {
      throw ValidationError("\(name) does not apply to merge: the shard files say what the experiment is")
    }
  }

  func run() async throws {
    let started = ContinuousClock.now
    Interruption.install()
    let header: PlanHeader
    let records: [UnitRecord]
    do {
      var files: [(path: String, file: ShardFile)] = []
      for path in shards { files.append((path, try ShardFile.read(path))) }
      (header, records) = try ShardMerge.merge(files)
    } catch {
      printToStandardError("error: \(error.message)")
      throw ExitCode(3)
    }
    if let out = options.outFolder { try options.checkDestination(out, experiment: header.hash) }
    let results = header.results(from: records)
    switch header.kind {
    case .run:
      switch options.format {
      case .table: print(SummaryTable.render(results[0]), terminator: "")
      case .json: print(SummaryReport.json(results[0]), terminator: "")
      }
      try options.writeResults(experiment: header.hash) { try writeRunOutputs(results[0], to: $0) }
    case .compare:
      try emitComparison(results, header: header, options: options)
    case .sweep:
      try emitSweep(results, header: header, metrics: metrics, wide: wide, options: options)
    case .optimise, .calibrate:
      // A search's shards hold its first stage only; the search itself reuses them.
      printToStandardError("error: shards of a \(header.kind.rawValue) search are not merged: run the same command with "
                           + "--screened FOLDER (the folder of the shard files)")
      throw ExitCode(3)
    }
    try options.writeReportIfAsked(since: started)
  }
}
