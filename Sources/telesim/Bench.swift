import ArgumentParser
import CMallocCounter
import Experiments
import Foundation
import QueueNetwork
import SimKernel
import Reporting
import SimRandom

/// `telesim bench mmc`: the reference speed benchmark; `telesim bench FILE`: one replication
/// of a scenario.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure simulation speed (use a release build).",
    discussion: """
      mmc: the reference M/M/10 model, 10⁶ customers per run. FILE.yaml: replication 0 of a scenario,
      timed after one untimed run (the preparation of arrival profiles, roads and trees is timed apart).
      Both print the median and range of --runs timed runs and the peak memory.
      """)

  @Argument(help: "Benchmark to run: mmc, or a scenario file.")
  var name: String = "mmc"

  @Option(help: "Customers per run.")
  var customers = 1_000_000

  @Option(help: "Timed runs; the median is reported.")
  var runs = 5

  func validate() throws {
    guard name == "mmc" || name.hasSuffix(".yaml") else {
      throw ValidationError("unknown benchmark '\(name)'; available: mmc, or a scenario file (.yaml)")
    }
    guard customers >= 1000, runs >= 1 else { throw ValidationError("need --customers ≥ 1000 and --runs ≥ 1") }
  }

  func run() throws {
    if name.hasSuffix(".yaml") {
      try benchScenario()
      return
    }
    var bench = MMcBenchmark()
    bench.customers = customers
    let spec = try bench.spec()
    #if DEBUG
    print("warning: debug build; figures are about 16x slower than release (swift build -c release)")
    #endif
    print("M/M/\(bench.servers), arrivals \(bench.arrivalsPerHour)/h, service \(bench.servicesPerHour)/h, "
          + "\(customers) customers per run, \(runs) timed runs after an untimed warm-up, one core")
    // An untimed run first: the first touch of the calendar, pools and histograms pays page
    // faults that no steady-state run pays.
    _ = QueueNetworkModel.replicateCountingEvents(
      spec, seeder: StreamSeeder(masterSeed: 0, replication: 0), horizon: bench.horizon * 0.1, warmUp: .zero)
    var rates: [(customers: Double, events: Double)] = []
    for r in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      let (values, events, _) = QueueNetworkModel.replicateCountingEvents(
        spec, seeder: StreamSeeder(masterSeed: UInt64(r + 1), replication: 0), horizon: bench.horizon, warmUp: .zero)
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      let served = values["arrivals"] ?? 0
      rates.append((served / seconds, Double(events) / seconds))
      print("run \(r + 1): \(Int(served / seconds)) customers/s, \(Int(Double(events) / seconds)) events/s")
    }
    let sorted = rates.sorted { $0.customers < $1.customers }
    let median = sorted[runs / 2]
    print("median: \(Int(median.customers)) customers/s, \(Int(median.events)) events/s "
          + "(range \(Int(sorted[0].customers))-\(Int(sorted[runs - 1].customers)) customers/s)")
    print("steady-state heap allocations per event: \(steadyStateAllocations(spec, bench))")
    print("peak memory: \(peakResidentMegabytes()) MB")
  }

  /// Allocations per event between a run and a run twice as long: setup cancels out.
  private func steadyStateAllocations(_ spec: NetworkSpec, _ bench: MMcBenchmark) -> String {
    guard telesim_allocation_counting_active() == 1 else { return "unknown (counter inactive)" }
    func measure(_ scale: Double) -> (allocations: UInt64, events: UInt64) {
      let before = telesim_thread_allocations()
      let (_, events, _) = QueueNetworkModel.replicateCountingEvents(
        spec, seeder: StreamSeeder(masterSeed: 99, replication: 0), horizon: SimDuration(minutes: bench.horizon.minutes * scale), warmUp: .zero)
      return (telesim_thread_allocations() - before, events)
    }
    let short = measure(0.5)
    let long = measure(1)
    let extra = Double(long.allocations) - Double(short.allocations)
    let perEvent = max(0, extra) / Double(long.events - short.events)
    return "\(perEvent) (\(long.allocations) in a run of \(long.events) events, \(short.allocations) in half of it)"
  }

  /// Times replication 0 of the scenario file `name`.
  private func benchScenario() throws {
    let scenario = try loadScenarioOrExit(name)
    #if DEBUG
    print("warning: debug build; figures are about 16x slower than release (swift build -c release)")
    #endif
    print("\(scenario.name): replication 0, horizon \(SummaryTable.number(scenario.horizon.days)) days, "
          + "\(runs) timed runs after an untimed one, one core")
    let bench = ScenarioBenchmark(scenario, runs: runs) { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    print("preparation (profiles, roads, trees): \(seconds(bench.preparationSeconds))")
    for (i, t) in bench.runSeconds.enumerated() { print("run \(i + 1): \(seconds(t))") }
    let sorted = bench.runSeconds.sorted()
    let rate = bench.events > 0 ? ", \(Int(Double(bench.events) / bench.medianSeconds)) events/s" : ""
    print("median: \(seconds(bench.medianSeconds)) (range \(seconds(sorted[0]))-\(seconds(sorted[sorted.count - 1])))\(rate)")
    if bench.events > 0 {
      print("events: \(bench.events) (estimated before running: "
            + "\(WorkEstimate.scientific(WorkEstimate.eventsPerReplication(scenario))))")
    }
    print("peak memory: \(peakResidentMegabytes()) MB")
  }

  private func seconds(_ t: Double) -> String { "\((t * 1000).rounded() / 1000) s" }

  private func peakResidentMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
  }
}
