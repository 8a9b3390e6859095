import Plot

extension RunPage {
  /// Bed occupancy by tier over time with the 85% line and each dated upgrade step, and the
  /// mean occupancy of each tier before and after each step.
  func beds() -> [Page.Section] {
    guard let daily = folder.table("beds-daily"), let days = daily.numbers("day") else { return [] }
    let tiers = daily.header.filter { $0.hasSuffix("_occupancy") }.map { String($0.dropLast("_occupancy".count)) }
    let series = tiers.map { tier in
      LineChart.Series(name: tier.uppercased(), points: (daily.estimates(tier + "_occupancy") ?? []).enumerated().map { i, e in
        LineChart.Point(x: days[i], y: e.mean, halfWidth: e.halfWidth)
      })
    }
    let steps = upgradeSteps()
    let start = summary.start_date
    let chart = LineChart(series: series, xLabel: start == nil ? "day" : "date", yLabel: "beds occupied (%)",
                          yUnit: DisplayUnit(label: "%", factor: 100),
                          xTickText: start.map { s in { Dates.short(Timestamp.date(ofDay: Int($0), startDate: s)) ?? "\(Int($0))" } },
                          horizontal: [(0.85, "85% occupied")],
                          vertical: steps.map { (Double($0.day), $0.label) })
    var content = [Page.figure(chart.render(label: "Bed occupancy by tier"),
                               caption: "Share of each tier's beds occupied, day by day (mean of the day's occupancy, with "
                                 + "its 95% CI band over replications). Lines differ in colour and dash. Above about 85% "
                                 + "a bed pool refuses admissions often."
                                 + (steps.isEmpty ? "" : " Dashed red verticals mark the upgrade steps."))]
    if !steps.isEmpty, let table = periodTable(daily, tiers: tiers, steps: steps) { content.append(table) }
    if let tierTable = folder.table("by-tier") { content.append(tierSummary(tierTable)) }
    return [Page.Section("Beds", intro: "How full the bed pools are, tier by tier, and what each upgrade step changed.", content)]
  }

  struct UpgradeStep {
    var day: Int
    var label: String
  }

  /// The dated upgrade steps of bed-upgrades.csv, named from the scenario's `upgrades:`
  /// (matched by date): "100 PHCs → 30 beds", "40 PHCs in Patna → 30 beds".
  func upgradeSteps() -> [UpgradeStep] {
    guard let t = folder.table("bed-upgrades"), let days = t.numbers("day"), let n = t.numbers("facilities"),
          let beds = t.numbers("beds") else { return [] }
    let dates = t.strings("date") ?? []
    let settings = summary.settings ?? [:]
    return days.indices.compactMap { i in
      guard days[i].isFinite else { return nil }
      // The scenario's upgrade with this date, for its district.
      let index = (0..<64).first { settings["upgrades[\($0)].at"] == (i < dates.count ? dates[i] : nil) }
      let district = index.flatMap { settings["upgrades[\($0)].district"] }
      let place = district.map { " in \($0)" } ?? ""
      return UpgradeStep(day: Int(days[i]),
                         label: "\(DisplayUnit.readable(n[i])) PHCs\(place) → \(DisplayUnit.readable(beds[i])) beds")
    }
  }

  /// Mean occupancy of each tier, and admissions refused a day, in each period between
  /// upgrade steps.
  private func periodTable(_ daily: DataTable, tiers: [String], steps: [UpgradeStep]) -> PageNode? {
    guard let days = daily.numbers("day") else { return nil }
    // Refusals by day from the daily series (same days).
    var refusedByDay: [Int: Double] = [:]
    if let t = folder.table("daily"), let d = t.numbers("day"), let r = t.numbers("beds_refused") {
      for (day, value) in zip(d, r) where day.isFinite { refusedByDay[Int(day)] = value }
    }
    let bounds = [Int.min] + steps.map(\.day) + [Int.max]
    var rows: [[String]] = []
    for p in 0..<(bounds.count - 1) {
      let inPeriod = days.indices.filter { Int(days[$0]) >= bounds[p] && Int(days[$0]) < bounds[p + 1] }
      guard let first = inPeriod.first, let last = inPeriod.last else { continue }
      let from = daily.strings("date")?[first] ?? "day \(Int(days[first]))"
      let to = daily.strings("date")?[last] ?? "day \(Int(days[last]))"
      let name = p == 0 ? "before the first step" : "after step \(p) (\(steps[p - 1].label))"
      let cells = tiers.map { tier -> String in
        let v = inPeriod.compactMap { daily.numbers(tier + "_occupancy")?[$0] }.filter(\.isFinite)
        return v.isEmpty ? "-" : DisplayUnit.readable(100 * v.reduce(0, +) / Double(v.count)) + "%"
      }
      let refused = inPeriod.compactMap { refusedByDay[Int(days[$0])] }.filter(\.isFinite)
      let refusedCell = refused.isEmpty ? "-" : DisplayUnit.readable(refused.reduce(0, +) / Double(refused.count))
      rows.append([name, "\(Dates.label(from) ?? from) – \(Dates.label(to) ?? to)"] + cells + [refusedCell])
    }
    return .div(.h3(.text("Before and after each upgrade step")),
                Page.table(["period", "dates"] + tiers.map { $0.uppercased() + " occupied" } + ["admissions refused a day"], rows,
                           numeric: Set(2..<(3 + tiers.count))),
                Page.note("Means over the days of each period (all replications). A step changes a period's figures "
                          + "together with the demand of its season; compare with a run without the upgrade "
                          + "(telesim compare) for the effect alone."))
  }

  private func tierSummary(_ t: DataTable) -> PageNode {
    let upper = DataTable(header: t.header, rows: t.rows.map { [$0[0].uppercased()] + $0.dropFirst() })
    return .div(.h3(.text("By tier (whole run)")),
                estimateTable(upper, keys: 1, unit: { c in
                  if c.contains("occupancy") || c == "full" { return DisplayUnit(label: "%", factor: 100) }
                  return c.hasPrefix("meal_cost") ? DisplayUnit.suited(to: "Rs/d", typical: t.numbers(c)?.max() ?? .nan) : nil
                }, name: { $0 == "meal_cost_rs_per_day" ? "hospital meals a day" : nil }))
  }


}
