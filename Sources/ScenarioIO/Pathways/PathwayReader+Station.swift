import Pathways
import SimKernel
import SimRandom

extension PathwayReader {
  func readStation(_ node: ScenarioNode, path: String, names: Names, resources: inout [PathwaySpec.ResourcePool])
    -> PathwaySpec.Station?
  {
    let before = reader.diagnostics.count
    guard let f = reader.fields(node, path: path, allowed: Self.stationKeys, required: ["name", "service"]),
          let name = f["name"].flatMap({ reader.string($0, path: f.path("name")) }) else { return nil }
    let resource = readResourceChoice(f, name: name, names: names, resources: &resources)
    let capacity = f["capacity"].map { reader.integer($0, path: f.path("capacity"), atLeast: 1) }
    let holds = f["hold"].map { flag($0, path: f.path("hold")) }
    let releases = f["release"].map { node in
      (node.items ?? [node]).enumerated().map { i, item in
        resourceName(item, path: node.items == nil ? f.path("release") : "\(f.path("release"))[\(i)]", names: names)
      }
    } ?? []
    let delay = f["delay"].map { reader.distribution($0, path: f.path("delay")) }
    let distributionKeys = ["dist"] + NodeReader.distributionKeys.flatMap(\.keys)
    let arrivals = perClass(f, "arrivals", names: names, classesOnly: true,
                            valueKeys: distributionKeys + ["rate", "hour_of_day", "day_of_week"]) { node, path in
      queue.readArrivals(node, path: path)
    }
    let service = perClass(f, "service", names: names, valueKeys: distributionKeys) { node, path in positive(reader.distribution(node, path: path), node, path) }
    let routing = perClass(f, "routing", names: names, mapsOnly: true,
                           valueKeys: names.stations + Self.exits.map(\.key)) { node, path in readRouting(node, path: path, names: names) }
    let patience = perClass(f, "patience", names: names, valueKeys: ["time", "then", "as"]) { node, path in readPatience(node, path: path, names: names) }
    let balk = perClass(f, "balk", names: names) { node, path in reader.integer(node, path: path, atLeast: 0) }
    let overflow = f["overflow"].map { station($0, path: f.path("overflow"), names: names) }
    if let r = f["resource"], r.scalar == "none", holds == .some(true), let h = f["hold"] {
      reader.report(.invalidValue, "a station without a resource has nothing to hold", at: h, path: f.path("hold"))
    }
    if holds == .some(true), case .some(.some(let r)) = resource, releases.contains(where: { $0 == r }), let h = f["hold"] {
      reader.report(.invalidValue, "a station cannot hold the server it releases", at: h, path: f.path("hold"),
                    hint: "hold it here and release it at a later station, or do neither")
    }
    guard reader.diagnostics.count == before, case .some(let resourceID) = resource, let arrivals, let service,
          let routing, let patience, let balk else { return nil }
    return PathwaySpec.Station(
      name: name, resource: resourceID, capacity: capacity ?? nil, holds: (holds ?? false) ?? false,
      releases: releases.compactMap { $0 }, delay: delay ?? nil, service: service, arrivals: arrivals,
      routing: routing.map { $0 ?? [] }, patience: patience, balk: balk, overflow: overflow ?? nil)
  }

  /// `resource: NAME` (a shared pool), `resource: none` (a pure delay), or the station's own
  /// `servers`/`roster` (a pool of the station's name). `.some(nil)` means no resource.
  private func readResourceChoice(_ f: Fields, name: String, names: Names, resources: inout [PathwaySpec.ResourcePool])
    -> ResourceID??
  {
    let own = f.has("servers") || f.has("roster")
    switch (f["resource"], own) {
    case (let node?, false):
      for key in ["closing", "absences"] where f.has(key) {
        if node.scalar == "none" {
          reader.report(.invalidValue, "a station with no resource has no roster for '\(key)'", at: f[key]!,
                        path: f.path(key), hint: "leave '\(key)' out")
        } else {
          reader.report(.invalidValue, "'\(key)' belongs to the resource, not to a station that uses one", at: f[key]!,
                        path: f.path(key), hint: "move it under the resource in 'resources'")
        }
      }
      if node.scalar == "none" { return .some(nil) }
      return resourceName(node, path: f.path("resource"), names: names).map { .some($0) }
    case (nil, true):
      if names.resources.contains(name) {
        reader.report(.invalidValue, "station '\(name)' has its own servers, and a shared resource has its name too",
                      at: f.node, path: f.path, hint: "give it 'resource: \(name)' instead, or rename one of them")
        return nil
      }
      guard let pool = readPool(f, name: name) else { return nil }
      resources.append(pool)
      return .some(ResourceID(resources.count - 1))
    case (_?, true):
      reader.report(.invalidValue, "give either 'resource' or the station's own 'servers'/'roster', not both",
                    at: f.node, path: f.path)
      return nil
    case (nil, false):
      if !f.misspelt.contains("servers") && !f.misspelt.contains("resource") {
        reader.reportMissing("servers", in: f, message: "missing 'servers' (or a 'roster', or a shared 'resource')",
                             hint: "write 'resource: none' for a step that needs no server (a wait, a stay)")
      }
      return nil
    }
  }

  private func resourceName(_ node: ScenarioNode, path: String, names: Names) -> ResourceID? {
    guard let name = reader.string(node, path: path) else { return nil }
    if let i = names.resources.firstIndex(of: name) { return ResourceID(i) }
    let stationWithOwn = names.stations.firstIndex(of: name)
    reader.report(.unknownName, "no resource named '\(name)'", at: node, path: path,
                  hint: stationWithOwn != nil
                    ? "a station's own servers cannot be shared; declare '\(name)' under 'resources' and give it 'resource: \(name)'"
                    : DidYouMean.hint(for: name, among: names.resources.distinctNames))
    return nil
  }

  private func flag(_ node: ScenarioNode, path: String) -> Bool? {
    switch node.scalar {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      reader.report(.wrongType, "expected true or false, found \(reader.describe(node))", at: node, path: path)
      return nil
    }
  }

  /// A time law whose mean is above zero: a step or a limit that took no time could send a
  /// patient round a loop for ever at one instant.
  func positive(_ law: Distribution?, _ node: ScenarioNode, _ path: String) -> Distribution? {
    guard let law else { return nil }
    guard law.mean > 0 else {
      reader.report(.invalidValue, "must average more than zero", at: node, path: path,
                    hint: "a step that takes no time could repeat for ever at one instant; use e.g. 1s")
      return nil
    }
    return law
  }

  /// A value for every class (`service: 10min`) or per class (`service: {opd: 10min, anc: 15min}`).
  /// - Returns: one entry per class (nil where a per-class map leaves a class out), or nil
  ///   after reporting a problem.
  func perClass<T>(_ f: Fields, _ key: String, names: Names, classesOnly: Bool = false, mapsOnly: Bool = false,
                   valueKeys: [String] = [], read: (ScenarioNode, String) -> T?) -> [T?]?
  {
    let count = names.classes.count
    guard let node = f[key] else { return Array(repeating: nil, count: count) }
    let path = f.path(key)
    if names.explicitClasses, let entries = node.entries, !entries.isEmpty {
      let keys = entries.compactMap(\.key.scalar)
      let known = keys.filter { names.classes.contains($0) }
      let valuesFit = !mapsOnly || entries.allSatisfy { $0.value.scalar == nil }
      if known.count == entries.count && valuesFit {
        var values: [T?] = Array(repeating: nil, count: count)
        var ok = true
        for e in entries {
          let c = names.classes.firstIndex(of: e.key.scalar!)!
          if let v = read(e.value, "\(path).\(e.key.scalar!)") { values[c] = v } else { ok = false }
        }
        return ok ? values : nil
      }
      // No key is a class, but one looks like a misspelt class and is not a key of the value.
      if known.isEmpty, valuesFit, let stray = keys.first(where: { key in
        !valueKeys.contains(key) && DidYouMean.suggestion(for: key, among: names.classes.distinctNames) != nil
      }) {
        reader.report(.unknownName, "'\(stray)' is not a class", at: node, path: "\(path).\(stray)",
                      hint: DidYouMean.hint(for: stray, among: names.classes.distinctNames))
        return nil
      }
      if !known.isEmpty && valuesFit {
        let stray = keys.first { !names.classes.contains($0) } ?? ""
        reader.report(.unknownName, "'\(stray)' is not a class, but \(known.map { "'\($0)'" }.joined(separator: ", ")) "
                      + (known.count == 1 ? "is" : "are") + ": a per-class '\(key)' names classes only", at: node, path: path,
                      hint: DidYouMean.hint(for: stray, among: names.classes.distinctNames))
        return nil
      }
    }
    if classesOnly && count > 1 {
      reader.report(.invalidValue, "with several classes, say which class each '\(key)' is for", at: node, path: path,
                    hint: "write '\(key): {\(names.classes[0]): …}'")
      return nil
    }
    guard let value = read(node, path) else { return nil }
    return Array(repeating: value, count: count)
  }
}
