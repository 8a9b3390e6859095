import ArgumentParser
import Experiments
import Foundation
import Reporting
import CareModel
import ScenarioIO
import SimStats

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}

/// `telesim run FILE`: replications of a scenario, summarised with confidence intervals.
struct Run: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario and print a summary with 95% confidence intervals.")

  @Argument(help: "Scenario file (YAML, schema telesim/v1).")
  var file: String

  @OptionGroup var options: ExperimentOptions

  @Option(help: ArgumentHelp(
    "Add replications until each headline metric's 95% CI half-width is at most this share of its mean "
      + "(Hoad, Robinson and Davies 2010), e.g. 5%.", valueName: "percent"))
  var precision: String?

  @Option(help: ArgumentHelp("Folder for replication 0's event log (events.log) of a care network, and with ambulances "
                             + "their events (ambulance-events.csv) and drives (ambulance-tracks.geojson) for a map.", valueName: "DIR"))
  var trace: String?

  @Option(help: ArgumentHelp("Trace only these days (day 0 is the start date): N or N-M.", valueName: "days"))
  var traceDays: String?

  @Option(help: ArgumentHelp("Trace only the ambulances and calls of this district.", valueName: "name"))
  var traceDistrict: String?

  @Option(help: "Most replications --precision may run.")
  var maxReplications = 200

  @Option(help: "Comma-separated metrics that --precision watches (default: the kind's headline metrics).")
  var precisionMetrics: String?

  func validate() throws {
    if precision != nil && options.shard != nil { throw ValidationError("--precision cannot be sharded: it decides as it goes") }
    if let d = traceDays, Self.dayRange(d) == nil { throw ValidationError("--trace-days takes N or N-M (day 0 is the start date)") }
    if (traceDays != nil || traceDistrict != nil) && trace == nil {
      throw ValidationError("--trace-days and --trace-district choose what --trace DIR keeps: give --trace too")
    }
    if !(1...Limits.replications).contains(maxReplications) {
      throw ValidationError("--max-replications must be from 1 to \(Limits.replications)")
    }
    if let p = precision, parsePercent(p) == nil { throw ValidationError("--precision takes a percentage such as 5%") }
  }

  func run() async throws {
    let started = ContinuousClock.now
    Interruption.install()
    let loaded = try loadScenarioOrExit(file)
    let scenario = WarmUpResolver.resolve(loaded, seed: options.seed ?? loaded.seed)
    try checkDistrict(traceDistrict, in: scenario)
    let n = options.replications ?? scenario.replications
    let result: ExperimentResult
    let plan: ExperimentPlan
    if let p = precision.flatMap(parsePercent) {
      plan = ExperimentPlan(kind: .run, designs: [Design(label: scenario.name, scenario: scenario)],
                            seed: options.seed ?? scenario.seed, replications: maxReplications)
      result = try await runToPrecision(plan, target: p)
    } else {
      plan = ExperimentPlan(kind: .run, designs: [Design(label: scenario.name, scenario: scenario)],
                            seed: options.seed ?? scenario.seed, replications: n)
      guard let results = try await options.execute(plan) else { return }
      result = results[0]
    }
    // The summary is shown before the files are written, so a full disk does not lose it.
    emit(result)
    try options.writeResults(experiment: plan.hash) { try writeRunOutputs(result, to: $0) }
    try writeTrace(scenario)
    // The replay needs ambulance drives; a trace of a network without ambulances has none.
    let drives = trace.map { FileManager.default.fileExists(atPath: $0 + "/ambulance-tracks.geojson") } ?? false
    try options.writeReportIfAsked(since: started, trace: drives ? trace : nil)
  }

  /// Writes replication 0's trace when --trace was given.
  func writeTrace(_ scenario: Scenario) throws {
    if let trace {
      let filter = TraceFilter(days: traceDays.flatMap(Self.dayRange), district: traceDistrict)
      guard let t = ReplicationRunner(scenario: scenario, seed: options.seed ?? scenario.seed, workers: 1)
        .trace(0, filter: filter) else {
        printToStandardError("warning: --trace applies to care networks; nothing written")
        return
      }
      try writeOrExit {
        try AtomicFile.write(EventLog.lines(t).joined(separator: "\n") + "\n", to: trace + "/events.log")
        if t.roads != nil {
          try AtomicFile.write(AmbulanceTracks.csv(t), to: trace + "/ambulance-events.csv")
          try AtomicFile.write(AmbulanceTracks.geoJSON(t), to: trace + "/ambulance-tracks.geojson")
        }
      }
    }
  }

  /// `N` or `N-M` as a range of days.
  static func dayRange(_ text: String) -> ClosedRange<Int>? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard let first = parts.first ?? nil, first >= 0, parts.count <= 2 else { return nil }
    guard parts.count == 2 else { return first...first }
    guard let last = parts[1], last >= first else { return nil }
    return first...last
  }

  /// Exits with code 64 when `district` is not one of the scenario's, with a did-you-mean.
  func checkDistrict(_ district: String?, in scenario: Scenario) throws {
    guard let district, case .careNetwork(let spec) = scenario.model else { return }
    guard !spec.districts.contains(district) else { return }
    printToStandardError("error: --trace-district: no district '\(district)' in \(scenario.file) "
                         + "(\(DidYouMean.hint(for: district, among: spec.districts)))")
    throw ExitCode(64)
  }

  func emit(_ result: ExperimentResult) {
    switch options.format {
    case .table: print(SummaryTable.render(result), terminator: "")
    case .json: print(SummaryReport.json(result), terminator: "")
    }
  }

  /// Runs batches of replications until the precision rule stops, then keeps exactly the
  /// replications up to the stopping point (so the result does not depend on batch sizes).
  /// `plan` holds the most replications allowed; its checkpoint lets --resume continue.
  func runToPrecision(_ plan: ExperimentPlan, target: Double) async throws -> ExperimentResult {
    let scenario = plan.designs[0].scenario
    let headline = precisionMetrics.map { $0.split(separator: ",").map(String.init) }
      ?? Headline.metrics(kind: scenario.kind, available: ReplicationRunner.metrics(of: scenario))
    try checkMetricNames(headline, available: ReplicationRunner.metrics(of: scenario), option: "--precision-metrics")
    let rule = PrecisionRule(target: target, maximum: maxReplications, headline: headline)
    let metrics = plan.header.designs[0].metrics
    let session = try options.start(plan)
    var records: [UnitRecord] = []
    var stop: Int?
    while stop == nil {
      let next = records.count
      let batch = (next..<min(next + max(options.workers, 2), maxReplications)).map { ExperimentPlan.Unit(design: 0, replication: $0) }
      if batch.isEmpty { stop = records.count; break }
      records += try await options.run(batch, in: session)
      stop = rule.stoppingPoint(records.map { MetricValues(metrics: metrics, values: $0.values) })
    }
    let kept = Array(records.prefix(stop!))
    let achieved = rule.precision(kept.map { MetricValues(metrics: metrics, values: $0.values) }, first: kept.count)
    if !options.quiet {
      let parts = zip(headline, achieved).map { "\($0) ±\(SummaryTable.number($1 * 100))%" }
      printToStandardError("precision \(SummaryTable.number(target * 100))%: \(kept.count) replications; "
                           + parts.joined(separator: ", ") + (kept.count >= maxReplications ? " (cap reached)" : ""))
    }
    return plan.header.results(from: kept)[0]
  }

  func parsePercent(_ text: String) -> Double? {
    let t = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard let v = Double(t), v > 0, v < 100 else { return nil }
    return v / 100
  }
}

/// Writes summary.json, replications.csv and any breakdown tables into `folder`.
func writeRunOutputs(_ result: ExperimentResult, to folder: String) throws {
  try AtomicFile.write(SummaryReport.json(result), to: folder + "/summary.json")
  try AtomicFile.write(SummaryReport.replicationsCSV(result), to: folder + "/replications.csv")
  try SummaryReport.writeTables(result, to: folder)
}

/// Runs `replications` replications with a progress display when it takes a while.
func runExperiment(_ scenario: Scenario, replications: Int, seed: UInt64?, threads: Int,
                   quiet: Bool) async -> ExperimentResult {
  let runner = ReplicationRunner(scenario: scenario, seed: seed, workers: threads)
  let progress = ProgressDisplay(total: replications, workers: threads, enabled: !quiet)
  let indices = Array(0..<replications)
  let outputs = await runner.runWithTables(indices) { _ in progress.advance() }
  progress.finish()
  return ExperimentResult(scenario: scenario, seed: runner.seed, metrics: runner.metrics,
                          indices: indices, replications: outputs.map(\.values), tables: outputs.map(\.tables),
                          fingerprints: outputs.map(\.fingerprint))
}
