import SimKernel
import SimStats

/// Limits written with units, converted to a metric's own unit: a duration for a metric in
/// minutes or hours, a percentage or a plain share for a ratio, a rate for a per-day figure.
enum MetricQuantity {
  /// The value of `text` in `unit`, or a message saying what was expected.
  static func value(_ text: String, unit: String) -> Result<Double, QuantityError> {
    let t = text.trimmingSpaces
    switch unit {
    case "min", "h":
      guard let minutes = Units.minutes(in: t) else {
        return .failure(QuantityError("'\(t)' is not a duration", hint: "the metric is in \(unit): write e.g. 30min or 2h"))
      }
      return .success(unit == "h" ? SimDuration(minutes: minutes).hours : minutes)
    case "ratio":
      if t.hasSuffix("%"), let p = Double(String(t.dropLast()).trimmingSpaces) { return .success(p / 100) }
      guard let v = Double(t), (0...1).contains(v) else {
        return .failure(QuantityError("'\(t)' is not a share from 0 to 1", hint: "write a percentage (90%) or a share (0.9)"))
      }
      return .success(v)
    case "/d", "/h":
      if let v = Double(t) { return .success(v) }
      guard let perMinute = Units.ratePerMinute(in: t) else {
        return .failure(QuantityError("'\(t)' is not a rate", hint: "the metric is per \(unit.dropFirst()): write e.g. 80/d"))
      }
      return .success(perMinute * (unit == "/d" ? SimDuration.day.minutes : SimDuration.hour.minutes))
    case "Rs/d", "Rs":
      // Rupees as planners write them: 5.3 lakh, 2 crore (with or without the unit after).
      var words = t.hasSuffix(unit) ? String(t.dropLast(unit.count)).trimmingSpaces : t
      var scale = 1.0
      for (word, factor) in [("lakh", 1e5), ("crore", 1e7)] where words.hasSuffix(word) {
        words = String(words.dropLast(word.count)).trimmingSpaces
        scale = factor
      }
      guard let v = Double(words) else {
        return .failure(QuantityError("'\(t)' is not an amount of rupees", hint: "write e.g. 250000, 2.5 lakh or 1.2 crore"))
      }
      return .success(v * scale)
    default:
      let number = t.hasSuffix(unit) ? String(t.dropLast(unit.count)).trimmingSpaces : t
      guard let v = Double(number) else {
        return .failure(QuantityError("'\(t)' is not a number of \(unit)", hint: "write a number, e.g. 150"))
      }
      return .success(v)
    }
  }
}

/// Why a quantity could not be read.
struct QuantityError: Error {
  let message: String
  let hint: String
  init(_ message: String, hint: String) {
    self.message = message
    self.hint = hint
  }
}
