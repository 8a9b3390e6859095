import ArgumentParser
import Experiments

/// The `telesim` command line.
@main
struct TeleSim: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "telesim",
    abstract: "Discrete-event simulation and capacity planning for telemedicine networks.",
    discussion: """
      Exit codes:
        0    success
        1    run-time failure: a result that cannot be written, no formula
             (theory), or, for check, an expectation not met
        2    invalid scenario, expectations or baseline (nothing is written)
        3    shards that do not belong together (merge)
        4    refused: work beyond the limits
             (\(WorkLimits.summary)), or results that would
             replace another experiment's (give --force)
        64   invalid command-line arguments (or nothing to --resume)
        130  stopped by Ctrl-C or SIGTERM; finished replications are kept
             (finish with --resume DIR)
      """,
    version: TeleSimVersion.current,
    subcommands: [Run.self, Compare.self, Sweep.self, Optimise.self, Calibrate.self, Place.self, Report.self, Merge.self, Check.self, BaselineCommand.self, Theory.self,
                  Validate.self, Bench.self, Serve.self])
}
