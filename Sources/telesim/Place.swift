import ArgumentParser
import CareModel
import Experiments
import Foundation
import Reporting
import ScenarioIO
import SimStats

/// `telesim place FILE`: where to base the ambulances, by maximal expected coverage, checked
/// and refined by simulation.
struct Place: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Place a scenario's ambulances for response targets (maximal expected coverage), checked by simulation.",
    discussion: """
      The fleet's ambulances (same numbers of each kind) are placed among the facilities of the tiers it is based
      at, to reach as many calls as possible within the urban or rural response target, each ambulance busy with
      probability q (MEXCLP, Daskin 1983, greedy; docs/placement.md). q is tried from the scenario's simulated
      ambulance utilisation up to 0.9 (--rounds values): a larger q puts more ambulances where calls are dense.
      Each placement is simulated against the scenario's own on the same replications (common random numbers), and
      the one with the most calls reached within target is kept, and said plainly when none beats the current one.
      --table writes it as facility,basic,advanced (an ambulances.allocation file); --write a scenario that
      extends FILE with it.
      """)

  @Argument(help: "A care-network scenario with an ambulances: section.")
  var file: String

  @Option(help: ArgumentHelp("Write the placement here (facility,basic,advanced,name,district).", valueName: "CSV"))
  var table: String = "placement.csv"

  @Option(help: ArgumentHelp("Write a scenario that extends FILE with the placement.", valueName: "FILE"))
  var write: String?

  @Option(help: "Replications of each simulation check.")
  var replications = 2

  @Option(help: "Placements tried, with q from the simulated utilisation up to 0.9.")
  var rounds = 4

  @Flag(help: "Replace the files given by --table and --write if they exist.")
  var force = false

  @Option(help: "Master seed (default: the scenario's).")
  var seed: UInt64?

  @Option(help: "Replications run at once (default: all cores).")
  var threads: Int?

  func validate() throws {
    if !(1...100).contains(replications) { throw ValidationError("--replications must be from 1 to 100") }
    if !(1...10).contains(rounds) { throw ValidationError("--rounds must be from 1 to 10") }
    if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() async throws {
    Interruption.install()
    let scenario = try loadScenarioOrExit(file)
    guard case .careNetwork(let spec) = scenario.model, let fleet = spec.fleet else {
      printToStandardError("error: \(file) has no ambulances: section to place")
      throw ExitCode(64)
    }
    try checkOutputFile(table, option: "--table", scenario: scenario, force: force)
    if let write { try checkOutputFile(write, option: "--write", scenario: scenario, force: force) }
    let seed = self.seed ?? scenario.seed
    let workers = threads ?? availableCores
    let tiers = Set(fleet.ambulances.map { spec.facilities[$0.base.index].tier })
    let candidates = spec.facilities.indices.filter { tiers.contains(spec.facilities[$0].tier) }.map(FacilityID.init)
    let basic = fleet.ambulances.filter { $0.kind == .basic }.count
    let advanced = fleet.ambulances.count - basic
    // Each round's placement is tried from a scratch file; the table is written once, at the end.
    let tablePath = FileManager.default.temporaryDirectory.appendingPathComponent("telesim-place-\(getpid()).csv").path
    defer { try? FileManager.default.removeItem(atPath: tablePath) }
    let metrics = ["ambulance.response.mean", "ambulance.response.within_target", "ambulance.queued", "ambulance.failed",
                   "ambulance.km.per_day", "cost.total"]

    let current = await simulate(scenario, label: "current", seed: seed, workers: workers)
    let utilisation = min(current.estimate("ambulance.utilisation")?.mean ?? 0.5, 0.9)
    var best: (placement: CoveragePlacement.Placement, result: ExperimentResult, q: Double)?
    for round in 1...rounds {
      let q = rounds == 1 ? utilisation : utilisation + (0.9 - utilisation) * Double(round - 1) / Double(rounds - 1)
      let placement = CoveragePlacement.place(basic: basic, advanced: advanced, candidates: candidates, spec: spec,
                                              fleet: fleet, busy: q)
      try writeOrExit { try AtomicFile.write(Self.csv(placement, spec: spec), to: tablePath) }
      let placed = try loadScenarioOrExit(file, overrides: Self.overrides(table: tablePath, basic: basic, advanced: advanced))
      let result = await simulate(placed, label: "placed", seed: seed, workers: workers)
      let within = result.estimate("ambulance.response.within_target")?.mean ?? 0
      print("round \(round): busy share q = \(SummaryTable.number(q)), expected coverage \(percent(placement.expectedCoverage)), "
            + "simulated within target \(percent(within))")
      if within > (best.flatMap { $0.result.estimate("ambulance.response.within_target")?.mean } ?? -1) {
        best = (placement, result, q)
      }
    }
    guard let best else { return }
    try writeOrExit { try AtomicFile.write(Self.csv(best.placement, spec: spec), to: table) }
    // Confirmed on fresh replications: those that picked the winner flatter it.
    try writeOrExit { try AtomicFile.write(Self.csv(best.placement, spec: spec), to: tablePath) }
    let placed = try loadScenarioOrExit(file, overrides: Self.overrides(table: tablePath, basic: basic, advanced: advanced))
    let currentFresh = await simulate(scenario, label: "current", seed: seed, workers: workers, from: replications)
    let placedFresh = await simulate(placed, label: "placed", seed: seed, workers: workers, from: replications)
    let comparison = Comparison([currentFresh, placedFresh], labels: ["current", "placed"])
    print("\nkept the placement with q = \(SummaryTable.number(best.q)), checked on \(replications) fresh paired "
          + "replications (numbers \(replications) to \(2 * replications - 1)), seed \(seed):")
    var rows = [["metric", "current → placed", "difference [95% CI]", "verdict"]]
    for r in comparison.rows where metrics.contains(r.metric.name) {
      let u = DisplayUnit.suited(to: r.metric.unit, typical: r.baseline?.mean ?? .nan)
      let du = DisplayUnit.suitedToDifference(r.metric.unit, typical: r.baseline?.mean ?? .nan)
      let d = r.difference.map { d in
        (d.count > 1 ? "\(du.short(d.mean)) [\(du.short(d.lower)), \(du.short(d.upper))]" : du.short(d.mean)) + " " + du.label
      } ?? "-"
      rows.append([r.metric.name, "\(r.baseline.map { u.text($0.mean) } ?? "-") → \(r.value.map { u.text($0.mean) } ?? "-")",
                   d, r.verdict])
    }
    print(SummaryTable.layout(rows))
    let gain = comparison.rows.first { $0.metric.name == "ambulance.response.within_target" }
    if let d = gain?.difference, d.mean <= 0 || (d.count > 1 && d.lower <= 0) {
      print("no placement tried reaches more calls within target than the current one with confidence: keep the current one "
            + "(coverage models assume independent, evenly busy ambulances; the simulation does not)")
    }
    print("wrote \(table): \(best.placement.basic.filter { $0 > 0 }.count) bases with basic, "
          + "\(best.placement.advanced.filter { $0 > 0 }.count) with advanced ambulances")
    if let write {
      let text = "# Ambulances placed by: telesim place \(file) (maximal expected coverage, q = \(SummaryTable.number(best.q)))\n"
        + "extends: \(relativePath(from: write, to: file))\n"
        + "name: \(scenario.name)-placed\n"
        + "ambulances:\n  allocation: \(relativePath(from: write, to: table))\n  basic: \(basic)\n  advanced: \(advanced)\n  add: []\n"
      try writeOrExit { try AtomicFile.write(text, to: write) }
      print("wrote \(write)")
    }
  }

  /// The scenario with the placement `table` in place of its fleet: the table holds every
  /// ambulance, so the inherited totals become the table's and the additions go.
  static func overrides(table: String, basic: Int, advanced: Int) -> [ScenarioOverride] {
    [ScenarioOverride(key: "ambulances.allocation", value: table), ScenarioOverride(key: "ambulances.basic", value: "\(basic)"),
     ScenarioOverride(key: "ambulances.advanced", value: "\(advanced)"), ScenarioOverride(key: "ambulances.add", value: "[]")]
  }

  /// Replications `from`..<`from + replications` of `scenario`.
  private func simulate(_ scenario: Scenario, label: String, seed: UInt64, workers: Int, from: Int = 0) async -> ExperimentResult {
    let plan = ExperimentPlan(kind: .compare, designs: [Design(label: label, scenario: scenario)], seed: seed,
                              replications: from + replications)
    let units = (from..<from + replications).map { ExperimentPlan.Unit(design: 0, replication: $0) }
    return plan.header.results(from: await plan.run(units, workers: workers))[0]
  }

  private func percent(_ x: Double) -> String { SummaryTable.number(x * 100) + "%" }

  /// `facility,basic,advanced,name,district`, bases with at least one ambulance, in facility order.
  static func csv(_ p: CoveragePlacement.Placement, spec: CareNetworkSpec) -> String {
    var out = "facility,basic,advanced,name,district\n"
    for (i, base) in p.bases.enumerated() where p.basic[i] + p.advanced[i] > 0 {
      let f = spec.facilities[base.index]
      out += [f.id, "\(p.basic[i])", "\(p.advanced[i])", f.name, f.district].map(SummaryReport.csvField).joined(separator: ",") + "\n"
    }
    return out
  }
}
