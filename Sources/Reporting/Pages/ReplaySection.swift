import Foundation
import Plot

/// The ambulance replay: the traced area's boundaries as a still map, the drives projected on
/// it and played back by ``ReplayScript`` (play/pause, speed, a clock and a time slider).
enum ReplaySection {
  static let width = 900.0
  static let height = 620.0

  static func section(_ replay: ReplayData, maps: MapLayers?) -> Page.Section {
    guard !replay.drives.isEmpty else {
      return Page.Section("Ambulance replay", [Page.note("The trace in \(replay.folder) holds no ambulance drives.")])
    }
    let box = replay.bounds.padded(0.05)
    let project = MapProjection(fitting: box, width: width, height: height)
    var background: [PageNode] = [SVG.rect(x: 0, y: 0, width: width, height: height, fill: "#f4f4f2")]
    if let blocks = maps?.blocks {
      for a in blocks.areas where a.bounds.overlaps(box) {
        background.append(SVG.path(project.path(a.rings, tolerance: 0.5), fill: "#fbfbf8", stroke: "#c8c8c8", width: 0.5,
                                   title: a.name))
      }
    }
    if let districts = maps?.districts {
      for a in districts.areas where a.bounds.overlaps(box) {
        background.append(SVG.path(project.path(a.rings, tolerance: 0.5), stroke: "#555", width: 1.2, title: a.name))
      }
    }
    background.append(SVG.g(["id": "replay-calls"], []))
    background.append(SVG.g(["id": "replay-layer"], []))
    let svg = SVG.svg(width: width, height: height, label: "Ambulance replay", background + legend())
    let data = json(replay, project: project)
    let first = clock(replay.firstMinute, startDate: replay.startDate)
    let content: [PageNode] = [
      .div(.class("replay-controls"),
           .button(.id("replay-play"), .attribute(named: "type", value: "button"), .text("▶ Play")),
           .element(named: "label", nodes: [.text("speed "), .element(named: "select", nodes: [
             .attribute(named: "id", value: "replay-speed"),
             .element(named: "option", nodes: [.attribute(named: "value", value: "20"), .text("20 min/s")]),
             .element(named: "option", nodes: [.attribute(named: "value", value: "60"), .attribute(named: "selected"),
                                               .text("1 h/s")]),
             .element(named: "option", nodes: [.attribute(named: "value", value: "240"), .text("4 h/s")]),
           ])]),
           .element(named: "input", nodes: [
             .attribute(named: "id", value: "replay-slider"), .attribute(named: "type", value: "range"),
             .attribute(named: "min", value: SVG.n(replay.firstMinute)), .attribute(named: "max", value: SVG.n(replay.lastMinute)),
             .attribute(named: "step", value: "1"), .attribute(named: "value", value: SVG.n(replay.firstMinute)),
             .attribute(named: "aria-label", value: "time")]),
           .span(.id("replay-clock"), .attribute(named: "data-minute", value: SVG.n(replay.firstMinute)), .text(first)),
           .span(.id("replay-moving"), .attribute(named: "data-count", value: "0"), .text("0 ambulances driving"))),
      Page.figure(svg, caption: "Each dot is an ambulance on the road: blue driving to a patient, orange carrying a patient "
                    + "to hospital, grey returning to base. Red rings are patients reached in the last 30 minutes. "
                    + "\(replay.drives.count) drives from the trace folder \((replay.folder as NSString).lastPathComponent); "
                    + "drives that began before the traced days are not in it"
                    + (replay.omitted > 0 ? " (the last \(replay.omitted) left out to keep the page small)." : ".")),
      .element(named: "script", nodes: [.attribute(named: "type", value: "application/json"),
                                        .attribute(named: "id", value: "replay-data"), .raw(data)]),
    ]
    return Page.Section("Ambulance replay", intro: "The traced ambulance movements played back on the map. Press play; "
                        + "drag the slider to jump. Open the page with #autoplay at the end of its address to start at once.",
                        content)
  }

  /// `2024-04-04 06:15` for a minute of the run (as the script writes the clock).
  static func clock(_ minute: Double, startDate: String?) -> String {
    let m = Int(minute.rounded(.down))
    let day = m >= 0 ? m / 1440 : (m - 1439) / 1440
    let inDay = m - day * 1440
    let time = String(format: "%02d:%02d", inDay / 60, inDay % 60)
    guard let start = startDate, let date = Timestamp.date(ofDay: day, startDate: start) else { return "day \(day) " + time }
    return date + " " + time
  }

  private static func legend() -> [PageNode] {
    var nodes: [PageNode] = []
    for (i, (colour, text)) in [("#0072B2", "to patient"), ("#E69F00", "to hospital"), ("#7f7f7f", "returning")].enumerated() {
      let y = 16.0 + Double(i) * 16
      nodes.append(SVG.circle(cx: 16, cy: y, r: 5, fill: colour, stroke: "#111"))
      nodes.append(SVG.text(text, x: 26, y: y + 4, size: 11))
    }
    return nodes
  }

  /// `{"t0","t1","start","drives":[[ambulance, purpose, x, y, t, x, y, t…]…],"calls":[x, y, t, …]}` with
  /// page coordinates and minutes, compact enough for tens of thousands of drives.
  static func json(_ replay: ReplayData, project: MapProjection) -> String {
    var out = "{\"t0\":\(SVG.n(replay.firstMinute)),\"t1\":\(SVG.n(replay.lastMinute)),"
    out += "\"start\":\"\(replay.startDate ?? "")\",\"drives\":["
    var first = true
    for d in replay.drives {
      out += first ? "[" : ",["
      first = false
      let purpose = ["to_patient": 0, "to_scene": 0, "to_hospital": 1, "return": 2][d.purpose] ?? 2
      out += "\(d.ambulance),\(purpose)"
      for p in d.points {
        let q = project(lon: p.lon, lat: p.lat)
        out += ",\(SVG.n(q.x)),\(SVG.n(q.y)),\(SVG.n(p.minute))"
      }
      out += "]"
    }
    out += "],\"calls\":["
    out += replay.calls.map { c in
      let q = project(lon: c.lon, lat: c.lat)
      return "\(SVG.n(q.x)),\(SVG.n(q.y)),\(SVG.n(c.minute))"
    }.joined(separator: ",")
    return out + "]}"
  }
}
