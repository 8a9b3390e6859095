import Plot

extension RunPage {
  /// Waits (overall and by specialty), specialist utilisation by hub, and the queue by hour
  /// of the week.
  func teleconsultation() -> [Page.Section] {
    var content: [PageNode] = []
    if let waits = folder.table("wait-distribution"), let labels = waits.strings("specialty") {
      let columns = QuantilePlot.names.map { $0 + "_h" }
      let values = columns.map { waits.numbers($0) ?? Array(repeating: .nan, count: labels.count) }
      let rows = labels.indices.map { r in QuantilePlot.Row(label: labels[r] == "all" ? "all specialties" : labels[r],
                                                            quantiles: values.map { $0[r] }) }
      let unit = DisplayUnit.suited(to: "h", typical: rows.flatMap(\.quantiles).filter(\.isFinite).max() ?? .nan)
      let target = summary.target("teleconsult.wait.p90").map { (value: $0.limit, label: "target for the 90th percentile") }
      let chart = QuantilePlot(rows: rows, axisLabel: "wait from request to consultation (\(unit.label))", unit: unit,
                               references: target.map { [$0] } ?? [])
      content.append(Page.figure(chart.render(label: "Wait for a specialist by specialty"),
                                 caption: "How long patients wait from the spoke's request to the start of the video "
                                   + "consultation: box 25th–75th percentile, bar the median, whiskers 10th–90th, circle "
                                   + "95th, cross 99th. Means over replications; hover a row for the values."))
    }
    if let hubs = folder.table("by-hub") { content += hubCharts(hubs) }
    if let queue = folder.table("queue-by-hour"), let days = queue.strings("weekday") {
      let values = days.indices.map { r in (0..<24).map { h in queue.numbers("h\(h)")?[r] ?? .nan } }
      let map = Heatmap(rowLabels: days, columnLabels: (0..<24).map { String(format: "%02d", $0) }, values: values,
                        xLabel: "hour of day (local time)", legendTitle: "patients waiting (mean)")
      content.append(Page.figure(map.render(label: "Patients waiting by hour and weekday"),
                                 caption: "Patients waiting for a specialist across the state, by hour of the week "
                                   + "(mean over the weeks measured and the replications). Each cell also shows its value. "
                                   + "A cell averages the same hour of every week, so a trend over the run (growing demand, "
                                   + "or a queue still filling after the warm-up) shows as a step at midnight between the "
                                   + "last and the first weekday measured; check the daily series (daily.csv) for one."))
    }
    guard !content.isEmpty else { return [] }
    return [Page.Section("Teleconsultation", intro: "Waits for a specialist, how busy each hub's specialists are, and when "
                         + "the queue builds.", content)]
  }

  /// Utilisation of each hub's specialists: all hubs when few, else the busiest 25 and the
  /// spread of all.
  private func hubCharts(_ hubs: DataTable) -> [PageNode] {
    guard let hubNames = hubs.strings("name") ?? hubs.strings("hub"), let util = hubs.estimates("utilisation") else { return [] }
    // Facility names repeat ("Community Health Centre"); the district tells them apart.
    let names = zip(hubNames, hubs.strings("district") ?? hubNames.map { _ in "" }).map { n, d in
      d.isEmpty ? n : "\(Self.shorten(n, to: 30)) · \(d)"
    }
    let order = names.indices.sorted { util[$0].mean > util[$1].mean }
    let shown = order.prefix(25)
    let bars = shown.map { BarChart.Bar(label: Self.shorten(names[$0], to: 48), value: util[$0].mean, halfWidth: util[$0].halfWidth) }
    let chart = BarChart(bars: bars, axisLabel: "specialists' time in consultation (% of session time)",
                         unit: DisplayUnit(label: "%", factor: 100), references: [(0.85, "85%")], labelWidth: 290)
    var nodes = [Page.figure(chart.render(label: "Specialist utilisation by hub"),
                             caption: (order.count > shown.count ? "The \(shown.count) busiest of \(order.count) hubs. " : "")
                               + "Share of session time the hub's specialists spend consulting, with 95% CIs; above about "
                               + "85% queues grow fast. Every hub is in by-hub.csv.")]
    if order.count > shown.count {
      let step = 0.05
      let edges = stride(from: 0.0, to: 1.0, by: step).map { $0 }
      let counts = edges.map { e in Double(util.filter { $0.mean >= e && ($0.mean < e + step || e + step >= 1) }.count) }
      let histogram = Histogram(edges: edges.map { $0 * 100 }, counts: counts, xLabel: "utilisation (%)", yLabel: "hubs",
                                references: [(85, "85%")], sharesBelowReferences: false)
      nodes.append(Page.figure(histogram.render(label: "Hubs by utilisation"),
                               caption: "How many hubs run at each level of utilisation (5-point bins)."))
    }
    return nodes
  }

  static func shorten(_ s: String, to n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
