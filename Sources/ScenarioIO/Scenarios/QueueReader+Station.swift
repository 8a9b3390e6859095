import QueueNetwork
import SimKernel
import SimRandom
import SimStats

extension QueueReader {
  /// `servers: 4`, or `roster: {period: 1d, changes: [{at: 8h, servers: 4}, …]}`.
  func readServers(_ f: Fields) -> Roster? {
    switch (f["servers"], f["roster"]) {
    case (let s?, nil):
      return reader.integer(s, path: f.path("servers"), atLeast: 1).map { Roster.constant($0) }
    case (nil, let r?):
      return readRoster(r, path: f.path("roster"))
    case (_?, _?):
      reader.report(.invalidValue, "give either 'servers' or 'roster', not both", at: f.node, path: f.path)
      return nil
    case (nil, nil):
      if !f.misspelt.contains("roster") {
        reader.reportMissing("servers", in: f, message: "missing 'servers' (or a 'roster')")
      }
      return nil
    }
  }

  /// `capacity: K` (customers waiting and in service), which must hold every server the
  /// roster ever puts on duty; `.some(nil)` when absent, `nil` when invalid.
  func readCapacity(_ f: Fields, roster: Roster?) -> Int?? {
    guard let node = f["capacity"] else { return .some(nil) }
    guard let k = reader.integer(node, path: f.path("capacity"), atLeast: 1) else { return nil }
    let most = roster?.changes.map(\.servers).max() ?? 0
    if k < most {
      reader.report(.invalidValue, "capacity \(k) is below the \(most) servers", at: node, path: f.path("capacity"),
                    hint: "capacity counts customers waiting and in service, so it must be at least the servers")
      return nil
    }
    return .some(k)
  }

  func readRoster(_ node: ScenarioNode, path: String) -> Roster? {
    guard let f = reader.fields(node, path: path, allowed: ["period", "changes"], required: ["period", "changes"]),
          let period = f["period"].flatMap({ reader.duration($0, path: f.path("period"), allowZero: false) }),
          let items = f["changes"].flatMap({ reader.list($0, path: f.path("changes")) })
    else { return nil }
    var changes: [Roster.Change] = []
    for (i, item) in items.enumerated() {
      let p = "\(f.path("changes"))[\(i)]"
      guard let c = reader.fields(item, path: p, allowed: ["at", "servers"], required: ["at", "servers"]),
            let at = c["at"].flatMap({ reader.duration($0, path: c.path("at")) }),
            let servers = c["servers"].flatMap({ reader.integer($0, path: c.path("servers"), atLeast: 0) })
      else { continue }
      if at >= period {
        reader.report(.invalidValue, "change at \(c["at"]?.scalar ?? "") is not inside the period \(f["period"]?.scalar ?? "")",
                      at: item, path: c.path("at"), hint: "offsets run from 0 up to, not including, the period")
        continue
      }
      if let last = changes.last, last.offset.minutes >= at {
        reader.report(.invalidValue, "changes must be in increasing order of 'at'", at: item, path: c.path("at"))
        continue
      }
      changes.append(.init(offset: SimDuration(minutes: at), servers: servers))
    }
    guard changes.count == items.count, !changes.isEmpty else {
      if items.isEmpty { reader.report(.invalidValue, "list at least one change", at: node, path: f.path("changes")) }
      return nil
    }
    return Roster(period: SimDuration(minutes: period), changes: changes)
  }

  /// `{dist: …}` (inter-arrival times), `{rate: 9/h}` (Poisson), or
  /// `{rate: 9/h, hour_of_day: [24 factors], day_of_week: [7 factors]}` (time-varying Poisson).
  func readArrivals(_ node: ScenarioNode, path: String) -> ArrivalProcess? {
    guard let process = readArrivalProcess(node, path: path) else { return nil }
    // A renewal law whose mean gap is (nearly) zero, or a profile whose busiest hour is too
    // fast, would stop the clock: every arrival at the same instant.
    let peak = process.interArrival == nil ? process.peakRatePerMinute : process.meanRatePerMinute
    guard peak.isFinite, peak <= Limits.fastestRatePerMinute else {
      reader.report(.invalidValue, "arrivals come faster than 100,000 a minute" + (peak.isFinite ? " (\(Limits.text(peak))/min)" : ""),
                    at: node, path: path, hint: Limits.rateBounds + " at every hour")
      return nil
    }
    return process
  }

  private func readArrivalProcess(_ node: ScenarioNode, path: String) -> ArrivalProcess? {
    if let s = node.scalar {
      guard s.contains("/") else { return reader.distribution(node, path: path).map { .renewal($0) } }
      return reader.rate(node, path: path).flatMap { try? .renewal(.exponential(rate: $0)) }
    }
    if node.entries != nil, node["dist"] != nil || node["rate"] == nil {
      return reader.distribution(node, path: path).map { .renewal($0) }
    }
    guard let f = reader.fields(node, path: path, allowed: ["rate", "hour_of_day", "day_of_week"],
                                required: ["rate"]),
          let rate = f["rate"].flatMap({ reader.rate($0, path: f.path("rate")) })
    else { return nil }
    if !f.has("hour_of_day") && !f.has("day_of_week") {
      return try? .renewal(.exponential(rate: rate))
    }
    let hours = f["hour_of_day"].map { reader.numbers($0, path: f.path("hour_of_day"), atLeast: 0, atMost: Limits.largestProfileFactor) }
      ?? ScenarioDefaults.hourOfDay
    let days = f["day_of_week"].map { reader.numbers($0, path: f.path("day_of_week"), atLeast: 0, atMost: Limits.largestProfileFactor) }
      ?? ScenarioDefaults.dayOfWeek
    if let h = hours, h.count != 24, let n = f["hour_of_day"] {
      reader.report(.invalidValue, "give 24 hour-of-day factors (00:00 to 23:00), got \(h.count)",
                    at: n, path: f.path("hour_of_day"))
      return nil
    }
    if let d = days, d.count != 7, let n = f["day_of_week"] {
      reader.report(.invalidValue, "give 7 day-of-week factors (Monday first), got \(d.count)",
                    at: n, path: f.path("day_of_week"))
      return nil
    }
    guard let hours, let days else { return nil }
    do {
      return .poisson(try .weekly(basePerMinute: rate, hourOfDay: hours, dayOfWeek: days))
    } catch {
      reader.report(.invalidValue, error.message, at: node, path: path)
      return nil
    }
  }
}
