import ScenarioIO

/// Calendar dates as a page shows them.
enum Dates {
  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// `2021-10-01` as `1 Oct 2021`.
  static func label(_ iso: String?) -> String? {
    guard let iso, let d = CivilDate(iso), (1...12).contains(d.month) else { return nil }
    return "\(d.day) \(months[d.month - 1]) \(d.year)"
  }

  /// `2021-10-01` as `1 Oct` (axis ticks).
  static func short(_ iso: String?) -> String? {
    guard let iso, let d = CivilDate(iso), (1...12).contains(d.month) else { return nil }
    return "\(d.day) \(months[d.month - 1])"
  }
}
