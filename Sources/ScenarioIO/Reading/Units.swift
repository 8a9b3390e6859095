import Foundation
import SimKernel

/// Parses quantities with units: durations (`12min`, `2h`, `3d`) and rates (`9/h`).
enum Units {
  /// Minutes per duration unit.
  static let durationUnits: [(names: [String], minutes: Double)] = [
    (["µs", "us", "microsecond", "microseconds"], 1.0 / 60_000_000),
    (["ms", "millisecond", "milliseconds"], 1.0 / 60_000),
    (["s", "sec", "secs", "second", "seconds"], 1.0 / 60),
    (["min", "mins", "minute", "minutes", "m"], 1),
    (["h", "hr", "hrs", "hour", "hours"], SimDuration.hour.minutes),
    (["d", "day", "days"], SimDuration.day.minutes),
    (["w", "wk", "week", "weeks"], SimDuration.week.minutes),
    // A year of 365.25 days, as the limits count them.
    (["y", "yr", "yrs", "year", "years"], SimDuration.day.minutes * 365.25),
  ]

  /// Splits "12.5min" into (12.5, "min"): the longest numeric prefix and the rest.
  static func splitNumber(_ text: String) -> (Double, String)? {
    let chars = Array(text.trimmingSpaces)
    var end = 0
    while end < chars.count, "0123456789.eE+-".contains(chars[end]) { end += 1 }
    // Each shorter prefix is parsed again below; a run of thousands of digits (found by the
    // fuzzer) would take seconds, and no number anyone means is this long.
    guard end <= 64 else { return nil }
    while end > 0 {
      if let value = Double(String(chars[0..<end])), value.isFinite {
        return (value, String(chars[end...]).trimmingSpaces)
      }
      end -= 1
    }
    return nil
  }

  /// A number for a message: up to 6 significant digits, no trailing zeros.
  static func format(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    var text = String(Double(String(format: "%.6g", x)) ?? x)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  /// Minutes in a duration such as `90s`, `12min`, `2h`, `3d`, `1w`.
  static func minutes(in text: String) -> Double? {
    guard let (value, unit) = splitNumber(text), !unit.isEmpty else { return nil }
    for u in durationUnits where u.names.contains(unit.lowercased()) { return value * u.minutes }
    return nil
  }

  /// Events per minute in a rate such as `9/h`, `0.5/min`, `1700/d`.
  static func ratePerMinute(in text: String) -> Double? {
    let parts = text.split(separator: "/", maxSplits: 1).map { String($0).trimmingSpaces }
    guard parts.count == 2, let count = Double(parts[0]) else { return nil }
    let per = parts[1].first?.isNumber == true ? parts[1] : "1" + parts[1]
    guard let minutes = minutes(in: per), minutes > 0 else { return nil }
    return count / minutes
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
