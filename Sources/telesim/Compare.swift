import ArgumentParser
import Experiments
import Foundation
import Reporting
import ScenarioIO

/// `telesim compare A.yaml B.yaml …`: paired differences under common random numbers.
struct Compare: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare scenarios on the same replications (common random numbers): paired differences, 95% CIs, verdicts.",
    discussion: """
      The first file is the baseline. Every scenario runs replications 0..N-1 with the same seed, and its random
      streams line up by name, so a policy change does not shift unrelated draws. The table reports, per metric,
      the difference from the baseline, its 95% CI, a verdict (better/worse for metrics with a direction,
      higher/lower otherwise, or no detectable difference), and the share of variance CRN removed compared with
      independent streams (1 - var(B-A) / (var A + var B)).
      """)

  @Argument(help: "Scenario files; the first is the baseline.")
  var files: [String]

  @OptionGroup var options: ExperimentOptions

  func validate() throws {
    if files.count < 2 { throw ValidationError("compare needs at least two scenario files") }
  }

  func run() async throws {
    let started = ContinuousClock.now
    Interruption.install()
    var scenarios: [Scenario] = []
    var failed = false
    for f in files {
      do { scenarios.append(try ScenarioLoader.load(path: f)) } catch {
        printToStandardError(shown(error))
        failed = true
      }
    }
    if failed { throw ExitCode(2) }
    // Figures are paired by metric name; different kinds share none.
    if let other = scenarios.first(where: { $0.kind != scenarios[0].kind }) {
      printToStandardError("error: cannot compare a \(scenarios[0].kind) scenario (\(scenarios[0].file)) with a \(other.kind) "
                           + "one (\(other.file)): they report different figures")
      throw ExitCode(64)
    }
    let seed = options.seed ?? scenarios[0].seed
    scenarios = scenarios.map { WarmUpResolver.resolve($0, seed: seed) }
    let labels = Self.labels(files)
    let plan = ExperimentPlan(
      kind: .compare, designs: zip(labels, scenarios).map { Design(label: $0, scenario: $1) },
      seed: seed, replications: options.replications ?? scenarios[0].replications)
    guard let results = try await options.execute(plan) else { return }
    try emitComparison(results, header: plan.header, options: options)
    try options.writeReportIfAsked(since: started)
  }

  /// File names without folder and extension, made unique.
  static func labels(_ files: [String]) -> [String] {
    var labels: [String] = []
    for f in files {
      var base = ((f as NSString).lastPathComponent as NSString).deletingPathExtension
      if labels.contains(base) { base += "#\(labels.count + 1)" }
      labels.append(base)
    }
    return labels
  }
}

/// Prints a comparison and writes its files.
func emitComparison(_ results: [ExperimentResult], header: PlanHeader, options: ExperimentOptions) throws {
  let comparison = Comparison(results, labels: header.designs.map(\.label))
  switch options.format {
  case .table: print(ComparisonReport.table(comparison, style: .standardOutput), terminator: "")
  case .json: print(ComparisonReport.json(comparison, header: header), terminator: "")
  }
  try options.writeResults(experiment: header.hash) { out in
      try AtomicFile.write(ComparisonReport.json(comparison, header: header), to: out + "/comparison.json")
      try AtomicFile.write(ComparisonReport.csv(comparison), to: out + "/comparison.csv")
      for (d, r) in zip(header.designs, results) {
        try AtomicFile.write(SummaryReport.json(r), to: out + "/\(d.label)/summary.json")
        try AtomicFile.write(SummaryReport.replicationsCSV(r), to: out + "/\(d.label)/replications.csv")
        try SummaryReport.writeTables(r, to: out + "/\(d.label)")
      }
      for (alt, r) in zip(header.designs, results).dropFirst() {
        for table in ComparisonReport.breakdownDifferences(baseline: results[0], alternative: r) {
          try AtomicFile.write(SummaryReport.csv(table, startDate: r.startDate),
                               to: out + "/differences/\(alt.label)/\(table.name).csv")
        }
      }
  }
}
