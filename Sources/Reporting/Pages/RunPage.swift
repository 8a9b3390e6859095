import Foundation
import Plot

/// The report of one `telesim run --out` folder: headline figures against targets, then a
/// section per part of the care network the run has tables for, maps, the ambulance replay
/// when a trace is given, and the run record.
struct RunPage {
  let folder: ResultFolder
  let summary: SummaryFile
  let maps: MapLayers?
  let replay: ReplayData?
  let context: ReportContext

  init(folder: ResultFolder, context: ReportContext) throws(ReportError) {
    self.folder = folder
    self.context = context
    let summary = try folder.decode(SummaryFile.self, "summary.json")
    self.summary = summary
    maps = context.mapLayers(for: summary)
    if let dir = context.traceFolder {
      replay = try ReplayData.load(dir, startDate: summary.start_date)
    } else {
      replay = nil
    }
  }

  func render() -> String {
    var sections = [headline()]
    sections += teleconsultation()
    sections += mapSections()
    sections += beds()
    sections += ambulances()
    sections += supplies()
    if let replay { sections.append(ReplaySection.section(replay, maps: maps)) }
    sections.append(allFigures())
    sections.append(RunRecord.section(summary, maps: maps, replay: replay, context: context))
    return Page(title: "\(summary.scenario): simulation report", subtitle: subtitle, sections: sections,
                script: replay == nil ? nil : ReplayScript.source).render()
  }

  private var subtitle: String {
    let days = (summary.horizon_min - summary.warmup_min) / 1440
    var text = "\(summary.kind) · \(summary.replications) replication\(summary.replications == 1 ? "" : "s") · "
      + "\(DisplayUnit.readable(days)) days measured after a warm-up of \(DisplayUnit.readable(summary.warmup_min / 1440)) days"
    if let start = summary.start_date, let from = Dates.label(Timestamp.date(ofDay: Int(summary.warmup_min / 1440), startDate: start)),
       let to = Dates.label(Timestamp.date(ofDay: Int(summary.horizon_min / 1440) - 1, startDate: start)) {
      text += " (\(from) to \(to))"
    }
    return text + " · scenario \(summary.scenario_file)"
  }

  /// The metrics a planner looks at first: the kind's headline figures, then every metric
  /// with a target.
  var headlineNames: [String] {
    let wanted: [String]
    switch summary.kind {
    case "care-network":
      wanted = ["teleconsult.wait.mean", "teleconsult.wait.p90", "teleconsult.same_day", "specialist.utilisation",
                "beds.full", "beds.refused", "ambulance.response.mean", "ambulance.response.within_target",
                "ambulance.utilisation"]
    case "network": wanted = ["network.sojourn.mean", "network.throughput"]
    default: wanted = ["wait.mean", "wait.p90", "utilisation", "blocking", "throughput"]
    }
    let targeted = (summary.targets ?? []).map(\.metric)
    return (wanted + targeted).reduce(into: [String]()) { if !$0.contains($1) && summary.metrics[$1] != nil { $0.append($1) } }
  }

  private func headline() -> Page.Section {
    var content = [KPITiles.render(summary.views(headlineNames))]
    if let table = KPITiles.targetTable(summary) {
      content.append(.h3(.text("Targets")))
      content.append(table)
    } else {
      content.append(Page.note("The scenario sets no targets: add an expect: section with thresholds "
                               + "(e.g. teleconsult.wait.p90 <= 24h) to see each one met or missed here."))
    }
    return Page.Section("Headline", intro: "The figures a planner asks about first. A target is met only when the whole 95% "
                        + "interval lies on its side (judge: ci), so a met target is met with confidence.", content)
  }

  private func allFigures() -> Page.Section {
    let order = folder.table("replications")?.header.dropFirst().map { $0 } ?? summary.metrics.keys.sorted()
    let rows = summary.views(order).map { v in
      [v.words, v.name, v.valueText, v.intervalText.replacingOccurrences(of: "95% CI ", with: ""), v.entry.better ?? ""]
    }
    return Page.Section("All figures", intro: "Every metric of the run, each in a unit suited to its size (summary.json keeps "
                        + "the stable units). 'better' says which way is better; 'neither' marks loads and volumes.",
                        [Page.table(["figure", "metric", "mean", "95% CI", "better"], rows, numeric: [2, 3])])
  }
}
