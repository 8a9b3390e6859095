/// How tables are printed: with colour on a terminal that wants it, plain otherwise.
public struct TerminalStyle: Sendable {
  /// Whether verdict words get ANSI colours.
  public var colour: Bool

  public init(colour: Bool) { self.colour = colour }

  /// Plain text: files, pipes, `NO_COLOR`.
  public static let plain = TerminalStyle(colour: false)

  /// Colour only when standard output is a terminal and `NO_COLOR` (https://no-color.org) is
  /// unset or empty.
  public static func forStandardOutput(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
    TerminalStyle(colour: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty)
  }

  /// The widest line tables aim for.
  public static let width = 100

  /// `text` in green (good news), red (bad news) or as is.
  func paint(_ text: String, good: Bool?) -> String {
    guard colour, let good else { return text }
    return (good ? "\u{1B}[32m" : "\u{1B}[31m") + text + "\u{1B}[0m"
  }
}

extension SummaryTable {
  /// `23.4 h [22.1, 24.7]`: a mean and its 95% interval in a unit suited to the mean.
  static func estimateCell(mean: Double?, lower: Double?, upper: Double?, unit: String) -> (value: String, interval: String) {
    guard let mean, mean.isFinite else { return ("-", "") }
    let u = DisplayUnit.suited(to: unit, typical: mean)
    let interval = lower.flatMap { lo in upper.map { hi in "[\(u.short(lo)), \(u.short(hi))]" } } ?? ""
    return (u.text(mean), interval)
  }

  /// Rows laid out in columns (first and last columns, and `leftAligned` ones, to the left;
  /// numbers to the right), cells painted by `paint(row, column)` (nil: as is). Widths are
  /// measured before painting, so colour never shifts the columns.
  static func layout(_ rows: [[String]], style: TerminalStyle, leftAligned: Set<Int> = [],
                     paint: (Int, Int) -> Bool?) -> String {
    let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
    return rows.enumerated().map { r, row in
      row.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        let painted = style.paint(cell, good: r == 0 ? nil : paint(r, c))
        return c == 0 || c == row.count - 1 || leftAligned.contains(c) ? painted + pad : pad + painted
      }.joined(separator: "  ").trailingSpacesRemoved
    }.joined(separator: "\n") + "\n"
  }
}
