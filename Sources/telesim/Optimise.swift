import ArgumentParser
import Experiments
import Foundation
import Reporting
import ScenarioIO
import SimStats

/// `telesim optimise FILE --vary KEY=RANGE … --target 'METRIC >= VALUE' … --minimise cost`.
struct Optimise: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimise",
    abstract: "Find the cheapest design that meets every target, with a stated confidence.",
    discussion: """
      Every combination of the --vary values is a design. Each runs a first stage of replications (common random
      numbers); designs whose targets are still undecided and that could be best get more, doubling up to
      --max-replications; a design is feasible when every target's confidence interval meets it (Bonferroni over
      targets). Among feasible designs the smallest objective wins: exactly for a capacity total (specialists, beds,
      ambulances, servers), by Kim and Nelson's sequential selection for a noisy metric (cost). When no design meets
      every target, it says so and shows the best reached for each. Method: docs/optimisation.md.
      RANGE is a..b (whole numbers), a..b/step, or [v1,v2,…] (any YAML values).
      Examples: --vary 'specialties[0].specialists_per_hub=1..6' --target 'teleconsult.same_day >= 80%' --minimise cost
      """)

  @Argument(help: "Scenario file.")
  var file: String

  @Option(name: .customLong("vary"), help: ArgumentHelp("KEY=RANGE: a decision and its values (repeatable).", valueName: "KEY=RANGE"))
  var decisions: [String] = []

  @Option(name: .customLong("target"), help: ArgumentHelp("'METRIC OP LIMIT' every chosen design must meet (repeatable); "
                                                          + "METRIC may be a capacity total, e.g. 'specialists <= 180'.",
                                                          valueName: "target"))
  var targets: [String] = []

  @Option(help: ArgumentHelp("What to minimise: cost (cost.total), a capacity total (specialists, beds, ambulances, servers, …) "
                             + "or a metric.", valueName: "name"))
  var minimise = "cost"

  @Option(help: "First-stage replications of every design (at least 2).")
  var firstReplications = 5

  @Option(help: "Most replications any design gets.")
  var maxReplications = 40

  @Option(help: "Confidence of feasibility and selection, e.g. 0.95.")
  var confidence = 0.95

  @Option(help: "Kim-Nelson indifference zone in the objective's unit (default: 0.1% of the best mean).")
  var indifference: Double?

  @OptionGroup var search: SearchOptions

  @OptionGroup var options: ExperimentOptions

  func validate() throws {
    if decisions.isEmpty { throw ValidationError("give at least one --vary KEY=RANGE") }
    if targets.isEmpty { throw ValidationError("give at least one --target 'METRIC OP LIMIT'") }
    if firstReplications < 2 { throw ValidationError("--first-replications must be at least 2 (a variance needs two)") }
    if maxReplications < firstReplications || maxReplications > 10_000 {
      throw ValidationError("--max-replications must be from --first-replications to 10000")
    }
    if !(confidence > 0.5 && confidence < 1) { throw ValidationError("--confidence must be between 0.5 and 1, e.g. 0.95") }
    if let d = indifference, !(d > 0 && d.isFinite) { throw ValidationError("--indifference must be a positive number") }
    if options.replications != nil { throw ValidationError("optimise chooses replications: use --first-replications and --max-replications") }
    for d in decisions { if case .failure(let e) = DecisionRange.parse(d) { throw ValidationError("--vary: " + e.message) } }
  }

  func run() async throws {
    Interruption.install()
    let axes = decisions.compactMap { try? DecisionRange.parse($0).get() }
    var designs = try gridDesigns(file: file, axes: axes, options: options)
    let metrics = ReplicationRunner.metrics(of: designs[0].scenario)
    // Capacity totals (specialists, beds, ambulances…) can be targets too: a budget in staff or
    // beds. They are exact, so each record carries its design's totals after its metrics.
    let totals = designs.map { ScenarioInfo($0.scenario).capacity.map { Double($0.value) } }
    let totalMetrics = ScenarioInfo(designs[0].scenario).capacity.map {
      Metric($0.name, unit: "count", better: .neither, label: "\($0.name) (capacity total)")
    }
    let thresholds = try parsedOrExit(targets, option: "--target") { CommandLineTargets.threshold($0, metrics: metrics + totalMetrics) }
    let objective = try Self.objective(minimise, designs: designs, metrics: metrics)
    if case .metric(let name) = objective, metrics.first(where: { $0.name == name })?.direction == .higherIsBetter {
      printToStandardError("warning: --minimise \(name): more is better for this figure; the search will find its smallest")
    }
    if objective.name == "cost.total", !designs[0].scenario.settings.contains(where: { $0.path.hasPrefix("costs.") && $0.path != "costs.meal_per_patient_day" }) {
      printToStandardError("warning: \(file) prices nothing but meals (no costs: section): cost.total is meals and transport only "
                           + "(docs/costs.md)")
    }
    let seed = options.seed ?? designs[0].scenario.seed
    designs = WarmUpResolver.resolve(designs, seed: seed)
    var settings = Optimiser.Settings()
    settings.firstReplications = firstReplications
    settings.maxReplications = maxReplications
    settings.level = confidence
    settings.indifference = indifference
    let question = "targets=" + thresholds.map(\.text).joined(separator: ";") + "|minimise=\(objective.name)"
      + "|first=\(firstReplications)|confidence=\(confidence)|indifference=\(indifference.map { "\($0)" } ?? "default")"
    let plan = ExperimentPlan(kind: .optimise, designs: designs, seed: seed, replications: maxReplications, question: question)
    guard let session = try await options.startSearch(plan, firstReplications: firstReplications, screened: search.screened) else { return }
    let optimiser = Optimiser(designCount: designs.count, metricNames: (metrics + totalMetrics).map(\.name), targets: thresholds,
                              objective: objective, settings: settings)
    var records: [UnitRecord] = []
    let outcome = try await optimiser.search(evaluate: { units in
      let fresh = try await options.runRound(units, of: session, before: records.map(\.unit))
      records += fresh
      return fresh.map { r in UnitRecord(unit: r.unit, values: r.values + totals[r.unit.design], tables: [], fingerprint: 0) }
    }, round: { if !options.quiet { printToStandardError($0) } })
    let results = plan.header.results(from: records)
    let report = OptimisationReport(outcome: outcome, optimiser: optimiser, header: plan.header, results: results)
    switch options.format {
    case .table: print(report.table(), terminator: "")
    case .json: print(report.json(), terminator: "")
    }
    try options.writeResults(experiment: plan.hash) { out in
      try AtomicFile.write(report.json(), to: out + "/optimisation.json")
      try AtomicFile.write(report.csv(), to: out + "/designs.csv")
      if let chosen = outcome.chosen {
        try AtomicFile.write(SummaryReport.json(results[chosen]), to: out + "/chosen/summary.json")
        try AtomicFile.write(SummaryReport.replicationsCSV(results[chosen]), to: out + "/chosen/replications.csv")
      }
    }
  }

  /// `cost` is `cost.total`; a capacity total is exact; any other name must be a metric.
  static func objective(_ name: String, designs: [Design], metrics: [Metric]) throws -> Optimiser.Objective {
    let totals = designs.map { ScenarioInfo($0.scenario).capacity }
    if let names = totals.first?.map(\.name), names.contains(name) {
      return .exact(name, values: totals.map { counts in Double(counts.first { $0.name == name }?.value ?? 0) })
    }
    let metric = name == "cost" ? "cost.total" : name
    guard metrics.contains(where: { $0.name == metric }) else {
      let choices = (totals.first?.map(\.name) ?? []) + metrics.map(\.name)
      printToStandardError("error: --minimise: no metric or capacity total '\(name)' (\(DidYouMean.hint(for: name, among: choices)))")
      throw ExitCode(64)
    }
    return .metric(metric)
  }
}
