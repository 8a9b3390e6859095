import ArgumentParser
import Experiments

/// The `telesim` command line.
@main
struct TeleSim: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "telesim",
    abstract: "Discrete-event simulation and capacity planning for telemedicine networks.",
    discussion: """
      Exit codes: 0 success, 1 run-time failure (I/O, no formula), 2 invalid scenario,
      64 invalid command-line arguments.
      """,
    version: TeleSimVersion.current,
    subcommands: [Run.self, Compare.self, Sweep.self, Merge.self, Theory.self, Validate.self, Bench.self])
}
