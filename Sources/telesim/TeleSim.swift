import ArgumentParser
import Experiments

/// The `telesim` command line.
@main
struct TeleSim: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "telesim",
    abstract: "Discrete-event simulation and capacity planning for telemedicine networks.",
    discussion: """
      Exit codes: 0 success, 1 run-time failure (I/O, no formula) or, for check, an expectation not
      met, 2 invalid scenario (or expectations, baseline), 3 shards that do not belong together (merge),
      64 invalid command-line arguments.
      """,
    version: TeleSimVersion.current,
    subcommands: [Run.self, Compare.self, Sweep.self, Report.self, Merge.self, Check.self, BaselineCommand.self, Theory.self,
                  Validate.self, Bench.self])
}
