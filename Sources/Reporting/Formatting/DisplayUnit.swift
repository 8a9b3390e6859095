import Foundation

/// The unit a value is shown in, chosen for its size: files keep their stable units (hours,
/// minutes, ratios), people read `29 min` rather than `0.48 h` and `45.2%` rather than `0.452`.
public struct DisplayUnit: Equatable, Sendable {
  /// The label shown after the number (`min`, `%`, `lakh Rs/d`).
  public let label: String
  /// Shown value = stored value × factor.
  public let factor: Double

  /// The stored unit unchanged.
  public static func same(_ unit: String) -> DisplayUnit { DisplayUnit(label: unit, factor: 1) }

  /// A unit for values of `unit` whose typical size (e.g. the mean, or the largest of a
  /// column) is `typical`: hours under 1 become minutes, minutes from 2 hours become hours (from 2 days, days),
  /// ratios become percentages, rupees from a lakh (10⁵) become lakh. Other units stay.
  public static func suited(to unit: String, typical: Double) -> DisplayUnit {
    let size = typical.isFinite ? abs(typical) : 0
    switch unit {
    case "ratio": return DisplayUnit(label: "%", factor: 100)
    case "h" where size < 1 && size > 0: return DisplayUnit(label: "min", factor: 60)
    case "min" where size >= 2880: return DisplayUnit(label: "d", factor: 1.0 / 1440)
    case "min" where size >= 120: return DisplayUnit(label: "h", factor: 1.0 / 60)
    case "Rs/d" where size >= 1e5, "Rs" where size >= 1e5:
      return DisplayUnit(label: "lakh " + unit, factor: 1e-5)
    default: return .same(unit)
    }
  }

  /// A unit for differences of `unit` whose typical size is `typical`: as ``suited(to:typical:)``
  /// but shares become percentage points (`pt`), since a change from 12% to 10% is 2 points,
  /// not 2%.
  public static func suitedToDifference(_ unit: String, typical: Double) -> DisplayUnit {
    unit == "ratio" ? DisplayUnit(label: "pt", factor: 100) : suited(to: unit, typical: typical)
  }

  /// `value` in this unit, as text with about four significant digits (no unit).
  public func number(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    return DisplayUnit.grouped(SummaryTable.number(value * factor))
  }

  /// A tick label: `value` in this unit with as many decimals as the tick `step` needs.
  public func tick(_ value: Double, step: Double) -> String {
    let shown = step * factor
    let decimals = shown > 0 && shown.isFinite ? max(0, Int((-log10(shown)).rounded(.up))) : 0
    return DisplayUnit.grouped(SummaryTable.fixed(value * factor, decimals: min(decimals, 6)))
  }

  /// `value` in this unit with about three significant digits, no unit (`28.8`, `1,702`).
  public func short(_ value: Double) -> String { DisplayUnit.readable(value * factor) }

  /// `value` with its unit (`29.0 min`, `45.2%`).
  public func text(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    let n = Self.readable(value * factor)
    switch label {
    case "%": return n + "%"
    case "": return n
    default: return n + " " + label
    }
  }

  /// Three significant digits at most, with thousands grouped: `1,702`, `45.2`, `0.482`.
  public static func readable(_ x: Double) -> String {
    guard x.isFinite else { return "-" }
    let m = abs(x)
    // Whole numbers (counts, round targets) keep no decimals.
    let decimals = m >= 100 || m == m.rounded() ? 0 : m >= 10 ? 1 : m >= 1 ? 2 : 3
    return grouped(SummaryTable.fixed(x, decimals: decimals))
  }

  /// Fixed-point text with the thousands of its whole part separated by commas.
  static func grouped(_ text: String) -> String {
    let negative = text.hasPrefix("-")
    let body = negative ? text.dropFirst() : Substring(text)
    let whole = body.prefix { $0 != "." }
    guard whole.count > 3 else { return text }
    var digits = Array(whole)
    var i = digits.count - 3
    while i > 0 {
      digits.insert(",", at: i)
      i -= 3
    }
    return (negative ? "-" : "") + String(digits) + body.dropFirst(whole.count)
  }
}
