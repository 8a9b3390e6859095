/// Keys that say what colours and line styles mean.
enum Legend {
  /// A horizontal colour ramp for `scale` with tick values, a title with the unit, and a "no
  /// data" swatch when some places have none.
  static func ramp(_ scale: ColourScale, title: String, unit: DisplayUnit, x: Double, y: Double,
                   width: Double = 220, showNoData: Bool = false) -> [PageNode] {
    var nodes = [SVG.text(title, x: x, y: y, size: 11, weight: "bold")]
    let steps = 48
    let barY = y + 6
    for i in 0..<steps {
      let t = (Double(i) + 0.5) / Double(steps)
      nodes.append(SVG.rect(x: x + width * Double(i) / Double(steps), y: barY, width: width / Double(steps) + 0.3, height: 10,
                            fill: scale.colour(atFraction: t)))
    }
    for tick in scale.ticks {
      let tx = x + width * scale.fraction(tick)
      nodes.append(SVG.line(x1: tx, y1: barY + 10, x2: tx, y2: barY + 14, stroke: "#333"))
      nodes.append(SVG.text(unit.tick(tick, step: scale.step), x: tx, y: barY + 25, anchor: "middle", size: 9))
    }
    if let note = scale.endNote {
      nodes.append(SVG.text(note.low, x: x, y: barY + 37, size: 9, fill: "#444"))
      nodes.append(SVG.text(note.high, x: x + width, y: barY + 37, anchor: "end", size: 9, fill: "#444"))
    }
    if showNoData {
      nodes.append(SVG.rect(x: x + width + 16, y: barY, width: 14, height: 10, fill: Palette.noData, stroke: "#999"))
      nodes.append(SVG.text("no data", x: x + width + 34, y: barY + 9, size: 9))
    }
    return nodes
  }

  /// Swatches with dash patterns and names, one per series, in a row.
  static func series(_ items: [(name: String, colour: String, dash: String)], x: Double, y: Double) -> [PageNode] {
    var nodes: [PageNode] = []
    var cx = x
    for item in items {
      nodes.append(SVG.line(x1: cx, y1: y, x2: cx + 22, y2: y, stroke: item.colour, width: 2.5, dash: item.dash))
      nodes.append(SVG.text(item.name, x: cx + 27, y: y + 4, size: 10))
      cx += 40 + Double(item.name.count) * 5.8
    }
    return nodes
  }
}

/// Values to colours: sequential (viridis) from the lowest to the highest value, or diverging
/// around zero for differences. Its ticks are round numbers inside the domain.
struct ColourScale {
  let domain: ClosedRange<Double>
  let stops: [String]
  let ticks: [Double]
  /// The distance between ticks (for their labels' decimals).
  let step: Double
  /// Words at the two ends of a diverging key ("better", "worse").
  let endNote: (low: String, high: String)?

  /// A sequential scale over `values` (non-finite ones ignored; none gives 0…1).
  static func sequential(_ values: [Double]) -> ColourScale {
    let finite = values.filter(\.isFinite)
    let lo = finite.min() ?? 0
    let hi = finite.max() ?? 1
    var s = LinearScale(covering: values, range: (0, 1), tickCount: 4)
    let domain = lo < hi ? lo...hi : s.domain
    // Ticks at round numbers inside the data's range; finer ones when few fall inside.
    if s.ticks.filter({ domain.contains($0) }).count < 3 { s = LinearScale(covering: values, range: (0, 1), tickCount: 8) }
    let inside = s.ticks.filter { domain.contains($0) }
    return ColourScale(domain: domain, stops: Palette.sequential,
                       ticks: inside.count >= 2 ? inside : [domain.lowerBound, domain.upperBound], step: s.step, endNote: nil)
  }

  /// A diverging scale symmetric about zero. When `lowIsBetter`, negative values are blue and
  /// the key says "better" on the left; otherwise the words swap.
  static func diverging(_ values: [Double], lowIsBetter: Bool?) -> ColourScale {
    let m = values.filter(\.isFinite).map(abs).max() ?? 1
    let s = LinearScale(covering: [-m, m], range: (0, 1), tickCount: 4)
    let bound = max(m, 1e-12)
    let stops = lowIsBetter == false ? Array(Palette.diverging.reversed()) : Palette.diverging
    let note: (String, String)? = lowIsBetter.map { $0 ? ("← better", "worse →") : ("← worse", "better →") }
    return ColourScale(domain: -bound...bound, stops: stops, ticks: s.ticks.filter { abs($0) <= bound }, step: s.step,
                       endNote: note)
  }

  /// Where `value` lies in the domain, 0…1 (clamped).
  func fraction(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return 0.5 }
    return min(max((value - domain.lowerBound) / span, 0), 1)
  }

  func colour(atFraction t: Double) -> String { Palette.colour(t, stops: stops) }

  /// The colour of `value`; grey for no data.
  func colour(_ value: Double?) -> String {
    guard let value, value.isFinite else { return Palette.noData }
    return colour(atFraction: fraction(value))
  }
}
