import Foundation
import ScenarioIO

/// An unknown input to fit and the values tried: `KEY=LOW..HIGH` spaced evenly over a number
/// of points (`ambulances.calls.daily=6000/d..12000/d`, `ambulances.roads.detour=1.1..1.6`),
/// with the unit written after each end kept on every value.
public struct CalibrationParameter: Sendable, Equatable {
  /// The scenario key.
  public let key: String
  /// The numbers tried, ascending.
  public let values: [Double]
  /// What follows the number (`/d`, `min`, empty).
  public let unit: String

  /// The value as scenario text: `8250/d`.
  public func text(_ value: Double) -> String { Self.number(value) + unit }

  /// Parses `KEY=LOW..HIGH` into `points` evenly spaced values.
  public static func parse(_ text: String, points: Int) -> Result<CalibrationParameter, ArgumentError> {
    guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
      return .failure(ArgumentError("'\(text)' is not KEY=LOW..HIGH (e.g. ambulances.calls.daily=6000/d..12000/d)"))
    }
    let key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
    let ends = String(text[text.index(after: eq)...]).components(separatedBy: "..")
    guard ends.count == 2, let low = split(ends[0]), let high = split(ends[1]) else {
      return .failure(ArgumentError("'\(text)' is not KEY=LOW..HIGH with numbers, e.g. 6000/d..12000/d or 1.1..1.6"))
    }
    guard low.unit == high.unit else {
      return .failure(ArgumentError("'\(text)': both ends need the same unit ('\(low.unit)' and '\(high.unit)')"))
    }
    guard low.value < high.value else { return .failure(ArgumentError("'\(text)': LOW must be below HIGH")) }
    guard points >= 2 else { return .failure(ArgumentError("at least 2 points per parameter")) }
    let step = (high.value - low.value) / Double(points - 1)
    let values = (0..<points).map { i in i == points - 1 ? high.value : low.value + Double(i) * step }
    return .success(CalibrationParameter(key: key, values: values, unit: low.unit))
  }

  /// `6000/d` → (6000, "/d"); the number is the longest prefix that parses.
  private static func split(_ text: String) -> (value: Double, unit: String)? {
    let t = text.trimmingCharacters(in: .whitespaces)
    var end = t.endIndex
    while end > t.startIndex {
      if let v = Double(t[..<end]), v.isFinite { return (v, String(t[end...]).trimmingCharacters(in: .whitespaces)) }
      end = t.index(before: end)
    }
    return nil
  }

  /// Up to six significant figures, no trailing zeros: `8250`, `1.35`.
  static func number(_ x: Double) -> String {
    var s = String(format: "%.6g", x)
    if s.contains("."), !s.contains("e") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s
  }
}
