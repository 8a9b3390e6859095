import Pathways
import SimKernel
import SimRandom

/// Reads a `kind: network` file that uses patient classes, shared resources, waiting-time
/// limits, overflow, returns, closing rules or rule-based routing (docs/pathways.md).
struct PathwayReader {
  let reader: NodeReader
  var queue: QueueReader { QueueReader(reader: reader) }

  static let stationKeys = QueueReader.networkStationKeys
    + ["resource", "hold", "release", "delay", "patience", "balk", "overflow", "closing", "absences"]
  static let resourceKeys = ["name", "servers", "roster", "closing", "absences"]
  static let classKeys = ["name", "priority", "returns"]
  /// Keys that only pathway networks know: a file with any of them is read here.
  static let pathwayOnlyStationKeys = ["resource", "hold", "release", "delay", "patience", "balk", "overflow",
                                       "closing", "absences"]
  /// Names a class may not take: they are keys of the values a per-class map could hold.
  static let reservedClassNames = ["dist", "rate", "time", "then", "as", "hours", "free", "to", "p", "referred",
                                   "hour_of_day", "day_of_week", "all_classes"]
    + NodeReader.distributionKeys.flatMap(\.keys)
  /// Most (station, class) pairs: the reader and the model keep a few values for each.
  static let mostStates = 100_000
  /// Names that begin metrics of their own (`network.throughput`, `class.opd.referred`).
  static let reservedPrefixes = ["network", "class"]
  /// Routing and patience targets that leave the network rather than name a station.
  static let exits: [(key: String, outcome: PathwaySpec.Outcome)] = [("referred", .referred), ("reneged", .reneged)]

  /// Whether the network's fields use anything a plain network does not have.
  static func needsPathways(_ f: Fields) -> Bool {
    if f.has("classes") || f.has("resources") { return true }
    guard let stations = f["stations"]?.items else { return false }
    if f["stations"]?.entries != nil { return true }
    return stations.contains { s in
      (s.entries ?? []).contains { e in
        guard let key = e.key.scalar else { return false }
        return pathwayOnlyStationKeys.contains(key) || (key == "routing" && e.value.items != nil)
      }
    }
  }

  /// Names read in a first pass, so that any part may refer to any other.
  struct Names {
    var classes: [String]
    var stations: [String]
    var resources: [String]
    var explicitClasses: Bool
  }

  func read(_ f: Fields) -> PathwaySpec? {
    let before = reader.diagnostics.count
    guard let listNode = f["stations"] else {
      reader.reportMissing("stations", in: f)
      return nil
    }
    guard let items = namedItems(listNode, path: "stations") else { return nil }
    guard !items.isEmpty else {
      reader.report(.invalidValue, "list at least one station", at: listNode, path: "stations")
      return nil
    }
    let classItems = f["classes"].flatMap { reader.list($0, path: "classes", atMost: Limits.stations) }
    if let node = f["classes"], classItems?.isEmpty == true {
      reader.report(.invalidValue, "list at least one class", at: node, path: "classes",
                    hint: "leave 'classes' out for one class, 'all'")
      return nil
    }
    let resourceItems = f["resources"].flatMap { namedItems($0, path: "resources") } ?? []
    let names = readNames(classes: classItems, resources: resourceItems, stations: items)
    let classes = readClasses(classItems, names: names)
    // Every per-class list and the reader's checks have one entry per (station, class).
    if names.classes.count * items.count > Self.mostStates, let node = f["classes"] {
      reader.report(.invalidValue, "\(names.classes.count) classes at \(items.count) stations make "
                    + "\(names.classes.count * items.count) (station, class) pairs; at most \(Self.mostStates)",
                    at: node, path: "classes", hint: "see 'Limits' in docs/scenario-reference.md")
      return nil
    }
    var resources = resourceItems.compactMap { readResource($0.node, path: $0.path) }
    let sharedRead = resources.count == resourceItems.count
    var stations: [PathwaySpec.Station] = []
    for item in items {
      if let s = readStation(item.node, path: item.path, names: names, resources: &resources) { stations.append(s) }
    }
    guard reader.diagnostics.count == before, stations.count == items.count,
          sharedRead, classes.count == names.classes.count
    else { return nil }
    var spec = PathwaySpec(classes: classes, resources: resources, stations: stations)
    guard let reached = check(spec, at: listNode, items: items) else { return nil }
    // A law for a class that never comes would only add empty rows to every report.
    for s in spec.stations.indices {
      for c in spec.classes.indices where !reached[s][c] { spec.stations[s].service[c] = nil }
    }
    return spec
  }

  /// A list of named entries, or a mapping from each name to the rest of its entry
  /// (`resources: {bed: {servers: 6}}`), which a file that `extends:` this one can change key
  /// by key (`resources: {bed: {servers: 30}}`).
  private func namedItems(_ node: ScenarioNode, path: String) -> [Item]? {
    guard let entries = node.entries else {
      return reader.list(node, path: path, atMost: Limits.stations)?.enumerated().map { Item(node: $1, path: "\(path)[\($0)]") }
    }
    guard entries.count <= Limits.stations else {
      reader.report(.invalidValue, "\(entries.count) entries; at most \(Limits.stations)", at: node, path: path)
      return nil
    }
    var items: [Item] = []
    for e in entries {
      let itemPath = "\(path).\(e.key.scalar ?? "")"
      guard let body = e.value.entries else {
        reader.report(.wrongType, "expected the entry's keys (servers, roster, …), found \(reader.describe(e.value))",
                      at: e.value, path: itemPath, hint: "e.g. \(e.key.scalar ?? "bed"): {servers: 6}")
        return nil
      }
      if let stray = body.first(where: { $0.key.scalar == "name" }) {
        reader.report(.invalidValue, "the key '\(e.key.scalar ?? "")' names this entry already", at: stray.key,
                      path: "\(itemPath).name", hint: "leave 'name' out, or write a list of entries with names")
      }
      let nameEntry = ScenarioNode.Entry(key: ScenarioNode(content: .scalar("name"), location: e.key.location), value: e.key)
      let rest = body.filter { $0.key.scalar != "name" }
      items.append(Item(node: ScenarioNode(content: .mapping([nameEntry] + rest), location: e.value.location), path: itemPath))
    }
    return items
  }

  /// An entry of `stations` or `resources` and its key path.
  struct Item {
    var node: ScenarioNode
    var path: String
  }

  private func readNames(classes: [ScenarioNode]?, resources: [Item], stations: [Item]) -> Names {
    func names(_ items: [Item], _ noun: String) -> [String] {
      var seen: [String] = []
      for item in items {
        guard let node = item.node["name"], let name = node.scalar, !name.isEmpty else { seen.append(""); continue }
        if seen.contains(name) {
          reader.report(.invalidValue, "\(noun) '\(name)' is defined twice", at: node, path: "\(item.path).name")
        }
        if !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
          reader.report(.invalidValue, "names may hold letters, digits, '-' and '_' only", at: node, path: "\(item.path).name",
                        hint: "metric names are NAME.wait.mean, and CSV columns carry them")
        }
        seen.append(name)
      }
      return seen
    }
    let classNames = classes.map { names($0.enumerated().map { Item(node: $1, path: "classes[\($0)]") }, "class") } ?? ["all"]
    let stationNames = names(stations, "station")
    let resourceNames = names(resources, "resource")
    for (i, item) in (classes ?? []).enumerated() {
      if let node = item["name"], let name = node.scalar, Self.reservedClassNames.contains(name) {
        reader.report(.invalidValue, "'\(name)' cannot name a class: it is a key of the values classes are given",
                      at: node, path: "classes[\(i)].name", hint: "choose another name, e.g. '\(name)-patients'")
      }
    }
    for item in stations {
      if let node = item.node["name"], let name = node.scalar, Self.exits.contains(where: { $0.key == name }) {
        reader.report(.invalidValue, "'\(name)' cannot name a station: it means leaving the network",
                      at: node, path: "\(item.path).name", hint: "choose another name, e.g. 'district-hospital'")
      }
    }
    for item in resources {
      if let node = item.node["name"], node.scalar == "none" {
        reader.report(.invalidValue, "'none' cannot name a resource: 'resource: none' means a step with no server",
                      at: node, path: "\(item.path).name", hint: "choose another name")
      }
    }
    for (i, name) in classNames.enumerated() where !name.isEmpty && stationNames.contains(name) {
      let node = classes?[i]["name"] ?? classes?[i]
      if let node {
        reader.report(.invalidValue, "class '\(name)' has the name of a station", at: node, path: "classes[\(i)].name",
                      hint: "a per-class 'routing' could not tell them apart; rename one, e.g. '\(name)-patients'")
      }
    }
    for item in stations + resources {
      if let node = item.node["name"], let name = node.scalar, Self.reservedPrefixes.contains(name) {
        reader.report(.invalidValue, "'\(name)' cannot name a station or resource: metric names begin with it",
                      at: node, path: "\(item.path).name", hint: "choose another name, e.g. '\(name)-desk'")
      }
    }
    return Names(classes: classNames, stations: stationNames, resources: resourceNames, explicitClasses: classes != nil)
  }
}

extension [String] {
  /// The names for a did-you-mean hint: each once, none empty (a file with a duplicate or a
  /// missing name still gets a clean list).
  var distinctNames: [String] {
    var seen: [String] = []
    for name in self where !name.isEmpty && !seen.contains(name) { seen.append(name) }
    return seen
  }
}
