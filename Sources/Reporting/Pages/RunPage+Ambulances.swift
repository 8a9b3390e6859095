import Foundation
import Plot

extension RunPage {
  /// The response-time distribution in towns and villages against their targets, and the
  /// districts with the slowest response.
  func ambulances() -> [Page.Section] {
    guard let dist = folder.table("ambulance-response-distribution"), let edges = dist.numbers("from_min") else { return [] }
    let targets = responseTargets
    let failedShare = summary.views(["ambulance.failed"]).first?.valueText
    var charts: [PageNode] = []
    for (area, column, target) in [("urban", "urban_per_day", targets.urban), ("rural", "rural_per_day", targets.rural)] {
      guard let counts = dist.numbers(column) else { continue }
      let chart = Histogram(edges: edges, counts: counts, xLabel: "minutes from call to ambulance at the patient",
                            yLabel: "calls a day", references: target.map { [($0, "target \(DisplayUnit.readable($0)) min")] } ?? [],
                            lastBinIsOpen: true, colour: area == "urban" ? Palette.primary : "#009E73")
      charts.append(Page.figure(chart.render(label: "Ambulance response, \(area) calls"),
                                caption: "\(area == "urban" ? "Urban" : "Rural") calls reached, by response time (5-minute "
                                  + "bins, calls a day, mean over replications; the last bar holds every response from "
                                  + "\(DisplayUnit.readable(edges.last ?? 0)) min). The dashed line is the state's target and its label the "
                                  + "share of reached calls within it. Calls no ambulance reached are not in these charts"
                                  + (failedShare.map { " (\($0) of calls)." } ?? ".")))
    }
    var content = [Page.row(charts)]
    if let byDistrict = folder.table("ambulance-by-district"), let names = byDistrict.strings("district"),
       let response = byDistrict.estimates("response_mean_min") {
      let order = names.indices.sorted { response[$0].mean > response[$1].mean }
      let bars = order.map { BarChart.Bar(label: names[$0], value: response[$0].mean, halfWidth: response[$0].halfWidth) }
      let meanTarget = summary.target("ambulance.response.mean").map { (value: $0.limit, label: "target for the mean, \(DisplayUnit.readable($0.limit)) min") }
      let chart = BarChart(bars: bars, axisLabel: "response time, mean (min)", unit: .same("min"),
                           references: [targets.urban.map { ($0, "urban target \(DisplayUnit.readable($0)) min") },
                                        targets.rural.map { ($0, "rural target \(DisplayUnit.readable($0)) min") }, meanTarget]
                             .compactMap { $0 })
      content.append(Page.figure(chart.render(label: "Ambulance response by district"),
                                 caption: "Districts from the slowest mean response to the fastest, with 95% CIs (reached "
                                   + "calls). ambulance-by-district.csv and ambulance-by-block.csv also hold each district's "
                                   + "90th percentile, share within target, ambulances and their utilisation."))
    }
    return [Page.Section("Ambulances", intro: "How fast an ambulance reaches the patient, against the state's response "
                         + "targets (\(targetText(targets))).", content)]
  }

  /// The scenario's response targets in minutes (`ambulances.targets.urban` and `.rural`).
  var responseTargets: (urban: Double?, rural: Double?) {
    let settings = summary.settings ?? [:]
    return (settings["ambulances.targets.urban"].flatMap(Self.minutes), settings["ambulances.targets.rural"].flatMap(Self.minutes))
  }

  private func targetText(_ t: (urban: Double?, rural: Double?)) -> String {
    [t.urban.map { "\(DisplayUnit.readable($0)) min in towns" }, t.rural.map { "\(DisplayUnit.readable($0)) min in villages" }]
      .compactMap { $0 }.joined(separator: ", ")
  }

  /// `20min`, `1h`, `0.5h` or a bare number of minutes, as minutes.
  static func minutes(_ text: String) -> Double? {
    let t = text.trimmingCharacters(in: .whitespaces)
    for (suffix, factor) in [("min", 1.0), ("h", 60.0), ("s", 1.0 / 60)] where t.hasSuffix(suffix) {
      return Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)).map { $0 * factor }
    }
    return Double(t)
  }
}
