import QueueNetwork
import SimKernel
import SimRandom
import SimStats

extension QueueReader {
  static let networkStationKeys = ["name", "servers", "roster", "capacity", "arrivals", "service", "routing"]

  func readNetwork(_ f: Fields) -> NetworkSpec? {
    guard let listNode = f["stations"] else {
      reader.reportMissing("stations", in: f)
      return nil
    }
    // Routing is a dense stations × stations matrix, solved once by LU decomposition.
    guard let items = reader.list(listNode, path: "stations", atMost: Limits.stations) else { return nil }
    guard !items.isEmpty else {
      reader.report(.invalidValue, "list at least one station", at: listNode, path: "stations")
      return nil
    }

    let parsed = items.enumerated().map { readStation($1, path: "stations[\($0)]") }
    let names = parsed.map { $0?.name ?? "" }
    for (i, name) in names.enumerated() where !name.isEmpty && names[..<i].contains(name) {
      reader.report(.invalidValue, "station '\(name)' is defined twice", at: items[i], path: "stations[\(i)].name")
    }
    var stations: [NetworkSpec.Station] = []
    for (i, p) in parsed.enumerated() {
      guard let p else { continue }
      let routing = readRouting(p.routing, from: i, names: names)
      guard let roster = p.roster, let service = p.service, let routing, case .some(let k) = p.capacity
      else { continue }
      stations.append(.init(name: p.name, roster: roster, capacity: k, service: [service],
                            arrivals: [p.arrivals], routing: routing))
    }
    guard stations.count == items.count else { return nil }
    if !stations.contains(where: { $0.arrivals[0] != nil }) {
      reader.report(.missingKey, "no station has external arrivals", at: listNode, path: "stations",
                    hint: "give 'arrivals' to at least one station")
      return nil
    }
    do {
      _ = try QueueingTheory.solveTrafficEquations(
        external: stations.map { $0.arrivals[0] == nil ? 0 : 1 }, routing: stations.map(\.routing))
    } catch {
      reader.report(.invalidValue, "customers can circulate forever: \(error.message)", at: listNode,
                    path: "stations", hint: "make sure some routing probability leads out of every loop")
      return nil
    }
    return NetworkSpec(classes: [.init(name: "all")], stations: stations, prefixesStationNames: true)
  }

  private struct ParsedStation {
    var name: String
    var roster: Roster?
    var capacity: Int??
    var service: Distribution?
    var arrivals: ArrivalProcess?
    var routing: (node: ScenarioNode, path: String)?
  }

  private func readStation(_ node: ScenarioNode, path: String) -> ParsedStation? {
    guard let f = reader.fields(node, path: path, allowed: Self.networkStationKeys, required: ["name", "service"])
    else { return nil }
    guard let name = f["name"].flatMap({ reader.string($0, path: f.path("name")) }) else { return nil }
    if name.contains(".") || name.contains(" "), let n = f["name"] {
      reader.report(.invalidValue, "station names may not contain '.' or spaces", at: n, path: f.path("name"),
                    hint: "metric names are STATION.wait.mean; use '-' or '_'")
    }
    if name == "network", let n = f["name"] {
      reader.report(.invalidValue, "'network' cannot name a station: the network's own figures begin with it",
                    at: n, path: f.path("name"), hint: "choose another name, e.g. 'network-desk'")
    }
    let roster = readServers(f)
    return ParsedStation(
      name: name, roster: roster, capacity: readCapacity(f, roster: roster),
      service: f["service"].flatMap { reader.distribution($0, path: f.path("service")) },
      arrivals: f["arrivals"].flatMap { readArrivals($0, path: f.path("arrivals")) },
      routing: f["routing"].map { ($0, f.path("routing")) })
  }

  /// `routing: {lab: 0.3, specialist: 0.2}`; the rest of the probability leaves the network.
  private func readRouting(_ entry: (node: ScenarioNode, path: String)?, from station: Int, names: [String])
    -> [Double]?
  {
    var row = Array(repeating: 0.0, count: names.count)
    guard let entry else { return row }
    var known: [String] = []
    for name in names where !name.isEmpty && !known.contains(name) { known.append(name) }
    let keys: [String] = {
      return (entry.node.entries ?? []).compactMap { $0.key.scalar }
    }()
    for keyNode in (entry.node.entries ?? []).map(\.key) {
      guard let key = keyNode.scalar, !known.contains(key) else { continue }
      reader.report(.unknownName, "no station named '\(key)'", at: keyNode, path: "\(entry.path).\(key)",
                    hint: DidYouMean.hint(for: key, among: known))
    }
    guard let f = reader.fields(entry.node, path: entry.path, allowed: keys) else { return nil }
    if keys.contains(where: { !known.contains($0) }) { return nil }
    var ok = true
    for e in f.entries {
      guard let p = reader.number(e.value, path: f.path(e.key), atLeast: 0) else { ok = false; continue }
      if p > 1 {
        reader.report(.invalidValue, "a probability must be at most 1, got \(p)", at: e.value, path: f.path(e.key))
        ok = false
      }
      row[names.firstIndex(of: e.key)!] = p
    }
    let total = row.reduce(0, +)
    if total > 1 + 1e-9 {
      reader.report(.invalidValue, "routing probabilities add up to \(total), more than 1", at: entry.node,
                    path: entry.path, hint: "the share that leaves the network is 1 minus their sum")
      ok = false
    }
    return ok ? row : nil
  }
}
