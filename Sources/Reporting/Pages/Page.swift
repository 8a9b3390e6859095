import Plot

/// A self-contained report page: one HTML file with its CSS, SVG charts and (for the replay)
/// script inline, so it opens offline in any browser and prints as it shows.
struct Page {
  /// A titled part of the page, listed in the table of contents.
  struct Section {
    var title: String
    var intro: String?
    var content: [PageNode]

    init(_ title: String, intro: String? = nil, _ content: [PageNode]) {
      self.title = title
      self.intro = intro
      self.content = content
    }
  }

  var title: String
  var subtitle: String
  var sections: [Section]
  var script: String?

  func render() -> String {
    let html = HTML(
      .lang(.english),
      .head(
        .encoding(.utf8),
        .title(title),
        .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
        .meta(.name("generator"), .content("TeleSim \(SummaryReport.toolVersion)")),
        .style(Self.css)),
      .body(
        .header(.h1(.text(title)), .p(.class("subtitle"), .text(subtitle))),
        .nav(.class("toc"), .ul(.forEach(sections) { .li(.a(.href("#" + Self.anchor($0.title)), .text($0.title))) })),
        .main(.forEach(sections) { s in
          .section(.id(Self.anchor(s.title)), .h2(.text(s.title)), .unwrap(s.intro) { .p(.class("intro"), .text($0)) },
                   .group(s.content))
        }),
        .footer(.p(.text("Made by TeleSim \(SummaryReport.toolVersion) (GPL-3.0-or-later). Every figure is a mean over "
                         + "replications with its 95% confidence interval unless the text says otherwise."))),
        .unwrap(script) { .script(.raw($0)) }))
    return html.render()
  }

  /// A chart with a caption saying what it shows and how to read it.
  static func figure(_ chart: PageNode, caption: String) -> PageNode {
    .element(named: "figure", nodes: [chart, .element(named: "figcaption", nodes: [.text(caption)])])
  }

  /// Charts side by side when there is room.
  static func row(_ items: [PageNode]) -> PageNode { .div(.class("row"), .group(items)) }

  /// A table with a header row; cells are text. `numeric` columns align right.
  static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], classes: [[String]] = []) -> PageNode {
    .table(
      .thead(.tr(.forEach(header.enumerated()) { i, h in .th(numeric.contains(i) ? .class("num") : .empty, .text(h)) })),
      .tbody(.forEach(rows.enumerated()) { r, row in
        .tr(.forEach(row.enumerated()) { i, cell in
          let cls = ([numeric.contains(i) ? "num" : ""] + (r < classes.count && i < classes[r].count ? [classes[r][i]] : []))
            .filter { !$0.isEmpty }.joined(separator: " ")
          return .td(cls.isEmpty ? .empty : .class(cls), .text(cell))
        })
      }))
  }

  /// A note in a box (what is missing and how to get it).
  static func note(_ text: String) -> PageNode { .p(.class("note"), .text(text)) }

  /// An id for a heading: lower case, words joined by hyphens.
  static func anchor(_ title: String) -> String {
    var out = ""
    for ch in title.lowercased() {
      if ch.isLetter || ch.isNumber { out.append(ch) } else if out.last != "-" { out.append("-") }
    }
    while out.last == "-" { out.removeLast() }
    return out
  }

  static let css = """
    :root { --ink: #1a1a1a; --muted: #555; --met: #1b7837; --missed: #b2182b; --line: #d0d0d0; }
    * { box-sizing: border-box; }
    body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto;
           max-width: 1180px; padding: 16px 24px 40px; line-height: 1.4; }
    header h1 { margin: 8px 0 2px; font-size: 26px; }
    .subtitle { color: var(--muted); margin: 0 0 8px; }
    h2 { border-bottom: 2px solid var(--ink); padding-bottom: 2px; margin-top: 32px; font-size: 20px; }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    .toc ul { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; }
    .toc a { color: #0b4f8a; }
    .intro, figcaption { color: var(--muted); font-size: 13px; max-width: 900px; }
    figure { margin: 10px 0 18px; break-inside: avoid; }
    svg.chart { max-width: 100%; height: auto; font-family: inherit; }
    .row { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: flex-start; }
    .row > figure { flex: 1 1 440px; max-width: 560px; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; margin: 12px 0; }
    .tile { border: 1px solid var(--line); border-left: 6px solid #888; border-radius: 4px; padding: 8px 12px; break-inside: avoid; }
    .tile.met { border-left-color: var(--met); } .tile.missed { border-left-color: var(--missed); }
    .tile .what { font-size: 12px; color: var(--muted); }
    .tile .value { font-size: 24px; font-weight: bold; margin: 2px 0; }
    .tile .ci { font-size: 12px; color: var(--muted); }
    .tile .verdict { font-size: 13px; font-weight: bold; margin-top: 4px; }
    .met .verdict, td.met { color: var(--met); } .missed .verdict, td.missed { color: var(--missed); }
    td.met, td.missed { white-space: nowrap; }
    td.better { color: var(--met); font-weight: bold; } td.worse { color: var(--missed); font-weight: bold; }
    table { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
    th, td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 4px; text-align: left; vertical-align: top; }
    th { border-bottom: 2px solid var(--ink); } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .note { background: #f6f6f6; border-left: 4px solid #999; padding: 6px 10px; font-size: 13px; }
    .replay-controls { display: flex; gap: 12px; align-items: center; margin: 6px 0; font-size: 14px; }
    .replay-controls button { font-size: 14px; padding: 4px 14px; }
    #replay-clock { font-weight: bold; font-variant-numeric: tabular-nums; min-width: 160px; }
    footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
    @media print { .toc, .replay-controls { display: none; } body { max-width: none; } h2 { break-after: avoid; } }
    """
}
