import Plot

extension RunPage {
  /// Districts coloured by teleconsultation wait (hubs as points sized by their load), by
  /// ambulance response and by bed refusals; blocks by ambulance response when block
  /// boundaries are shipped.
  func mapSections() -> [Page.Section] {
    let byDistrict = folder.table("by-district")
    let ambulance = folder.table("ambulance-by-district")
    guard byDistrict != nil || ambulance != nil else { return [] }
    guard let maps else {
      return [Page.Section("Maps", [Page.note("No district boundaries found beside the scenario's data files: give "
                                              + "--boundaries DIR, the folder holding districts.geojson.")])]
    }
    var figures: [PageNode] = []
    if let t = byDistrict, let wait = DistrictValues(t, "wait_mean_h") {
      let unit = DisplayUnit.suited(to: "h", typical: wait.typical)
      figures.append(Page.figure(
        map(wait, on: maps, title: "wait for a specialist, mean (\(unit.label))", unit: unit, points: hubPoints(),
            pointsTitle: "hub, sized by consultations a day").render(label: "Teleconsultation wait by district"),
        caption: "Mean wait from request to consultation for patients of each district's spokes; circles are hubs, their "
          + "area proportional to consultations a day. Hover for values."))
    }
    if let t = ambulance, let response = DistrictValues(t, "response_mean_min") {
      figures.append(Page.figure(map(response, on: maps, title: "ambulance response, mean (min)", unit: .same("min"))
        .render(label: "Ambulance response by district"),
        caption: "Mean minutes from call to ambulance at the patient, by the patient's district."))
    }
    if let t = byDistrict, let refused = DistrictValues(t, "refused_per_day") {
      figures.append(Page.figure(map(refused, on: maps, title: "admissions refused for want of a bed (a day)", unit: .same(""))
        .render(label: "Bed refusals by district"),
        caption: "Admissions refused a day at the district's facilities because every bed was taken."))
    }
    var wide: [PageNode] = []
    if let blocks = maps.qualifiedBlocks, let t = folder.table("ambulance-by-block"), let response = DistrictValues(t, "response_mean_min", key: "block") {
      var chart = ChoroplethMap(boundaries: blocks, values: response.values, colours: .sequential(Array(response.values.values)),
                                legendTitle: "ambulance response by block, mean (min)", unit: .same("min"), notes: response.notes)
      chart.outlines = maps.districts
      chart.width = 1100
      chart.height = 720
      wide.append(Page.figure(chart.render(label: "Ambulance response by block"),
                              caption: "Mean ambulance response by block (thin white lines), districts outlined in black. "
                                + "Grey: no calls, or a town outside the rural block polygons."))
    }
    return [Page.Section("Maps", intro: "Bihar's districts coloured by a figure of this run (viridis: dark is low, light is "
                         + "high); grey means no data. Boundaries: \(maps.districts.file).", [Page.row(figures)] + wide)]
  }

  private func map(_ v: DistrictValues, on maps: MapLayers, title: String, unit: DisplayUnit,
                   points: [ChoroplethMap.Point] = [], pointsTitle: String? = nil) -> ChoroplethMap {
    ChoroplethMap(boundaries: maps.districts, values: v.values, colours: .sequential(Array(v.values.values)),
                         legendTitle: title, unit: unit, notes: v.notes, points: points, pointsTitle: pointsTitle)
  }

  /// Hubs at their coordinates, sized by consultations a day.
  private func hubPoints() -> [ChoroplethMap.Point] {
    guard let hubs = folder.table("by-hub"), let lat = hubs.numbers("lat"), let lon = hubs.numbers("lon"),
          let load = hubs.numbers("consults_per_day"), let names = hubs.strings("name") ?? hubs.strings("hub") else { return [] }
    let util = hubs.numbers("utilisation")
    return names.indices.map { i in
      ChoroplethMap.Point(lon: lon[i], lat: lat[i], size: load[i],
                          label: "\(names[i]): \(DisplayUnit.readable(load[i])) consultations a day"
                            + (util.map { ", utilisation \(DisplayUnit.readable(100 * $0[i]))%" } ?? ""))
    }
  }
}

/// One column of a by-district (or by-block) table, by area name, with its CI as a note.
struct DistrictValues {
  var values: [String: Double]
  var notes: [String: String]
  /// Half-widths of the 95% CIs, where known.
  var halfWidths: [String: Double]

  init?(_ table: DataTable, _ column: String, key: String = "district") {
    guard let names = table.strings(key), let estimates = table.estimates(column) else { return nil }
    values = [:]
    notes = [:]
    halfWidths = [:]
    for (name, e) in zip(names, estimates) where e.mean.isFinite {
      values[name] = e.mean
      if let h = e.halfWidth, h > 0 {
        notes[name] = "± \(DisplayUnit.readable(h))"
        halfWidths[name] = h
      }
    }
    if values.isEmpty { return nil }
  }

  /// Differences whose 95% interval includes zero set to zero (drawn neutral), and noted so.
  var detectableOnly: DistrictValues {
    var d = self
    for (name, v) in values where abs(v) <= (halfWidths[name] ?? 0) {
      d.values[name] = 0
      d.notes[name] = "\(DisplayUnit.readable(v)) \(notes[name] ?? ""): not detectable"
    }
    return d
  }

  var typical: Double { values.values.max() ?? .nan }
}
