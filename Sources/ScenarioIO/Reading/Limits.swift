/// The bounds every number in a scenario file must respect. Each is far beyond any real
/// health system, and each stops a number that cannot be meant before it reaches the model:
/// a count is memory (one entry per server, bed or ambulance), a duration or rate ends up in
/// event times, and beyond these bounds arithmetic overflows or a simulation never ends.
/// `docs/scenario-reference.md` lists them (its "Limits" section is checked by a test).
package enum Limits {
  /// Most of anything counted: servers, beds, capacity, phases, visits.
  package static let count = 1_000_000
  /// Most replications a file may ask for (the command line's soft limit, 10^6, is lower
  /// and can be passed with `--force`).
  package static let replications = 1_000_000_000
  /// Most stations of a network, classes of customers, or specialties.
  package static let stations = 1_000
  /// Most ambulances of one kind, in all or in one district.
  package static let ambulances = 100_000
  /// People in one habitation (the largest city on Earth has fewer than 10^8).
  package static let population = 100_000_000
  /// Minutes in a year of 365.25 days (the `y` unit).
  package static let minutesPerYear = 365.25 * 1440
  /// Minutes in the longest duration: 10,000 years. A float of minutes still resolves
  /// microseconds there, and no product with it overflows.
  package static let longestMinutes = 10_000 * minutesPerYear
  /// Minutes in the shortest duration above zero: 1 µs.
  package static let shortestMinutes = 1.0 / 60_000_000
  /// Fewest events per minute: one in about 1,900 years.
  package static let slowestRatePerMinute = 1e-9
  /// Most events per minute (100,000), at any hour. Ten thousand years into a run, a float of
  /// minutes moves in steps of 10^-6; arrivals any faster would stop the clock.
  package static let fastestRatePerMinute = 1e5
  /// Largest plain number (a factor, share, cost or multiplier); larger ones overflow sums.
  package static let largestNumber = 1e12
  /// Largest factor in an hour-of-day or day-of-week profile. The busiest hour's rate (the
  /// base rate times the factors over their mean) is bounded by ``fastestRatePerMinute`` too.
  package static let largestProfileFactor = 1e6
  /// Most growth of demand over a run: a million-fold.
  package static let largestGrowth = 1e6
  /// Largest coefficient of variation (standard deviation over mean) of a distribution.
  package static let largestVariation = 100.0
  /// Years a date may lie in.
  package static let years = 1900...2200
  /// Bytes in a scenario file (scenarios are small; data lives in CSV files).
  package static let scenarioBytes = 1 << 20
  /// Bytes in a data table (CSV); Bihar's largest is 3 MB.
  package static let tableBytes = 256 << 20
  /// Values in a composed YAML document, counting each use of an alias anew.
  package static let yamlValues = 200_000
  /// Nesting depth of a YAML document.
  package static let yamlDepth = 64

  /// The range of rates, for messages.
  static var rateBounds: String {
    "rates lie between \(String(format: "%.0e", slowestRatePerMinute))/min and \(String(format: "%.0e", fastestRatePerMinute))/min"
      .replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e")
  }

  /// The range of durations, for messages.
  static let durationBounds = "durations lie between 1µs and 10,000 years"

  /// `x` for a message: whole numbers without a fraction, others to 6 significant digits,
  /// and huge ones as `5.0e126`.
  static func text(_ x: Double) -> String {
    guard x.isFinite, abs(x) >= 1e15 else { return Units.format(x) }
    return String(format: "%.1e", x).replacingOccurrences(of: "e+", with: "e")
  }
}
