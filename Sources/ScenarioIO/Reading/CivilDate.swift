/// A proleptic Gregorian date and its day count since 1970-01-01 (Howard Hinnant's
/// algorithms): the one place where calendar arithmetic is done, for scenario dates and for
/// the dates reports print.
package struct CivilDate: Equatable {
  package var year: Int
  package var month: Int
  package var day: Int

  /// The date `year`-`month`-`day` (not checked: see ``CalendarDate/days(_:)``).
  package init(year: Int, month: Int, day: Int) {
    (self.year, self.month, self.day) = (year, month, day)
  }

  /// Reads `YYYY-MM-DD` leniently (any three numbers), for dates TeleSim wrote itself.
  package init?(_ text: String) {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    (year, month, day) = (parts[0], parts[1], parts[2])
  }

  /// The date `z0` days after 1970-01-01 (civil_from_days).
  package init(daysSinceEpoch z0: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01 (days_from_civil).
  package var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
  }

  /// `YYYY-MM-DD`.
  package var text: String {
    func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
