import Pathways
import SimKernel
import SimRandom

extension PathwayReader {
  /// `routing: {lab: 0.3, doctor: {p: 0.2, as: followup}, referred: 0.05}`, or a list of rules
  /// tried in order: `[{hours: 09:00-14:00, to: {…}}, {free: doctor, to: {…}}, {to: {…}}]`.
  func readRouting(_ node: ScenarioNode, path: String, names: Names) -> [PathwaySpec.Rule]? {
    guard let items = node.items else {
      return readBranches(node, path: path, names: names).map { [PathwaySpec.Rule(branches: $0)] }
    }
    var rules: [PathwaySpec.Rule] = []
    for (i, item) in items.enumerated() {
      let p = "\(path)[\(i)]"
      guard let f = reader.fields(item, path: p, allowed: ["hours", "free", "to"], required: ["to"]) else { continue }
      var condition = PathwaySpec.Condition.always
      if f.has("hours") && f.has("free") {
        reader.report(.invalidValue, "a rule takes one condition, 'hours' or 'free'", at: item, path: p,
                      hint: "write two rules, one after the other")
        continue
      }
      if let h = f["hours"] {
        guard let range = clockRange(h, path: f.path("hours"), wrapsMidnight: true) else { continue }
        condition = .hours(start: range.start, end: range.end)
      }
      if let free = f["free"] {
        guard let s = station(free, path: f.path("free"), names: names) else { continue }
        condition = .free(s)
      }
      guard let branches = f["to"].flatMap({ readBranches($0, path: f.path("to"), names: names) }) else { continue }
      rules.append(.init(condition: condition, branches: branches))
    }
    guard rules.count == items.count else { return nil }
    if items.isEmpty {
      reader.report(.invalidValue, "list at least one rule", at: node, path: path,
                    hint: "leave 'routing' out for a step after which patients leave")
      return nil
    }
    return rules
  }

  /// `{STATION: p, STATION: {p: 0.2, as: CLASS}, referred: p}`; what is left over leaves the
  /// network, counted as completed.
  private func readBranches(_ node: ScenarioNode, path: String, names: Names) -> [PathwaySpec.Branch]? {
    guard let entries = node.entries else {
      reader.report(.wrongType, "expected a mapping of stations to probabilities, found \(reader.describe(node))",
                    at: node, path: path, hint: "e.g. {lab: 0.3, pharmacy: 0.6}")
      return nil
    }
    var branches: [PathwaySpec.Branch] = []
    var ok = true
    for e in entries {
      guard let key = e.key.scalar else { ok = false; continue }
      let p = "\(path).\(key)"
      let destination: PathwaySpec.Destination
      if let exit = Self.exits.first(where: { $0.key == key }) {
        destination = .exit(exit.outcome)
      } else if let i = names.stations.firstIndex(of: key) {
        destination = .station(StationID(i), asClass: nil)
      } else {
        reader.report(.unknownName, "no station named '\(key)'", at: e.key, path: p,
                      hint: DidYouMean.hint(for: key, among: names.stations.distinctNames + ["referred"]))
        ok = false
        continue
      }
      var probabilityNode = e.value
      var asClass: ClassID?
      if e.value.entries != nil {
        guard let f = reader.fields(e.value, path: p, allowed: ["p", "as"], required: ["p"]), let pn = f["p"] else {
          ok = false
          continue
        }
        probabilityNode = pn
        if let a = f["as"] {
          guard case .station = destination else {
            reader.report(.invalidValue, "'as' changes the class of a patient who goes on to a station", at: a, path: f.path("as"))
            ok = false
            continue
          }
          guard let c = patientClass(a, path: f.path("as"), names: names) else { ok = false; continue }
          asClass = c
        }
      }
      let probabilityPath = e.value.entries != nil ? "\(p).p" : p
      guard let probability = reader.number(probabilityNode, path: probabilityPath, atLeast: 0, atMost: 1) else {
        ok = false
        continue
      }
      if case .station(let s, nil) = destination, asClass != nil {
        branches.append(.init(probability: probability, destination: .station(s, asClass: asClass)))
      } else {
        branches.append(.init(probability: probability, destination: destination))
      }
    }
    let total = branches.reduce(0) { $0 + $1.probability }
    if ok && total > 1 + 1e-9 {
      reader.report(.invalidValue, "routing probabilities add up to \(Limits.text(total)), more than 1", at: node, path: path,
                    hint: "the share that leaves the network is 1 minus their sum")
      ok = false
    }
    return ok ? branches : nil
  }

  /// `patience: {time: DIST, then: STATION | referred | reneged, as: CLASS}` (`then` defaults
  /// to reneged).
  func readPatience(_ node: ScenarioNode, path: String, names: Names) -> PathwaySpec.Patience? {
    guard let f = reader.fields(node, path: path, allowed: ["time", "then", "as"], required: ["time"]),
          let timeNode = f["time"] else { return nil }
    let limit = positive(reader.distribution(timeNode, path: f.path("time")), timeNode, f.path("time"))
    var then = PathwaySpec.Destination.exit(.reneged)
    var ok = true
    if let t = f["then"] {
      if let text = t.scalar, let exit = Self.exits.first(where: { $0.key == text }) {
        then = .exit(exit.outcome)
      } else if let s = station(t, path: f.path("then"), names: names) {
        let asClass = f["as"].map { patientClass($0, path: f.path("as"), names: names) }
        if case .some(nil) = asClass { ok = false }
        then = .station(s, asClass: asClass ?? nil)
      } else {
        ok = false
      }
    }
    if let a = f["as"], case .exit = then, ok {
      reader.report(.invalidValue, "'as' changes the class of a patient who goes on to a station", at: a, path: f.path("as"))
      ok = false
    }
    guard let limit, ok else { return nil }
    return .init(limit: limit, then: then)
  }
}
