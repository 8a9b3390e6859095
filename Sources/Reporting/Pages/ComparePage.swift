import Plot

/// The report of a `telesim compare --out` folder: what changed, each metric's paired
/// difference with its CI and a verdict that keeps statistical and practical significance
/// apart, the differences by district on maps, and the record of the experiment.
struct ComparePage {
  let folder: ResultFolder
  let comparison: ComparisonFile
  let baseline: SummaryFile
  let maps: MapLayers?
  let context: ReportContext

  init(folder: ResultFolder, context: ReportContext) throws(ReportError) {
    self.folder = folder
    self.context = context
    comparison = try folder.decode(ComparisonFile.self, "comparison.json")
    guard let first = comparison.scenarios.first else { throw ReportError("comparison.json lists no scenarios") }
    baseline = try ResultFolder(folder.subfolder(first.label)).decode(SummaryFile.self, "summary.json")
    maps = context.mapLayers(for: baseline)
  }

  var baselineLabel: String { comparison.scenarios.first?.label ?? "baseline" }

  func render() -> String {
    var sections: [Page.Section] = []
    for alt in comparison.scenarios.dropFirst() {
      sections.append(differences(alt.label))
      if let m = districtMaps(alt.label) { sections.append(m) }
    }
    sections.append(record())
    let names = comparison.scenarios.map(\.label)
    return Page(title: "\(names.dropFirst().joined(separator: ", ")) against \(baselineLabel)",
                subtitle: "Paired comparison under common random numbers · \(comparison.replications) replications · "
                  + "seed \(comparison.seed)", sections: sections).render()
  }

  private func differences(_ alt: String) -> Page.Section {
    let rows = comparison.differences.filter { $0.alternative == alt }
    let changes = (comparison.changes ?? []).filter { $0.alternative == alt }
    var content: [PageNode] = [.h3(.text("What changed"))]
    if changes.isEmpty {
      content.append(Page.note("No setting differs from the baseline (only the name)."))
    } else {
      content.append(Page.table(["setting", baselineLabel, alt], changes.prefix(40).map { [$0.setting, $0.baseline ?? "(absent)", $0.value ?? "(absent)"] }))
      if changes.count > 40 { content.append(Page.note("\(changes.count - 40) more settings differ; comparison.json lists all.")) }
    }
    let judged = rows.filter { $0.better != "neither" }
    let neutral = rows.filter { $0.better == "neither" }
    content.append(.h3(.text("Service: where better and worse have a meaning")))
    content.append(Page.figure(forest(judged), caption: Self.forestCaption))
    content.append(table(judged))
    content += costs(alt)
    if !neutral.isEmpty {
      content.append(.h3(.text("Loads, volumes and costs: neither way is better in itself")))
      content.append(Page.figure(forest(neutral), caption: "The same for figures that follow the service given "
                                   + "(utilisation, admissions, kilometres, meals): higher or lower, never better or worse."))
      content.append(table(neutral))
    }
    return Page.Section("\(alt) against \(baselineLabel)", intro: "Each figure's paired difference (\(alt) − \(baselineLabel)) "
                        + "over the same \(comparison.replications) replications. 'real' means the 95% interval excludes zero; "
                        + "the size (negligible, small, moderate, large) says whether it matters: under 2%, 10% and 30% of the "
                        + "baseline, and for shares also under 1, 5 and 15 percentage points, the larger size counting. A real "
                        + "but small gain may not be worth what the change costs. 'CRN variance cut' is the share of the "
                        + "difference's variance that common random numbers removed against independent runs (100% for figures "
                        + "the change does not touch; negative when the two scenarios' noise is unrelated).", content)
  }

  /// What the change's extra cost buys, per unit of each outcome (docs/costs.md).
  private func costs(_ alt: String) -> [PageNode] {
    let ratios = (comparison.cost_per_outcome ?? []).filter { $0.alternative == alt }
    guard !ratios.isEmpty else { return [] }
    let rows = ratios.map { r -> [String] in
      let cost = r.extra_cost_per_day.map { DisplayUnit.suited(to: "Rs/d", typical: $0).text($0) } ?? "-"
      let g = DisplayUnit.same(r.gain_unit)
      let interval = r.gain_ci95.flatMap { c in c.count == 2 ? c : nil }
        .map { " [\($0[0].map(g.short) ?? "-"), \($0[1].map(g.short) ?? "-")]" } ?? ""
      let gain = (r.gain.map(g.short) ?? "-") + interval + " " + r.gain_unit
      var price = "no detectable gain"
      if r.status == "saves" { price = "saves money and gains" }
      if r.status == "loses", let p = r.cost_per_unit {
        let u = DisplayUnit.suited(to: r.price_unit, typical: p)
        price = (r.extra_cost_per_day ?? 0) < 0 ? "worse: saves \(u.text(p)) per unit lost" : "dearer and worse"
      }
      if r.status == "costs", let p = r.cost_per_unit {
        let u = DisplayUnit.suited(to: r.price_unit, typical: p)
        let ci = r.cost_per_unit_ci95.flatMap { c in c.count == 2 ? c : nil }
          .map { " [\($0[0].map(u.short) ?? "-"), \($0[1].map(u.short) ?? "-")]" } ?? ""
        price = u.text(p) + ci
      }
      return ["per " + r.outcome, cost, gain, price]
    }
    return [.h3(.text("What it costs per outcome")),
            Page.table(["outcome", "extra cost a day", "gain [95% CI]", "price [95% CI]"], rows),
            Page.note("The extra cost a day over the gain a day, from paired replications; the interval is Fieller's, "
                      + "given only when the gain is real (docs/costs.md).")]
  }

  static let forestCaption = "Relative difference from the baseline (%) with its 95% CI: filled circle better, square "
    + "worse, open circle no detectable difference. The right column gives the verdict in words."

  private func forest(_ rows: [ComparisonFile.Difference]) -> PageNode {
    let plotted = rows.compactMap { r -> ForestPlot.Row? in
      guard let d = r.difference, let b = r.baseline_mean, b != 0, b.isFinite else { return nil }
      let scale = 100 / abs(b)
      let unit = DisplayUnit.suited(to: r.unit, typical: b)
      let change = differenceUnit(r)
      return ForestPlot.Row(label: words(r), value: d * scale, lower: r.ci95.map { $0[0] * scale }, upper: r.ci95.map { $0[1] * scale },
                            verdict: r.verdict, note: verdictText(r),
                            hover: "\(r.metric): \(unit.text(b)) → \(r.alternative_mean.map(unit.text) ?? "-"); "
                              + "difference \(signed(d, change))" + (r.ci95.map { " [\(signed($0[0], change)), \(signed($0[1], change))]" } ?? ""))
    }
    return ForestPlot(rows: plotted, axisLabel: "difference from the baseline (% of the baseline's mean)")
      .render(label: "Differences from the baseline")
  }

  private func table(_ rows: [ComparisonFile.Difference]) -> PageNode {
    var cells: [[String]] = []
    var classes: [[String]] = []
    for r in rows {
      let unit = DisplayUnit.suited(to: r.unit, typical: r.baseline_mean ?? .nan)
      let change = differenceUnit(r)
      let ci = r.ci95.map { "[\(signed($0[0], change)), \(signed($0[1], change))]" } ?? "-"
      cells.append([words(r), r.baseline_mean.map(unit.text) ?? "-", r.alternative_mean.map(unit.text) ?? "-",
                    r.difference.map { signed($0, change) } ?? "-", ci, r.verdict, assessment(r),
                    r.variance_reduction.map { $0.isFinite ? "\(Int(($0 * 100).rounded()))%" : "-" } ?? "-"])
      classes.append(["", "", "", "", "", r.verdict, "", ""])
    }
    return Page.table(["figure", baselineLabel, "alternative", "difference", "95% CI", "verdict", "real? how large?",
                       "CRN variance cut"], cells, numeric: [1, 2, 3, 4, 7], classes: classes)
  }

  private func words(_ r: ComparisonFile.Difference) -> String {
    baseline.metrics[r.metric]?.words(or: r.metric) ?? r.metric
  }

  private func assessment(_ r: ComparisonFile.Difference) -> String { r.assessment ?? r.verdict }

  /// The unit a difference shows in: suited to its own size (a 1,300 Rs/d change of a
  /// 31 lakh Rs/d bill reads in rupees), shares in percentage points.
  private func differenceUnit(_ r: ComparisonFile.Difference) -> DisplayUnit {
    let size = max(abs(r.difference ?? 0), abs(r.ci95?[0] ?? 0), abs(r.ci95?[1] ?? 0))
    return DisplayUnit.suitedToDifference(r.unit, typical: size)
  }

  /// "−2.2 min: better · real, small", or "−1.5 km/d: not detectable".
  private func verdictText(_ r: ComparisonFile.Difference) -> String {
    let head = (r.difference.map { signed($0, differenceUnit(r)) } ?? "-") + ": "
    switch r.verdict {
    case "better", "worse", "higher", "lower": return head + r.verdict + " · " + assessment(r)
    default: return head + assessment(r)
    }
  }

  private func signed(_ x: Double, _ unit: DisplayUnit) -> String {
    let text = unit.text(x)
    return x > 0 ? "+" + text : text.replacingOccurrences(of: "-", with: "−")
  }

  /// Districts coloured by the paired difference in wait, response and refusals.
  private func districtMaps(_ alt: String) -> Page.Section? {
    let dir = folder.subfolder("differences/" + alt)
    let byDistrict = DataTable(file: dir + "/by-district.csv")
    let ambulance = DataTable(file: dir + "/ambulance-by-district.csv")
    guard let maps, byDistrict != nil || ambulance != nil else { return nil }
    var figures: [PageNode] = []
    for (table, column, title, unit) in [(byDistrict, "wait_mean_h", "change in mean wait for a specialist", "h"),
                                         (ambulance, "response_mean_min", "change in mean ambulance response", "min"),
                                         (byDistrict, "refused_per_day", "change in admissions refused a day", "")] {
      guard let t = table, let all = DistrictValues(t, column), all.values.values.contains(where: { $0 != 0 }) else { continue }
      let v = all.detectableOnly
      let display = DisplayUnit.suited(to: unit, typical: v.values.values.map(abs).max() ?? .nan)
      let chart = ChoroplethMap(boundaries: maps.districts, values: v.values,
                                colours: .diverging(Array(v.values.values), lowIsBetter: true),
                                legendTitle: title + (display.label.isEmpty ? "" : " (\(display.label))"), unit: display, notes: v.notes)
      figures.append(Page.figure(chart.render(label: title.prefix(1).uppercased() + title.dropFirst() + " by district"),
                                 caption: "\(alt) − \(baselineLabel), paired over replications; blue is better (lower), "
                                   + "red worse. Districts whose 95% interval includes zero are drawn neutral (no detectable "
                                   + "change); hover for the value and its CI half-width."))
    }
    guard !figures.isEmpty else { return nil }
    return Page.Section("Where it changed: \(alt)", intro: "Differences by district on the map.", [Page.row(figures)])
  }

  private func record() -> Page.Section {
    var rows = comparison.scenarios.enumerated().map { i, s in
      [i == 0 ? "baseline" : "alternative", "\(s.label) (\(s.file))", "hash \(s.scenario_hash)"]
    }
    rows += [
      ["experiment", comparison.experiment_hash, "identifies scenarios, settings, seed, replications and version"],
      ["master seed", String(comparison.seed), "common random numbers: streams line up by name across scenarios"],
      ["random number generator", baseline.rng, "GNU Scientific Library"],
      ["replications", String(comparison.replications), "paired: replication i of each scenario shares its seeds"],
      ["horizon", RunRecord.days(baseline.horizon_min), "warm-up \(RunRecord.days(baseline.warmup_min)) (\(baseline.warmup_method))"],
      ["TeleSim version", comparison.telesim_version, "schema \(comparison.schema)"],
      ["run time", context.runSeconds.map { "\(DisplayUnit.readable($0)) s" } ?? "not recorded", ""],
    ]
    for f in baseline.data_files ?? [] { rows.append(["data file", f.path, "hash \(f.hash)"]) }
    return Page.Section("Run record", [Page.table(["item", "value", "note"], rows)])
  }
}
