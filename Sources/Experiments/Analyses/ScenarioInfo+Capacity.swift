import CareModel
import Pathways
import ScenarioIO
import SimKernel

extension ScenarioInfo {
  /// The totals of `scenario`: for a care network its spokes, hubs, specialists, beds (and
  /// beds after upgrades, when they change) and ambulances; for a queueing model its
  /// stations and servers (each station's most over its roster).
  static func capacity(of scenario: Scenario) -> [Count] {
    switch scenario.model {
    case .queueNetwork(let spec):
      let servers = spec.stations.reduce(0) { sum, station in
        sum + max(station.roster.servers(at: SimTime(minutes: 0)), station.roster.changes.map(\.servers).max() ?? 0)
      }
      return [Count(name: "stations", value: spec.stations.count), Count(name: "servers", value: servers)]
    case .pathways(let spec):
      let servers = spec.resources.reduce(0) { $0 + ($1.roster.changes.map(\.servers).max() ?? 0) }
      return [Count(name: "stations", value: spec.stations.count), Count(name: "resources", value: spec.resources.count),
              Count(name: "servers", value: servers)]
    case .careNetwork(let spec):
      let totals = spec.capacity(overMinutes: scenario.horizon.minutes)
      var counts = [Count(name: "spokes", value: totals.spokes), Count(name: "hubs", value: totals.hubs),
                    Count(name: "specialists", value: totals.specialists), Count(name: "beds", value: totals.bedsAtStart)]
      if totals.bedsAtEnd != totals.bedsAtStart { counts.append(Count(name: "beds_at_end", value: totals.bedsAtEnd)) }
      if spec.fleet != nil { counts.append(Count(name: "ambulances", value: totals.ambulances)) }
      return counts
    }
  }
}
