import ArgumentParser
import Experiments
import Foundation
import Reporting
import ScenarioIO

/// `telesim sweep FILE --set KEY=[v1,v2] …`: a full-factorial grid of settings.
struct Sweep: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a grid of settings (every combination of the --set values) with common random numbers.",
    discussion: """
      KEY is a dotted path into the scenario with list indices, e.g. servers, policy.assignment,
      specialties[0].specialists_per_hub, sessions.days. Values are YAML: --set 'servers=[3,4,5]',
      --set 'sessions.days=[[mon,thu,sat],[mon,tue,wed,thu,fri,sat]]'. The grid can also come from a
      sweep: section in the file (sweep: {servers: [3, 4, 5]}); --set replaces an axis of the same key.
      The table shows the headline metrics of every design point; with --out, sweep.json holds every
      metric of every point with its 95% CI and the swept keys by name, and sweep.csv the same as a table
      (one row per point and metric with its unit, or with --wide one row per point).
      """)

  @Argument(help: "Scenario file.")
  var file: String

  @Option(name: .customLong("set"), help: ArgumentHelp("KEY=[v1,v2,…] (repeatable).", valueName: "KEY=[values]"))
  var settings: [String] = []

  @Option(help: "Comma-separated metrics for the table (default: the kind's headline metrics).")
  var metrics: String?

  @Flag(help: "sweep.csv with one row per design point (a column per swept key, and per metric its mean and CI).")
  var wide = false

  @OptionGroup var options: ExperimentOptions

  func validate() throws {
    for s in settings where SweepGrid.parseAxis(s) == nil {
      throw ValidationError("--set '\(s)' is not KEY=[v1,v2,…]")
    }
  }

  func run() async throws {
    let started = ContinuousClock.now
    Interruption.install()
    let fromFile = try loadScenarioOrExit(file).sweepAxes.map { (key: $0.key, values: $0.values) }
    let fromCommandLine = settings.compactMap(SweepGrid.parseAxis)
    // --set replaces a key the file's sweep: section also names, and adds the others.
    let axes = fromFile.filter { axis in !fromCommandLine.contains { $0.key == axis.key } } + fromCommandLine
    guard !axes.isEmpty else {
      printToStandardError("error: nothing to sweep: give --set KEY=[v1,v2,…] or a sweep: section in \(file)")
      throw ExitCode(64)
    }
    var designs = try gridDesigns(file: file, axes: axes, options: options)
    if let metrics {
      try checkMetricNames(metrics.split(separator: ",").map(String.init),
                           available: ReplicationRunner.metrics(of: designs[0].scenario), option: "--metrics")
    }
    let seed = options.seed ?? designs[0].scenario.seed
    designs = WarmUpResolver.resolve(designs, seed: seed)
    let base = designs[0].scenario
    let plan = ExperimentPlan(kind: .sweep, designs: designs, seed: seed,
                              replications: options.replications ?? base.replications)
    guard let results = try await options.execute(plan) else { return }
    try emitSweep(results, header: plan.header, metrics: metrics, wide: wide, options: options)
    try options.writeReportIfAsked(since: started)
  }
}

/// Every combination of `axes` applied to `file`, loaded; exits 4 for a grid beyond the
/// limits and 2 with every point's diagnostics when any point is invalid.
func gridDesigns(file: String, axes: [(key: String, values: [String])], options: ExperimentOptions) throws -> [Design] {
  if let problem = SweepGrid.problem(axes) {
    printToStandardError("error: \(problem)")
    throw ExitCode(64)
  }
  let grid = SweepGrid(axes: axes)
  // Checked before the points are listed: each is a scenario in memory.
  if grid.pointCount > WorkLimits.designPoints && !(options.force && grid.pointCount <= WorkLimits.mostDesignPoints) {
    printToStandardError("error: the grid has \(WorkEstimate.scientific(grid.pointCount)) design points; TeleSim runs "
                         + "\(Int(WorkLimits.designPoints)) without --force and \(Int(WorkLimits.mostDesignPoints)) at most")
    throw ExitCode.refused
  }
  // A file that cannot be read fails every point the same way: said once.
  _ = try loadScenarioOrExit(file)
  var designs: [Design] = []
  // The same problem at many points (a key the file lacks) is said once, with the count.
  var problems: [(text: String, labels: [String])] = []
  for point in grid.points {
    do {
      designs.append(Design(label: SweepGrid.label(point), settings: point,
                            scenario: try ScenarioLoader.load(path: file, overrides: point)))
    } catch {
      let text = shown(error)
      if let i = problems.firstIndex(where: { $0.text == text }) { problems[i].labels.append(SweepGrid.label(point)) } else {
        problems.append((text, [SweepGrid.label(point)]))
      }
    }
  }
  if !problems.isEmpty {
    for p in problems.prefix(20) {
      let more = p.labels.count > 1 ? " (and \(p.labels.count - 1) more design points)" : ""
      printToStandardError("for \(p.labels[0])\(more):\n" + p.text)
    }
    if problems.count > 20 { printToStandardError("… and \(problems.count - 20) more kinds of problem") }
    throw ExitCode(2)
  }
  return designs
}

/// Prints a sweep's table and writes sweep.json and sweep.csv.
func emitSweep(_ results: [ExperimentResult], header: PlanHeader, metrics: String?, wide: Bool,
               options: ExperimentOptions) throws {
  let labels = header.designs.map(\.label)
  let chosen = metrics.map { $0.split(separator: ",").map(String.init) }
    ?? Headline.metrics(kind: header.designs[0].info.kind, available: header.designs[0].metrics)
  switch options.format {
  case .table:
    print("\(header.designs[0].info.name): \(labels.count) design points × \(header.replications) replications, seed \(header.seed)")
    print(SweepReport.table(results, header: header, metrics: chosen), terminator: "")
  case .json:
    print(SweepReport.json(results, header: header), terminator: "")
  }
  try options.writeResults(experiment: header.hash) { out in
    try AtomicFile.write(SweepReport.json(results, header: header), to: out + "/sweep.json")
    try AtomicFile.write(wide ? SweepReport.wideCSV(results, header: header) : SweepReport.csv(results, labels: labels),
                         to: out + "/sweep.csv")
  }
}
