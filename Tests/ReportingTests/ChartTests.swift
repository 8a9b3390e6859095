import Foundation
import Testing

@testable import Reporting

@Suite("Chart scales, ticks and colours")
struct ChartScaleTests {
  @Test("nice steps are 1, 2 or 5 times a power of ten, never below the raw step")
  func niceSteps() {
    for (raw, nice) in [(0.23, 0.5), (3.0, 5.0), (7.0, 10.0), (1.0, 1.0), (0.011, 0.02), (240.0, 500.0)] {
      #expect(abs(LinearScale.niceStep(raw) - nice) < 1e-12, "raw \(raw)")
    }
    #expect(LinearScale.niceStep(0) == 1)
    #expect(LinearScale.niceStep(.nan) == 1)
  }

  @Test("ticks are round, cover the data and map the domain onto the range, upside down for y")
  func ticksCoverData() {
    let s = LinearScale(covering: [0.3, 9.7], range: (100, 0))
    #expect(s.domain == 0...10)
    #expect(s.ticks == [0, 2, 4, 6, 8, 10])
    #expect(s.step == 2)
    #expect(s(0) == 100 && s(10) == 0 && s(5) == 50)
    let wide = LinearScale(covering: [-3, 1234], include: [0], range: (0, 1))
    #expect(wide.domain.lowerBound <= -3 && wide.domain.upperBound >= 1234)
    #expect(wide.ticks.contains(0))
  }

  @Test("empty, constant and non-finite data give a usable scale, not a trap")
  func degenerateData() {
    let empty = LinearScale(covering: [], range: (0, 10))
    #expect(empty.domain == 0...1)
    let nan = LinearScale(covering: [.nan, .infinity], range: (0, 10))
    #expect(nan.domain == 0...1)
    let constant = LinearScale(covering: [5, 5, 5], range: (0, 10))
    #expect(constant.domain.lowerBound < 5 && constant.domain.upperBound > 5)
    let zero = LinearScale(covering: [0], range: (0, 10))
    #expect(zero.domain == 0...1)
  }

  @Test("a sequential colour scale runs from the first stop to the last, with grey for no data")
  func sequentialColours() {
    let c = ColourScale.sequential([51, 99, 147])
    #expect(c.colour(51) == Palette.sequential.first)
    #expect(c.colour(147) == Palette.sequential.last)
    #expect(c.colour(nil) == Palette.noData)
    #expect(c.colour(.nan) == Palette.noData)
    #expect(c.ticks.count >= 3, "ticks: \(c.ticks)")
    #expect(c.ticks.allSatisfy { (51...147).contains($0) })
  }

  @Test("a diverging scale is symmetric about zero and puts 'better' on the better side")
  func divergingColours() {
    let lower = ColourScale.diverging([-2, 0.5, 1], lowIsBetter: true)
    #expect(lower.domain == -2...2)
    #expect(lower.colour(-2) == Palette.diverging.first, "a fall is blue when lower is better")
    #expect(lower.colour(0) == "#f7f7f7")
    #expect(lower.endNote?.low == "← better")
    let higher = ColourScale.diverging([-2, 1], lowIsBetter: false)
    #expect(higher.colour(-2) == Palette.diverging.last, "a fall is red when higher is better")
    #expect(higher.endNote?.low == "← worse")
  }

  @Test("a colour key writes each tick, the unit's title and, when asked, a no-data swatch")
  func legendRamp() {
    let scale = ColourScale.sequential([0, 40])
    let nodes = Legend.ramp(scale, title: "wait (h)", unit: .same("h"), x: 0, y: 0, showNoData: true)
    let svg = SVG.svg(width: 300, height: 60, label: "key", nodes).render()
    #expect(svg.contains("wait (h)"))
    for t in scale.ticks { #expect(svg.contains(">\(DisplayUnit.same("h").tick(t, step: scale.step))<"), "tick \(t)") }
    #expect(svg.contains(">no data<"))
    let without = SVG.svg(width: 300, height: 60, label: "key", Legend.ramp(scale, title: "t", unit: .same(""), x: 0, y: 0))
    #expect(!without.render().contains("no data"))
  }

  @Test("attribute values are escaped, so a name with quotes cannot break the page")
  func escaping() {
    let node = SVG.rect(x: 0, y: 0, width: 1, height: 1, fill: "#000", title: "A\"&<B>")
    let text = SVG.svg(width: 1, height: 1, label: "x\"y", [node]).render()
    #expect(text.contains("aria-label=\"x&quot;y\""))
    #expect(!text.contains("A\"&<B>"))
  }
}

@Suite("Charts with little or no data")
struct EmptyChartTests {
  @Test("every chart says it has nothing to draw instead of drawing nothing or trapping")
  func emptyCharts() {
    let charts: [(String, PageNode)] = [
      ("bars", BarChart(bars: [], axisLabel: "x", unit: .same("")).render(label: "bars")),
      ("histogram", Histogram(edges: [0, 5], counts: [0, 0], xLabel: "x", yLabel: "y").render(label: "histogram")),
      ("histogram of mismatched sizes", Histogram(edges: [0, 5, 10], counts: [1], xLabel: "x", yLabel: "y").render(label: "h")),
      ("lines", LineChart(series: [.init(name: "a", points: [])], xLabel: "x", yLabel: "y", yUnit: .same("")).render(label: "l")),
      ("quantiles", QuantilePlot(rows: [], axisLabel: "x", unit: .same("h")).render(label: "q")),
      ("heatmap", Heatmap(rowLabels: ["mon"], columnLabels: ["0", "1"], values: [[1]], xLabel: "h", legendTitle: "t").render(label: "m")),
      ("forest", ForestPlot(rows: [], axisLabel: "x").render(label: "f")),
    ]
    for (name, chart) in charts {
      let text = chart.render()
      #expect(text.hasPrefix("<svg") && text.contains("</svg>"), "\(name)")
      #expect(text.contains("no ") || text.contains("nothing"), "\(name) says why it is empty: \(text)")
    }
  }

  @Test("a histogram's reference line gives the share of the total below it")
  func histogramShare() {
    let text = Histogram(edges: [0, 5, 10], counts: [10, 10, 20], xLabel: "min", yLabel: "calls",
                         references: [(10, "target")]).render(label: "h").render()
    #expect(text.contains("target: 50% within"))
    let one = Histogram(edges: [0, 5, 10], counts: [10, 10, 20], xLabel: "min", yLabel: "calls",
                        references: [(5, "five")]).render(label: "h").render()
    #expect(one.contains("five: 25% within"))
  }

  @Test("a line chart draws a CI band only where intervals exist, and marks sparse points")
  func lineBands() {
    let withCI = LineChart(series: [.init(name: "a", points: [.init(x: 1, y: 2, halfWidth: 0.5), .init(x: 2, y: 3, halfWidth: 0.5)])],
                           xLabel: "x", yLabel: "y", yUnit: .same("")).render(label: "l").render()
    #expect(withCI.contains("fill-opacity=\"0.18\""))
    #expect(withCI.components(separatedBy: "<circle").count - 1 == 2)
    let without = LineChart(series: [.init(name: "a", points: [.init(x: 1, y: 2), .init(x: 2, y: 3)])],
                            xLabel: "x", yLabel: "y", yUnit: .same("")).render(label: "l").render()
    #expect(!without.contains("fill-opacity"))
  }
}
