import Pathways
import SimKernel
import SimRandom

extension PathwayReader {
  /// `classes: [{name: opd, priority: 2, returns: {visits: …, after: …, to: STATION, as: CLASS}}]`;
  /// one class `all` when absent. Returns nil entries dropped: the caller compares counts.
  func readClasses(_ items: [ScenarioNode]?, names: Names) -> [PathwaySpec.PatientClass] {
    guard let items else { return [.init(name: "all")] }
    var classes: [PathwaySpec.PatientClass] = []
    for (i, item) in items.enumerated() {
      let path = "classes[\(i)]"
      guard let f = reader.fields(item, path: path, allowed: Self.classKeys, required: ["name"]),
            let name = f["name"].flatMap({ reader.string($0, path: f.path("name")) }) else { continue }
      let priority = f["priority"].map { reader.integer($0, path: f.path("priority"), atLeast: -Limits.count) }
        ?? ScenarioDefaults.classPriority
      var returns: PathwaySpec.Returns??
      if let node = f["returns"] { returns = readReturns(node, path: f.path("returns"), names: names) }
      guard let priority, returns.map({ $0 != nil }) ?? true else { continue }
      classes.append(.init(name: name, priority: priority, returns: returns ?? nil))
    }
    return classes
  }

  private func readReturns(_ node: ScenarioNode, path: String, names: Names) -> PathwaySpec.Returns? {
    guard let f = reader.fields(node, path: path, allowed: ["visits", "after", "to", "as", "hours", "days"],
                                required: ["visits", "after", "to"])
    else { return nil }
    let window = f.has("hours") || f.has("days") ? readWindow(f) : nil
    let visits = f["visits"].flatMap { count(distribution: $0, path: f.path("visits")) }
    let after = f["after"].flatMap { reader.distribution($0, path: f.path("after")) }
    let to = f["to"].flatMap { station($0, path: f.path("to"), names: names) }
    let asClass = f["as"].map { patientClass($0, path: f.path("as"), names: names) }
    guard let visits, let after, let to, asClass.map({ $0 != nil }) ?? true,
          window != nil || !(f.has("hours") || f.has("days")) else { return nil }
    return .init(visits: visits, after: after, station: to, asClass: asClass ?? nil, window: window)
  }

  /// `hours: 09:00-13:00` (default all day) and `days: [mon, …]` (default every day).
  private func readWindow(_ f: Fields) -> PathwaySpec.ReturnWindow? {
    var (start, end) = (0.0, 1440.0)
    var ok = true
    if let h = f["hours"] {
      if let range = clockRange(h, path: f.path("hours"), wrapsMidnight: false) {
        (start, end) = range
      } else {
        ok = false
      }
    }
    var days = Array(repeating: f["days"] == nil, count: 7)
    if let node = f["days"] {
      let items = reader.list(node, path: f.path("days"), atMost: 7) ?? []
      for (i, item) in items.enumerated() {
        let p = "\(f.path("days"))[\(i)]"
        guard let name = reader.string(item, path: p) else { ok = false; continue }
        guard let d = CareNetworkReader.weekdays.firstIndex(of: name.lowercased()) else {
          reader.report(.unknownName, "unknown weekday '\(name)'", at: item, path: p,
                        hint: DidYouMean.hint(for: name, among: CareNetworkReader.weekdays))
          ok = false
          continue
        }
        days[d] = true
      }
      if !days.contains(true) {
        if ok { reader.report(.invalidValue, "list at least one weekday", at: node, path: f.path("days")) }
        ok = false
      }
    }
    return ok ? PathwaySpec.ReturnWindow(start: start, end: end, days: days) : nil
  }

  /// How many visits: a whole number (`4`) or `{values: [1, 3, 6], probabilities: [0.3, 0.4,
  /// 0.3]}`, each value a whole number from 1 to ``PathwaySpec/mostVisits``.
  private func count(distribution node: ScenarioNode, path: String) -> Distribution? {
    if node.scalar != nil {
      guard let n = reader.integer(node, path: path, atLeast: 1, atMost: PathwaySpec.mostVisits) else { return nil }
      return try? .constant(Double(n))
    }
    guard let f = reader.fields(node, path: path, allowed: ["values", "probabilities"], required: ["values", "probabilities"]),
          let valuesNode = f["values"], let items = reader.list(valuesNode, path: f.path("values"), atMost: 1000),
          let probabilities = f["probabilities"].flatMap({ reader.numbers($0, path: f.path("probabilities"), atLeast: 0, atMost: 1) })
    else { return nil }
    let values = items.enumerated().map { i, item in
      reader.integer(item, path: "\(f.path("values"))[\(i)]", atLeast: 1, atMost: PathwaySpec.mostVisits)
    }
    guard values.allSatisfy({ $0 != nil }) else { return nil }
    do {
      return try .discrete(values: values.map { Double($0!) }, probabilities: probabilities)
    } catch {
      reader.report(.invalidValue, error.message, at: node, path: path)
      return nil
    }
  }

  /// `NAME` of a station, as its ID.
  func station(_ node: ScenarioNode, path: String, names: Names) -> StationID? {
    position(node, path: path, kind: "station", among: names.stations).map(StationID.init)
  }

  /// `NAME` of a class, as its ID.
  func patientClass(_ node: ScenarioNode, path: String, names: Names) -> ClassID? {
    position(node, path: path, kind: "class", among: names.classes).map(ClassID.init)
  }

  /// Where the name at `node` stands in `list`, or nil after reporting that none is so named.
  private func position(_ node: ScenarioNode, path: String, kind: String, among list: [String]) -> Int? {
    guard let name = reader.string(node, path: path) else { return nil }
    guard let i = list.firstIndex(of: name) else {
      reader.report(.unknownName, "no \(kind) named '\(name)'", at: node, path: path,
                    hint: DidYouMean.hint(for: name, among: list.distinctNames))
      return nil
    }
    return i
  }

  /// `HH:MM-HH:MM` as minutes after midnight, the end after the start or, when the range may
  /// run past midnight, only different from it; nil after reporting anything else.
  func clockRange(_ node: ScenarioNode, path: String, wrapsMidnight: Bool) -> (start: Double, end: Double)? {
    guard let text = reader.string(node, path: path) else { return nil }
    let clock = CareNetworkReader(reader: reader)
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { clock.clock(String($0)) }
    if parts.count == 2, let start = parts[0], let end = parts[1], wrapsMidnight ? start != end : start < end {
      return (start, end)
    }
    reader.report(.invalidValue, "'\(text)' is not " + (wrapsMidnight ? "a time of day range" : "a range of clinic hours"),
                  at: node, path: path,
                  hint: wrapsMidnight ? "write HH:MM-HH:MM, e.g. 09:00-14:00 (a range may run past midnight: 20:00-08:00)"
                                      : "write HH:MM-HH:MM within one day, e.g. 09:00-13:00")
    return nil
  }

  /// `resources[i]`: `{name, servers | roster, closing, absences}`.
  func readResource(_ node: ScenarioNode, path: String) -> PathwaySpec.ResourcePool? {
    guard let f = reader.fields(node, path: path, allowed: Self.resourceKeys, required: ["name"]),
          let name = f["name"].flatMap({ reader.string($0, path: f.path("name")) }) else { return nil }
    return readPool(f, name: name)
  }

  /// The servers, closing rule and absences of a pool (a resource, or a station's own).
  func readPool(_ f: Fields, name: String) -> PathwaySpec.ResourcePool? {
    let roster = queue.readServers(f)
    let closing = f["closing"].flatMap { node -> PathwaySpec.ClosingRule? in
      guard let text = reader.string(node, path: f.path("closing")) else { return nil }
      guard let rule = PathwaySpec.ClosingRule(rawValue: text) else {
        reader.report(.invalidValue, "unknown closing rule '\(text)'", at: node, path: f.path("closing"),
                      hint: DidYouMean.hint(for: text, among: PathwaySpec.ClosingRule.allCases.map(\.rawValue)))
        return nil
      }
      return rule
    }
    guard let roster else { return nil }
    let withAbsences = f["absences"].map { readAbsences($0, path: f.path("absences"), roster: roster) } ?? roster
    guard let withAbsences, f["closing"] == nil || closing != nil else { return nil }
    return .init(name: name, roster: withAbsences, shift: roster, closing: closing ?? ScenarioDefaults.closingRule)
  }

  /// `absences: [{at: 12h, for: 30min, servers: 1, every: 1d}]`: non-patient work, taken off
  /// the roster (never below zero) once in every `every` (default: the roster's period, a day
  /// for a plain `servers:`), which must divide the roster's period.
  private func readAbsences(_ node: ScenarioNode, path: String, roster given: Roster) -> Roster? {
    guard let items = reader.list(node, path: path, atMost: 1000) else { return nil }
    // A constant roster (`servers: 2`) repeats over any period: stretch it to the longest
    // `every`, so that a weekly absence needs no roster written out.
    var roster = given
    if given.changes.count == 1 {
      let longest = items.compactMap { $0["every"].flatMap { Units.minutes(in: $0.scalar ?? "") } }
        .filter { $0 > 0 && $0 <= Limits.longestMinutes }.max() ?? given.period.minutes
      roster = Roster(period: SimDuration(minutes: max(longest, given.period.minutes)), changes: given.changes)
    }
    let period = roster.period.minutes
    var windows: [(start: Double, end: Double, servers: Int)] = []
    var parsed = 0
    for (i, item) in items.enumerated() {
      let p = "\(path)[\(i)]"
      guard let f = reader.fields(item, path: p, allowed: ["at", "for", "servers", "every"], required: ["at", "for"]),
            let at = f["at"].flatMap({ reader.duration($0, path: f.path("at")) }),
            let length = f["for"].flatMap({ reader.duration($0, path: f.path("for"), allowZero: false) })
      else { continue }
      let servers = f["servers"].map { reader.integer($0, path: f.path("servers"), atLeast: 1) } ?? 1
      let every = f["every"].map { reader.duration($0, path: f.path("every"), allowZero: false) } ?? period
      guard let servers, let every else { continue }
      let repeats = (period / every).rounded()
      guard repeats <= 10_000 else {
        reader.report(.invalidValue, "an absence every \(f["every"]?.scalar ?? "") repeats \(Limits.text(repeats)) times a period; at most 10,000",
                      at: f["every"] ?? item, path: f.path("every"), hint: "a break shorter than a minute is not worth modelling")
        continue
      }
      guard repeats >= 1, abs(repeats * every - period) < 1e-6 else {
        reader.report(.invalidValue, "'every' must divide the roster's period (\(Limits.text(period / 60)) h)", at: f["every"] ?? item,
                      path: f.path("every"), hint: "e.g. every: 1d in a weekly roster")
        continue
      }
      guard at < every, length < every else {
        reader.report(.invalidValue, "an absence must start and end within its 'every' (\(Limits.text(every / 60)) h)",
                      at: item, path: p, hint: "'at' is an offset from the start of each 'every'; 'for' is shorter than it")
        continue
      }
      for k in 0..<Int(repeats) { windows.append((at + Double(k) * every, at + Double(k) * every + length, servers)) }
      parsed += 1
    }
    guard parsed == items.count else { return nil }
    // Breakpoints of the combined timetable over one period.
    var points = Set(roster.changes.map(\.offset.minutes))
    points.insert(0)
    for w in windows {
      points.insert(w.start)
      points.insert(w.end.truncatingRemainder(dividingBy: period))
    }
    // Rounding in `every` × repeats may put a point a hair past the period: fold it away.
    let sorted = points.filter { $0 >= 0 && $0 < period }.sorted()
    var changes: [Roster.Change] = []
    for t in sorted {
      var level = roster.servers(at: SimTime(minutes: t))
      for w in windows where (t >= w.start && t < w.end) || (w.end > period && t < w.end - period) { level -= w.servers }
      level = max(level, 0)
      if changes.last?.servers != level { changes.append(.init(offset: SimDuration(minutes: t), servers: level)) }
    }
    return Roster(period: roster.period, changes: changes)
  }
}
