import CareModel
import SimKernel
import SimRandom

extension CareNetworkReader {
  /// `{daily: 1700/d, hour_of_day: [24], day_of_week: [7], monthly_growth: 0.02, max_daily: 20000/d}`.
  func readDemand(_ node: ScenarioNode) -> CareNetworkSpec.Demand? {
    guard let f = reader.fields(node, path: "demand",
                                allowed: ["daily", "hour_of_day", "day_of_week", "monthly_growth", "max_daily"],
                                required: ["daily"])
    else { return nil }
    let ceiling = f["max_daily"].map { reader.rate($0, path: "demand.max_daily") }
    let perMinute = f["daily"].flatMap { reader.rate($0, path: "demand.daily") }
    let hours = f["hour_of_day"].map { reader.numbers($0, path: "demand.hour_of_day", atLeast: 0, atMost: Limits.largestProfileFactor) } ?? ScenarioDefaults.hourOfDay
    let days = f["day_of_week"].map { reader.numbers($0, path: "demand.day_of_week", atLeast: 0, atMost: Limits.largestProfileFactor) } ?? ScenarioDefaults.dayOfWeek
    let growth = f["monthly_growth"].map { reader.number($0, path: "demand.monthly_growth", atLeast: -0.5, atMost: 10) }
      ?? ScenarioDefaults.monthlyGrowth
    guard let hours, let days, let growth, ceiling != .some(nil) else { return nil }
    if hours.count != 24 || !hours.contains(where: { $0 > 0 }), let n = f["hour_of_day"] {
      reader.report(.invalidValue, "give 24 hour-of-day factors (00:00 first), not all zero", at: n, path: "demand.hour_of_day")
      return nil
    }
    guard let perMinute else { return nil }
    guard hours.count == 24, hours.contains(where: { $0 > 0 }) else {
      reader.report(.invalidValue, "give 24 hour-of-day factors (00:00 first), not all zero", at: f["hour_of_day"]!,
                    path: "demand.hour_of_day")
      return nil
    }
    guard days.count == 7, days.contains(where: { $0 > 0 }) else {
      reader.report(.invalidValue, "give 7 day-of-week factors (Monday first), not all zero", at: f["day_of_week"]!,
                    path: "demand.day_of_week")
      return nil
    }
    return .init(dailyTotal: perMinute * SimDuration.day.minutes, hourOfDay: hours, dayOfWeek: days, monthlyGrowth: growth,
                 maxDaily: ceiling.flatMap { $0 }.map { $0 * SimDuration.day.minutes })
  }

  static let specialtyKeys = ["name", "share", "consult", "specialists_per_hub", "admit", "refer"]

  /// A list of `{name, share, consult, specialists_per_hub, admit, refer}`, or a CSV file with
  /// columns `name,share,consult_mean,consult_sd,specialists_per_hub,admit,refer` (lognormal
  /// consultation times; durations with units).
  func readSpecialties(_ node: ScenarioNode) -> [CareNetworkSpec.Specialty]? {
    if let name = node.scalar { return readSpecialtiesCSV(name, node: node) }
    guard let items = reader.list(node, path: "specialties", atMost: Limits.stations) else { return nil }
    var result: [CareNetworkSpec.Specialty] = []
    var ok = true
    for (i, item) in items.enumerated() {
      let path = "specialties[\(i)]"
      guard let f = reader.fields(item, path: path, allowed: Self.specialtyKeys,
                                  required: ["name", "share", "consult", "specialists_per_hub"])
      else { ok = false; continue }
      let name = f["name"].flatMap { reader.string($0, path: f.path("name")) }
      let share = f["share"].flatMap { reader.number($0, path: f.path("share"), atLeast: 0) }
      let consult = f["consult"].flatMap { reader.distribution($0, path: f.path("consult")) }
      let staff = f["specialists_per_hub"].flatMap { specialistsByTier($0, path: f.path("specialists_per_hub")) }
      let admit = probability(f, "admit", default: ScenarioDefaults.admit)
      let refer = probability(f, "refer", default: ScenarioDefaults.refer)
      if let admit, let refer, admit + refer > 1 {
        reader.report(.invalidValue, "admit + refer is \(Units.format(admit + refer)), more than 1", at: item, path: path,
                      hint: "the rest (1 − admit − refer) go home with an e-prescription")
        ok = false
      }
      guard let name, let share, let consult, let staff, let admit, let refer else { ok = false; continue }
      if result.contains(where: { $0.name == name }) {
        reader.report(.invalidValue, "specialty '\(name)' is listed twice", at: f["name"]!, path: f.path("name"))
        ok = false
      }
      result.append(.init(name: name, share: share, consult: consult, specialistsByHubTier: staff,
                          admitProbability: admit, referProbability: refer))
    }
    guard ok else { return nil }
    guard result.contains(where: { $0.share > 0 }) else {
      reader.report(.invalidValue, "at least one specialty needs a positive share", at: node, path: "specialties")
      return nil
    }
    return result
  }

  func readSpecialtiesCSV(_ name: String, node: ScenarioNode) -> [CareNetworkSpec.Specialty]? {
    let file = ScenarioLoader.resolve(name, relativeTo: node.location.file)
    let columns = ["name", "share", "consult_mean", "consult_sd", "specialists_per_hub", "admit", "refer"]
    guard let table = CSVTable.load(file, reader: reader, at: node, keyPath: "specialties", required: columns)
    else { return nil }
    let c = columns.map { table.column($0)! }
    guard table.rows.count <= Limits.stations else {
      reader.report(.invalidValue, "'\(file)' has \(table.rows.count) specialties; at most \(Limits.stations)", at: node,
                    path: "specialties")
      return nil
    }
    var result: [CareNetworkSpec.Specialty] = []
    var ok = true
    for row in table.rows {
      func number(_ i: Int, _ column: String, max: Double = Limits.largestNumber) -> Double? {
        guard let v = Double(row[c[i]].text), v >= 0, v <= max else {
          reader.report(.invalidValue, "expected a number from 0 to \(Limits.text(max)), got '\(row[c[i]].text)'",
                        in: table, cell: row[c[i]], column: column)
          return nil
        }
        return v
      }
      func minutes(_ i: Int, _ column: String) -> Double? {
        guard let m = Units.minutes(in: row[c[i]].text) else {
          reader.report(.invalidValue, "'\(row[c[i]].text)' is not a duration", in: table, cell: row[c[i]], column: column,
                        hint: "write a number and a unit, e.g. 8min")
          return nil
        }
        guard (Limits.shortestMinutes...Limits.longestMinutes).contains(m) else {
          reader.report(.invalidValue, "'\(row[c[i]].text)' is not between 1µs and 10,000 years", in: table, cell: row[c[i]],
                        column: column)
          return nil
        }
        return m
      }
      let share = number(1, "share")
      let mean = minutes(2, "consult_mean")
      let sd = minutes(3, "consult_sd")
      let staff = Int(row[c[4]].text).flatMap { (0...Limits.count).contains($0) ? $0 : nil }
      if staff == nil {
        reader.report(.invalidValue, "expected a whole number from 0 to \(Limits.count), got '\(row[c[4]].text)'",
                      in: table, cell: row[c[4]],
                      column: "specialists_per_hub")
      }
      let admit = number(5, "admit", max: 1)
      let refer = number(6, "refer", max: 1)
      guard let share, let mean, let sd, let staff, let admit, let refer,
            let consult = try? Distribution.lognormal(mean: mean, sd: sd) else { ok = false; continue }
      result.append(.init(name: row[c[0]].text, share: share, consult: consult,
                          specialistsByHubTier: Array(repeating: staff, count: Tier.allCases.count),
                          admitProbability: admit, referProbability: refer))
    }
    return ok && !result.isEmpty ? result : nil
  }

  /// `2` (every hub) or `{mch: 3, dh: 2, chc: 0}` (by hub tier; tiers not named get 0).
  func specialistsByTier(_ node: ScenarioNode, path: String) -> [Int]? {
    if node.scalar != nil {
      return reader.integer(node, path: path, atLeast: 0).map { Array(repeating: $0, count: Tier.allCases.count) }
    }
    guard let f = reader.fields(node, path: path, allowed: Tier.allCases.map(\.rawValue)) else { return nil }
    var counts = Array(repeating: 0, count: Tier.allCases.count)
    for e in f.entries {
      guard let n = reader.integer(e.value, path: f.path(e.key), atLeast: 0) else { return nil }
      counts[Tier(rawValue: e.key)!.rank] = n
    }
    return counts
  }

  static let policyKeys = ["assignment", "session_end", "connection_failure", "doctor_unavailable", "retry",
                           "max_attempts", "failed_call"]

  func readPolicy(_ node: ScenarioNode?) -> CareNetworkSpec.Policy? {
    let defaults = ScenarioDefaults.policy
    guard let node else { return defaults }
    guard let f = reader.fields(node, path: "policy", allowed: Self.policyKeys) else { return nil }
    let assignment = f["assignment"].map { choice($0, path: "policy.assignment", CareNetworkSpec.Assignment.self) }
      ?? defaults.assignment
    let sessionEnd = f["session_end"].map { choice($0, path: "policy.session_end", CareNetworkSpec.SessionEnd.self) }
      ?? defaults.sessionEnd
    let failure = probability(f, "connection_failure", default: defaults.connectionFailure)
    let unavailable = probability(f, "doctor_unavailable", default: defaults.doctorUnavailable)
    let retry = probability(f, "retry", default: defaults.retryProbability)
    let attempts = f["max_attempts"].map { reader.integer($0, path: "policy.max_attempts", atLeast: 1) } ?? defaults.maxAttempts
    let lost = f["failed_call"].map { reader.duration($0, path: "policy.failed_call") } ?? defaults.failedCall.minutes
    guard let assignment, let sessionEnd, let failure, let unavailable, let retry, let attempts, let lost else { return nil }
    if failure + unavailable >= 1 {
      reader.report(.invalidValue, "connection_failure + doctor_unavailable must be below 1", at: node, path: "policy")
      return nil
    }
    return .init(assignment: assignment, sessionEnd: sessionEnd, connectionFailure: failure,
                 doctorUnavailable: unavailable, retryProbability: retry, maxAttempts: attempts,
                 failedCall: SimDuration(minutes: lost))
  }

  func choice<T: RawRepresentable & CaseIterable>(_ node: ScenarioNode, path: String, _ type: T.Type) -> T?
  where T.RawValue == String {
    guard let text = reader.string(node, path: path) else { return nil }
    guard let value = T(rawValue: text) else {
      reader.report(.invalidValue, "unknown choice '\(text)'", at: node, path: path,
                    hint: DidYouMean.hint(for: text, among: T.allCases.map(\.rawValue)))
      return nil
    }
    return value
  }
}
