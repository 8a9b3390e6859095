import Foundation

/// Colours chosen to stay readable for people with colour-vision deficiency and in grey
/// print: a sequential scale (viridis), a diverging one (blue-orange), and the Okabe-Ito
/// categorical colours. Charts never rely on colour alone: values are written or on hover,
/// and series also differ in dash pattern or marker.
enum Palette {
  /// Viridis at nine stops, dark (low) to light (high).
  static let sequential = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"]
  /// Blue (better) through light grey to orange (worse), for differences.
  static let diverging = ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"]
  /// Okabe-Ito.
  static let categorical = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
  /// Dash patterns that go with the categorical colours.
  static let dashes = ["none", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "12 2"]
  /// Targets and reference lines: dark red, always drawn dashed and labelled.
  static let reference = "#a50f15"
  /// Bars and single series.
  static let primary = "#0072B2"
  /// For places without data: a neutral grey that no scale uses.
  static let noData = "#d9d9d9"

  /// The colour of `t` in 0…1 along `stops`, interpolated in RGB.
  static func colour(_ t: Double, stops: [String]) -> String {
    guard t.isFinite else { return noData }
    let x = Swift.min(Swift.max(t, 0), 1) * Double(stops.count - 1)
    let i = Swift.min(Int(x), stops.count - 2)
    let f = x - Double(i)
    let (a, b) = (rgb(stops[i]), rgb(stops[i + 1]))
    func mix(_ p: Int, _ q: Int) -> Int { Int((Double(p) + (Double(q) - Double(p)) * f).rounded()) }
    return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
  }

  static func rgb(_ hex: String) -> (Int, Int, Int) {
    let v = Int(hex.dropFirst(), radix: 16) ?? 0
    return ((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff)
  }

  /// Black or white, whichever reads better on `background`.
  static func ink(on background: String) -> String {
    let (r, g, b) = rgb(background)
    return 0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b) > 140 ? "#111" : "#fff"
  }
}
