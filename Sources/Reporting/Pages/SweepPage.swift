import Plot

/// The report of a `telesim sweep --out` folder: the capacity curve of each headline figure
/// against the swept setting (named as a planner would say it) with 95% CI bands, the knee
/// and the first value meeting each target marked, and a table of every design point.
struct SweepPage {
  let folder: ResultFolder
  let sweep: SweepFile
  let context: ReportContext

  init(folder: ResultFolder, context: ReportContext) throws(ReportError) {
    self.folder = folder
    self.context = context
    sweep = try folder.decode(SweepFile.self, "sweep.json")
    guard !sweep.designs.isEmpty else { throw ReportError("sweep.json lists no design points") }
  }

  var axes: [SweepFile.AxisEntry] { sweep.axes ?? [] }

  /// The figures drawn: the headline ones the designs have, then any with a target.
  var metrics: [String] {
    let wanted = ["teleconsult.wait.mean", "teleconsult.wait.p90", "teleconsult.same_day", "teleconsult.completed.per_day",
                  "teleconsult.waiting.mean", "specialist.utilisation",
                  "beds.full", "beds.refused", "ambulance.response.mean", "ambulance.response.within_target",
                  "network.sojourn.mean", "wait.mean", "wait.p90", "utilisation", "blocking", "throughput"]
    let available = sweep.designs[0].metrics
    return (wanted + (sweep.targets ?? []).map(\.metric)).reduce(into: [String]()) {
      if !$0.contains($1) && available[$1] != nil { $0.append($1) }
    }
  }

  func render() -> String {
    let axisName = axes.first?.name ?? "design point"
    var content: [PageNode] = overloadNote().map { [$0] } ?? []
    content.append(Page.note("Figures are statewide, over all specialties and hubs: a setting that changes one specialty "
                             + "moves them only as far as that specialty weighs in the whole."))
    if axes.count == 1 { content.append(answers()) }
    for metric in metrics { content.append(curve(metric)) }
    let sections = [
      Page.Section("Capacity curves", intro: "Each figure against \(axisName), with its 95% CI band over "
                   + "\(sweep.replications) replications (common random numbers across design points, so neighbouring "
                   + "points differ mostly by the setting). 'knee' marks where the curve bends most (Kneedle); beyond it "
                   + "each step buys much less. 'target met' marks the smallest value whose whole interval meets the target.",
                   content),
      Page.Section("Design points", [table()]),
      record(),
    ]
    return Page(title: "\(sweep.scenario ?? "sweep"): \(axes.map(\.name).joined(separator: " × "))",
                subtitle: "\(sweep.designs.count) design points × \(sweep.replications) replications · seed \(sweep.seed)",
                sections: sections).render()
  }

  /// The x value of design `d` on axis `a`: its number, or its position when the values are
  /// not numbers (e.g. a list of days).
  private func x(_ d: SweepFile.DesignEntry, axis a: Int) -> Double {
    let value = d.point?[a] ?? ""
    if let n = Double(value), axes[a].values.allSatisfy({ Double($0) != nil }) { return n }
    return Double(axes[a].values.firstIndex(of: value) ?? 0)
  }

  private var numericAxis: Bool { axes.first?.values.allSatisfy { Double($0) != nil } ?? false }

  private func curve(_ metric: String) -> PageNode {
    let entry = sweep.designs[0].metrics[metric]
    let unit = DisplayUnit.suited(to: entry?.unit ?? "", typical: sweep.designs.compactMap { $0.metrics[metric]?.mean }.max() ?? .nan)
    let label = entry?.words(or: metric) ?? metric
    // One line per value of the second axis, if any.
    let groups: [(name: String, designs: [SweepFile.DesignEntry])]
    if axes.count >= 2 {
      groups = axes[1].values.map { v in ("\(axes[1].name) = \(v)", sweep.designs.filter { $0.point?[1] == v }) }
    } else {
      groups = [(label, sweep.designs)]
    }
    let series = groups.map { g in
      LineChart.Series(name: g.name, points: g.designs.compactMap { d in
        guard let m = d.metrics[metric], let mean = m.mean else { return nil }
        let half = m.ci95.map { ($0[1] - $0[0]) / 2 }
        return LineChart.Point(x: x(d, axis: 0), y: mean, halfWidth: half)
      }.sorted { $0.x < $1.x })
    }
    var vertical: [(value: Double, label: String)] = []
    var horizontal: [(value: Double, label: String)] = []
    if axes.count == 1, let knee = knee(metric) {
      vertical.append((knee, "knee: \(xText(knee))"))
    }
    var note = ""
    if let t = target(metric) {
      horizontal.append((t.limit, "target \(ComparisonSymbol.text(t.comparison)) "
                                   + DisplayUnit.suited(to: entry?.unit ?? "", typical: t.limit).text(t.limit)))
      note = " Target \(t.text): not met with confidence at any value swept."
      if axes.count == 1, let met = firstMeeting(metric) {
        vertical.append((met, "target met from \(xText(met))"))
        note = " Target \(t.text): met with confidence from \(xText(met))."
      }
    }
    let chart = LineChart(series: series, xLabel: axes.first?.name ?? "design point", yLabel: "\(label) (\(unit.label))",
                          yUnit: unit, xTickText: numericAxis ? nil : { i in self.axes.first.map { Self.value(at: i, in: $0) } ?? "" },
                          horizontal: horizontal, vertical: vertical, width: 900, height: 320)
    return Page.figure(chart.render(label: "\(label) against \(axes.first?.name ?? "design point")"),
                       caption: "\(label) (\(metric)), mean and 95% CI band for each design point." + note)
  }

  private func xText(_ x: Double) -> String {
    numericAxis ? DisplayUnit.readable(x) : axes.first.map { Self.value(at: x, in: $0) } ?? ""
  }

  private static func value(at x: Double, in axis: SweepFile.AxisEntry) -> String {
    let i = Int(x.rounded())
    return i >= 0 && i < axis.values.count && abs(x - Double(i)) < 1e-9 ? axis.values[i] : ""
  }

  private func table() -> PageNode {
    let shown = metrics
    let rows = sweep.designs.map { d in
      zip(axes, d.point ?? []).map { $1 } + shown.map { m -> String in
        guard let e = d.metrics[m], let mean = e.mean else { return "-" }
        let unit = DisplayUnit.suited(to: e.unit, typical: mean)
        return unit.text(mean) + (e.ci95.map { " [\(unit.number($0[0])), \(unit.number($0[1]))]" } ?? "")
      }
    }
    let header = axes.map(\.name) + shown.map { m in sweep.designs[0].metrics[m]?.words(or: m) ?? m }
    return Page.table(header, rows, numeric: Set(0..<header.count))
  }

  private func record() -> Page.Section {
    var rows: [[String]] = [
      ["scenario", "\(sweep.scenario ?? "-") (\(sweep.file ?? "-"))", ""],
      ["experiment", sweep.experiment_hash, "identifies scenario, settings, seed, replications and version"],
      ["master seed", String(sweep.seed), "common random numbers across design points"],
      ["replications", String(sweep.replications), "per design point"],
      ["TeleSim version", sweep.telesim_version, "schema \(sweep.schema)"],
      ["run time", context.runSeconds.map { "\(DisplayUnit.readable($0)) s" } ?? "not recorded", ""],
    ]
    for a in axes { rows.append(["swept", "\(a.name): \(a.values.joined(separator: ", "))", "key \(a.key)"]) }
    for d in sweep.designs { rows.append(["design point", d.label, "scenario hash \(d.scenario_hash)"]) }
    return Page.Section("Run record", [Page.table(["item", "value", "note"], rows)])
  }

  /// The points of `metric` along the only axis: x, mean and CI ends.
  private func points(_ metric: String) -> [(x: Double, mean: Double, lower: Double?, upper: Double?)] {
    sweep.designs.compactMap { d -> (x: Double, mean: Double, lower: Double?, upper: Double?)? in
      guard let m = d.metrics[metric], let mean = m.mean else { return nil }
      return (x(d, axis: 0), mean, m.ci95?[0], m.ci95?[1])
    }.sorted { $0.x < $1.x }
  }

  private func target(_ metric: String) -> SweepFile.Target? { sweep.targets?.first { $0.metric == metric } }

  /// The smallest value of the only axis where `metric` meets its target as judged.
  private func firstMeeting(_ metric: String) -> Double? {
    target(metric).flatMap { t in
      CapacityCurve.firstMeeting(points(metric), comparison: t.comparison, limit: t.limit, judgeOnInterval: t.judge != "mean")
    }
  }

  /// The knee of `metric`'s curve, only for a figure with a better direction whose change
  /// from the first to the last point is real (their intervals do not overlap): a knee on a
  /// flat or noisy curve would be an artefact.
  func knee(_ metric: String) -> Double? {
    guard sweep.designs[0].metrics[metric]?.better.map({ $0 != "neither" }) == true else { return nil }
    let p = points(metric)
    guard let first = p.first, let last = p.last, let fl = first.lower, let fu = first.upper, let ll = last.lower,
          let lu = last.upper, fu < ll || lu < fl else { return nil }
    return CapacityCurve.knee(p.map { ($0.x, $0.mean) })
  }

  /// The answers in one table: each figure's knee and the smallest value meeting its target.
  private func answers() -> PageNode {
    var rows: [[String]] = []
    for metric in metrics {
      let entry = sweep.designs[0].metrics[metric]
      let label = entry?.words(or: metric) ?? metric
      let target = target(metric)
      let targetText = target.map { "\(ComparisonSymbol.text($0.comparison)) "
        + DisplayUnit.suited(to: entry?.unit ?? "", typical: $0.limit).text($0.limit) } ?? "-"
      rows.append([label, knee(metric).map(xText) ?? "-", targetText,
                   target == nil ? "-" : firstMeeting(metric).map(xText) ?? "not within the values swept"])
    }
    return .div(.h3(.text("Answers")),
                Page.table(["figure", "knee", "target", "target met (whole 95% interval) from"], rows),
                Page.note("'-' for the knee: the figure has no better direction, or does not change beyond its noise "
                          + "across the values swept."))
  }

  /// Design points that serve clearly fewer requests than arrive: their queues grow through the
  /// run, so their waits depend on its length and are no steady-state figures.
  private func overloadNote() -> PageNode? {
    let overloaded = sweep.designs.compactMap { d -> String? in
      guard let asked = d.metrics["teleconsult.requests.per_day"]?.mean,
            let done = d.metrics["teleconsult.completed.per_day"]?.mean, asked > 0, done / asked < 0.95 else { return nil }
      let where_ = zip(axes, d.point ?? []).map { "\($0.name) = \($1)" }.joined(separator: ", ")
      return "\(where_): \(DisplayUnit.readable(100 * done / asked))% of requests served"
    }
    guard !overloaded.isEmpty else { return nil }
    return Page.note("Overloaded: " + overloaded.joined(separator: "; ") + ". Queues grow through the run at these "
                     + "settings, so their waits depend on the run's length and are not steady-state figures.")
  }
}
