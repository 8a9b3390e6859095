import CareModel
import Pathways
import QueueNetwork
import ScenarioIO
import SimKernel
import SimRandom
import SimStats

/// Turns `warmup: auto` into a fixed warm-up: MSER-5 on a pilot run (replication 0, no
/// warm-up) of the waits in order of service start (queues and networks: the first station)
/// or of the daily mean teleconsultation wait (care networks).
public enum WarmUpResolver {
  /// `scenario` with its warm-up fixed; unchanged unless it asked for `auto`.
  /// `designs` with each scenario's warm-up resolved (see ``resolve(_:seed:)``).
  public static func resolve(_ designs: [Design], seed: UInt64) -> [Design] {
    designs.map { Design(label: $0.label, settings: $0.settings, scenario: resolve($0.scenario, seed: seed)) }
  }

  public static func resolve(_ scenario: Scenario, seed: UInt64) -> Scenario {
    guard scenario.warmUpIsAuto else { return scenario }
    var resolved = scenario
    let seeder = StreamSeeder(masterSeed: seed, replication: 0, algorithm: scenario.generator)
    let (times, values) = pilot(scenario, seeder: seeder)
    let cut = WarmUpDetection.mser5(values)
    resolved.warmUp = SimDuration(minutes: cut > 0 && cut <= times.count ? times[cut - 1] : 0)
    return resolved
  }

  static func pilot(_ scenario: Scenario, seeder: StreamSeeder) -> ([Double], [Double]) {
    switch scenario.model {
    case .queueNetwork(let spec):
      return QueueNetworkModel.pilotSeries(spec, seeder: seeder, horizon: scenario.horizon)
    case .pathways(let spec):
      return PathwayModel.pilotSeries(spec, seeder: seeder, horizon: scenario.horizon)
    case .careNetwork(let spec):
      guard let layout = try? CareLayout(spec: spec, horizon: scenario.horizon) else { return ([], []) }
      let r = CareNetworkModel.replicate(spec, layout: layout, seeder: seeder, horizon: scenario.horizon, warmUp: .zero)
      guard let daily = r.tables.first(where: { $0.name == "daily" }),
            let column = daily.valueColumns.firstIndex(of: "wait_mean_h") else { return ([], []) }
      var times: [Double] = []
      var values: [Double] = []
      for (key, row) in zip(daily.keys, daily.values) where !row[column].isNaN {
        times.append(SimTime.startOfDay((Int(key[0]) ?? 0) + 1).minutes)
        values.append(row[column])
      }
      return (times, values)
    }
  }
}
