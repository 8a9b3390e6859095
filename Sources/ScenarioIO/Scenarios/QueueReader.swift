import QueueNetwork
import SimKernel
import SimRandom
import SimStats

/// Reads `kind: queue` (one station) and `kind: network` (stations with routing).
struct QueueReader {
  let reader: NodeReader

  static let stationKeys = ["servers", "roster", "capacity", "arrivals", "service"]
  static let queueKeys = stationKeys + ["classes"]
  static let networkKeys = ["stations", "classes", "resources"]
  static let classKeys = ["name", "priority", "arrivals", "service"]

  func readQueue(_ f: Fields) -> NetworkSpec? {
    var classes = [NetworkSpec.CustomerClass(name: "all")]
    var service: [Distribution?] = []
    var arrivals: [ArrivalProcess?] = []
    let common = f["service"].flatMap { reader.distribution($0, path: "service") }
    if let classesNode = f["classes"] {
      guard let parsed = readClasses(classesNode, defaultService: common, topArrivals: f["arrivals"])
      else { return nil }
      (classes, service, arrivals) = parsed
    } else {
      for key in ["arrivals", "service"] where !f.has(key) { reader.reportMissing(key, in: f) }
      service = [common]
      arrivals = [f["arrivals"].flatMap { readArrivals($0, path: "arrivals") }]
    }
    let roster = readServers(f)
    let capacity = readCapacity(f, roster: roster)
    guard let roster, let serviceLaws = all(service), let arrivalLaws = all(arrivals),
          case .some(let k) = capacity else { return nil }
    let station = NetworkSpec.Station(name: "queue", roster: roster, capacity: k, service: serviceLaws,
                                      arrivals: arrivalLaws, routing: [0])
    return NetworkSpec(classes: classes, stations: [station], prefixesStationNames: false)
  }

  private func all<T>(_ items: [T?]) -> [T]? {
    items.contains { $0 == nil } ? nil : items.map { $0! }
  }

  private func readClasses(_ node: ScenarioNode, defaultService: Distribution?, topArrivals: ScenarioNode?)
    -> ([NetworkSpec.CustomerClass], [Distribution?], [ArrivalProcess?])?
  {
    if let top = topArrivals {
      reader.report(.invalidValue, "with 'classes', give each class its own arrivals", at: top,
                    path: "arrivals", hint: "move 'arrivals' under each entry of 'classes'")
    }
    guard let items = reader.list(node, path: "classes", atMost: Limits.stations) else { return nil }
    var classes: [NetworkSpec.CustomerClass] = []
    var service: [Distribution?] = []
    var arrivals: [ArrivalProcess?] = []
    for (i, item) in items.enumerated() {
      let path = "classes[\(i)]"
      guard let f = reader.fields(item, path: path, allowed: Self.classKeys, required: ["name", "arrivals"])
      else { service.append(nil); continue }
      let name = f["name"].flatMap { reader.string($0, path: f.path("name")) } ?? "class\(i)"
      if classes.contains(where: { $0.name == name }), let n = f["name"] {
        reader.report(.invalidValue, "class '\(name)' is defined twice", at: n, path: f.path("name"))
      }
      let priority = f["priority"].flatMap { reader.integer($0, path: f.path("priority")) } ?? ScenarioDefaults.classPriority
      classes.append(.init(name: name, priority: priority))
      arrivals.append(f["arrivals"].flatMap { readArrivals($0, path: f.path("arrivals")) })
      if let s = f["service"] {
        service.append(reader.distribution(s, path: f.path("service")))
      } else if let d = defaultService {
        service.append(d)
      } else {
        reader.report(.missingKey, "class '\(name)' has no service time", at: item, path: f.path("service"),
                      hint: "give 'service' here or at the top level for all classes")
        service.append(nil)
      }
    }
    guard !items.isEmpty else {
      reader.report(.invalidValue, "list at least one class", at: node, path: "classes")
      return nil
    }
    return (classes, service, arrivals)
  }
}
