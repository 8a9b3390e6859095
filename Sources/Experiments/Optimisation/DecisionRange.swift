import ScenarioIO

/// The values one decision may take: `KEY=a..b` (every integer), `KEY=a..b/s` (every s-th),
/// or `KEY=[v1,v2,…]` (listed values, any YAML).
public enum DecisionRange {
  /// The largest range written as `a..b`: a search beyond it is a typo, not a plan.
  static let mostValues = 10_000

  /// Parses `KEY=RANGE` into the key and its values in order, or says what is wrong.
  public static func parse(_ text: String) -> Result<(key: String, values: [String]), ArgumentError> {
    guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
      return .failure(ArgumentError("'\(text)' is not KEY=RANGE (e.g. specialists_scale=[0.5,1,1.5] or servers=2..10)"))
    }
    let key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
    let body = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
    if body.hasPrefix("[") {
      guard let axis = SweepGrid.parseAxis(text) else { return .failure(ArgumentError("'\(text)' lists no values")) }
      return .success(axis)
    }
    let parts = body.split(separator: "/", maxSplits: 1).map(String.init)
    let ends = parts.first.map { $0.components(separatedBy: "..") } ?? []
    guard ends.count == 2, let low = Int(ends[0].trimmingCharacters(in: .whitespaces)),
          let high = Int(ends[1].trimmingCharacters(in: .whitespaces)) else {
      return .failure(ArgumentError("'\(body)' is not a range: write a..b or a..b/step with whole numbers, or [v1,v2,…]"))
    }
    let step = parts.count == 2 ? Int(parts[1].trimmingCharacters(in: .whitespaces)) : 1
    guard let step, step >= 1 else { return .failure(ArgumentError("the step of '\(body)' must be a whole number ≥ 1")) }
    guard low <= high else { return .failure(ArgumentError("'\(body)' is empty: its start is above its end")) }
    guard (high - low) / step < mostValues else {
      return .failure(ArgumentError("'\(body)' has more than \(mostValues) values"))
    }
    return .success((key, stride(from: low, through: high, by: step).map(String.init)))
  }
}
