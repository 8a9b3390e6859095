import Pathways

extension PathwayReader {
  /// Checks the network as a whole: someone arrives; every class that can reach a station has
  /// a service time there; overflow never goes round in a circle; and every patient can
  /// leave. Reachability is over every rule and branch at once (over-approximated), so
  /// nothing a run can do is left unchecked.
  /// - Returns: which classes can reach each station (`[station][class]`), or nil after
  ///   reporting a problem.
  func check(_ spec: PathwaySpec, at listNode: ScenarioNode, items: [Item]) -> [[Bool]]? {
    guard spec.stations.contains(where: { $0.arrivals.contains { $0 != nil } }) else {
      reader.report(.missingKey, "no station has arrivals from outside", at: listNode, path: "stations",
                    hint: "give 'arrivals' to at least one station")
      return nil
    }
    let classes = spec.classes.count
    let states = spec.stations.count * classes
    var next: [[Int]] = Array(repeating: [], count: states)
    var leaves = Array(repeating: false, count: states)
    for (s, station) in spec.stations.enumerated() {
      for c in 0..<classes {
        let here = s * classes + c
        func add(_ destination: PathwaySpec.Destination) {
          switch destination {
          case .station(let t, let asClass): next[here].append(t.index * classes + (asClass?.index ?? c))
          case .exit: leaves[here] = true
          }
        }
        let rules = station.routing[c]
        // A patient leaves when no rule holds (no unconditional rule) or a rule's branches
        // leave some probability over.
        if !rules.contains(where: { $0.condition == .always })
          || rules.contains(where: { $0.branches.reduce(0) { $0 + $1.probability } < 1 - 1e-12 }) {
          leaves[here] = true
        }
        for rule in rules { for b in rule.branches { add(b.destination) } }
        if let p = station.patience[c] { add(p.then) }
        if let o = station.overflow { next[here].append(o.index * classes + c) } else if station.capacity != nil { leaves[here] = true }
        if station.balk[c] != nil { leaves[here] = true }
      }
    }
    var reached = Array(repeating: false, count: states)
    var stack: [Int] = []
    // Patients enter from outside, and come back (as the return rule of the class they
    // came in as says) to the rule's station.
    for (s, station) in spec.stations.enumerated() {
      for c in 0..<classes where station.arrivals[c] != nil {
        var entries = [s * classes + c]
        if let r = spec.classes[c].returns { entries.append(r.station.index * classes + (r.asClass?.index ?? c)) }
        for e in entries where !reached[e] {
          reached[e] = true
          stack.append(e)
        }
      }
    }
    while let here = stack.popLast() {
      for n in next[here] where !reached[n] {
        reached[n] = true
        stack.append(n)
      }
    }
    var ok = true
    for (s, station) in spec.stations.enumerated() {
      for c in 0..<classes where reached[s * classes + c] && station.service[c] == nil {
        reader.report(.missingKey, "class '\(spec.classes[c].name)' can reach station '\(station.name)' but has no service time there",
                      at: items[s].node["service"] ?? items[s].node, path: "\(items[s].path).service",
                      hint: "add '\(spec.classes[c].name): …' to this station's per-class 'service'")
        ok = false
      }
    }
    ok = checkOverflow(spec, items: items) && ok
    if ok { ok = checkLimitCycles(spec, items: items) }
    // Which states can reach a way out: walk the edges backwards from those that leave.
    var previous: [[Int]] = Array(repeating: [], count: states)
    for here in 0..<states { for n in next[here] { previous[n].append(here) } }
    var canLeave = leaves
    var frontier = (0..<states).filter { leaves[$0] }
    while let here = frontier.popLast() {
      for p in previous[here] where !canLeave[p] {
        canLeave[p] = true
        frontier.append(p)
      }
    }
    for here in 0..<states where reached[here] && !canLeave[here] {
      let (s, c) = (here / classes, here % classes)
      reader.report(.invalidValue, "patients of class '\(spec.classes[c].name)' at station '\(spec.stations[s].name)' can never leave the network",
                    at: items[s].node["routing"] ?? items[s].node, path: "\(items[s].path).routing",
                    hint: "make sure some routing probability leads out of every loop (or to 'referred')")
      ok = false
    }
    guard ok else { return nil }
    return spec.stations.indices.map { s in (0..<classes).map { reached[s * classes + $0] } }
  }

  /// A patient whose waiting-time limit sends them, through limits and overflows alone, back
  /// to where they gave up could pass round for ever without being served (once per limit,
  /// which may be a microsecond): such a circle is refused.
  private func checkLimitCycles(_ spec: PathwaySpec, items: [Item]) -> Bool {
    let classes = spec.classes.count
    let states = spec.stations.count * classes
    var next: [[Int]] = Array(repeating: [], count: states)
    for (s, station) in spec.stations.enumerated() {
      for c in 0..<classes {
        if let p = station.patience[c], case .station(let t, let asClass) = p.then {
          next[s * classes + c].append(t.index * classes + (asClass?.index ?? c))
        }
        if let o = station.overflow, station.capacity != nil { next[s * classes + c].append(o.index * classes + c) }
      }
    }
    // Depth-first search for a circle (colours: 0 new, 1 on the path, 2 done).
    var colour = Array(repeating: 0, count: states)
    for start in 0..<states where colour[start] == 0 && !next[start].isEmpty {
      var stack: [(state: Int, edge: Int)] = [(start, 0)]
      colour[start] = 1
      while let top = stack.last {
        if top.edge < next[top.state].count {
          stack[stack.count - 1].edge += 1
          let n = next[top.state][top.edge]
          if colour[n] == 1 {
            let path = stack.map(\.state).drop { $0 != n } + [n]
            let circle = path.map { spec.stations[$0 / classes].name }.joined(separator: " → ")
            let s = n / classes
            reader.report(.invalidValue, "class '\(spec.classes[n % classes].name)' could pass round for ever by waiting-time limits and overflow: \(circle)",
                          at: items[s].node["patience"] ?? items[s].node["overflow"] ?? items[s].node,
                          path: "\(items[s].path).\(items[s].node["patience"] != nil ? "patience" : "overflow")",
                          hint: "send one of them on to a station that does not lead back, or to 'referred'")
            return false
          }
          if colour[n] == 0 {
            colour[n] = 1
            stack.append((n, 0))
          }
        } else {
          colour[top.state] = 2
          stack.removeLast()
        }
      }
    }
    return true
  }

  /// Overflow from a full station must end somewhere: a circle of full stations would pass a
  /// patient round for ever at one instant.
  private func checkOverflow(_ spec: PathwaySpec, items: [Item]) -> Bool {
    for (s, station) in spec.stations.enumerated() where station.overflow != nil {
      var seen = [s]
      var at = station.overflow
      while let t = at?.index {
        if seen.contains(t) {
          let circle = (seen + [t]).map { spec.stations[$0].name }.joined(separator: " → ")
          reader.report(.invalidValue, "overflow goes round in a circle: \(circle)", at: items[s].node["overflow"] ?? items[s].node,
                        path: "\(items[s].path).overflow", hint: "let the last station in the chain refuse, or give it no capacity limit")
          return false
        }
        seen.append(t)
        at = spec.stations[t].capacity == nil ? nil : spec.stations[t].overflow
      }
    }
    return true
  }
}
