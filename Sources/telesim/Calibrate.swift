import ArgumentParser
import Experiments
import Foundation
import Reporting
import ScenarioIO

/// `telesim calibrate FILE --fit KEY=LOW..HIGH … --to 'METRIC = VALUE ± TOL' …`.
struct Calibrate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fit unknown inputs so that simulated figures match observed ones, with their uncertainty.",
    discussion: """
      Each --fit input is tried at --points evenly spaced values (every combination for several); each point runs the
      same replications (common random numbers). A point is plausible when every target's simulated mean is within
      3 standard uncertainties of its VALUE, counting TOL (the observed figure's uncertainty and the model's
      discrepancy) and the simulation's standard error (history matching). The fit is the point closest to all
      targets, refined between grid values; each input's uncertainty is its plausible range. --write saves a
      scenario that extends FILE with the fitted values. Method: docs/calibration.md.
      Example: --fit 'ambulances.calls.daily=6000/d..12000/d' --to 'ambulance.response.mean = 22min ± 1min'
      """)

  @Argument(help: "Scenario file.")
  var file: String

  @Option(name: .customLong("fit"), help: ArgumentHelp("KEY=LOW..HIGH: an input to fit (repeatable).", valueName: "KEY=LOW..HIGH"))
  var inputs: [String] = []

  @Option(name: .customLong("to"), help: ArgumentHelp("'METRIC = VALUE ± TOL': an observed figure (repeatable).", valueName: "target"))
  var targets: [String] = []

  @Option(help: "Values tried per input.")
  var points = 9

  @Option(help: ArgumentHelp("Write the calibrated scenario here (it extends FILE).", valueName: "FILE"))
  var write: String?

  @OptionGroup var search: SearchOptions

  @OptionGroup var options: ExperimentOptions

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("give at least one --fit KEY=LOW..HIGH") }
    if targets.isEmpty { throw ValidationError("give at least one --to 'METRIC = VALUE ± TOL'") }
    if points < 2 || points > 1_000 { throw ValidationError("--points must be from 2 to 1000") }
    for i in inputs {
      if case .failure(let e) = CalibrationParameter.parse(i, points: points) { throw ValidationError("--fit: " + e.message) }
    }
    if let w = write, w.hasSuffix("/") || w.isEmpty { throw ValidationError("--write takes a file name") }
  }

  func run() async throws {
    Interruption.install()
    let parameters = inputs.compactMap { try? CalibrationParameter.parse($0, points: points).get() }
    if let write { try checkOutputFile(write, option: "--write", scenario: try loadScenarioOrExit(file), force: options.force) }
    let axes = parameters.map { p in (key: p.key, values: p.values.map(p.text)) }
    var designs = try gridDesigns(file: file, axes: axes, options: options)
    let metrics = ReplicationRunner.metrics(of: designs[0].scenario)
    let matches = try parsedOrExit(targets, option: "--to") { CommandLineTargets.match($0, metrics: metrics) }
    let seed = options.seed ?? designs[0].scenario.seed
    designs = WarmUpResolver.resolve(designs, seed: seed)
    let replications = options.replications ?? designs[0].scenario.replications
    guard replications >= 2 else {
      printToStandardError("error: calibrate needs at least 2 replications a point, so that simulation noise is counted: "
                           + "give --replications 2 or more")
      throw ExitCode(64)
    }
    let plan = ExperimentPlan(kind: .calibrate, designs: designs, seed: seed, replications: replications,
                              question: "to=" + matches.map(\.text).joined(separator: ";"))
    guard let session = try await options.startSearch(plan, firstReplications: replications, share: "every point",
                                                      screened: search.screened) else { return }
    let records = try await options.runRound(plan.units, of: session)
    var samples = [[[Double]]](repeating: [], count: designs.count)
    for r in records { samples[r.unit.design].append(r.values) }
    let calibration = Calibration(parameters: parameters, targets: matches, metricNames: metrics.map(\.name))
    let fit = calibration.fit(samples)
    let report = CalibrationReport(calibration: calibration, fit: fit, header: plan.header,
                                   units: metrics.map(\.unit), command: CommandLine.arguments.dropFirst().map(Self.quoted).joined(separator: " "))
    switch options.format {
    case .table: print(report.table(), terminator: "")
    case .json: print(report.json(), terminator: "")
    }
    if let write, !report.listEntries.isEmpty {
      printToStandardError("error: not writing \(write): \(report.listEntries.joined(separator: ", ")) is a list entry, which a "
                           + "file that extends another cannot set; set it with --set (values above)")
      throw ExitCode(1)
    }
    if let write, !report.isUsable {
      printToStandardError("error: not writing \(write): an input has no plausible value, or its plausible range runs to the "
                           + "end of the grid; widen the ranges and calibrate again")
      throw ExitCode(1)
    }
    if let write {
      try writeOrExit { try AtomicFile.write(report.scenario(extending: relativePath(from: write, to: file)), to: write) }
      if !options.quiet { printToStandardError("wrote \(write)") }
    }
    try options.writeResults(experiment: plan.hash) { out in
      try AtomicFile.write(report.json(), to: out + "/calibration.json")
      try AtomicFile.write(report.csv(), to: out + "/points.csv")
    }
  }

  /// `word` as a POSIX shell would need it: quoted when it holds anything but safe characters.
  static func quoted(_ word: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
    guard !word.isEmpty, !word.allSatisfy({ safe.contains($0) }) else { return word.isEmpty ? "''" : word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

}
