/// One entry point for coverage-guided fuzzing of the scenario reader.
///
/// Scenario files come from users, sweeps (`--set KEY=VALUE`) and generated studies, so the
/// loader must turn *any* text into either a ``Scenario`` or a ``ScenarioError`` — never a trap,
/// a hang or a runaway allocation. libFuzzer (the `Fuzz/` package, `scripts/fuzz.sh`, through
/// `ReplicationFuzzing`, which then runs what loads) and the regression test
/// (`FuzzRegressionTests`) call ``exercise(_:folder:)``, so an input that once crashed the
/// fuzzer replays in `swift test` exactly as it was found.
public enum ScenarioFuzzing {
  /// Loads `bytes` as a scenario and feeds its text to the unit and date parsers, trapping if
  /// a contract is broken.
  ///
  /// The bytes are decoded as UTF-8, invalid sequences replaced by U+FFFD, so that every input
  /// reaches the YAML parser. The text is parsed as the file `folder/fuzz.yaml`, so that
  /// relative data paths (`../data/bihar/facilities.csv`) and `extends:` resolve as they do
  /// for a scenario in `folder`. A ``ScenarioError`` is an expected answer; what counts as a
  /// bug is a crash, a timeout or an out-of-memory in the loader, or an error that cannot be
  /// shown to a user: no diagnostics, a line or column below 1, or an empty message.
  ///
  /// The whole text, each of its lines and each line's value after `key:` also go to
  /// `Units.minutes(in:)`, `Units.ratePerMinute(in:)` and `CalendarDate.days(_:)` (the
  /// parser behind `start:` and upgrade dates), which see only short scalars in real files.
  ///
  /// - Parameters:
  ///   - bytes: Arbitrary input, normally from the fuzzer or a regression file.
  ///   - folder: The folder the text is pretended to live in, e.g. `…/scenarios`.
  /// - Precondition: The loader's error contract above holds; a violation traps on purpose, so
  ///   that libFuzzer records the input.
  public static func exercise(_ bytes: [UInt8], folder: String) {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      _ = try ScenarioLoader.parse(text, file: folder + "/fuzz.yaml")
    } catch {
      check(error)
    }
    parseScalars(in: text)
    for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
      parseScalars(in: String(line))
      if let colon = line.firstIndex(of: ":") {
        parseScalars(in: String(line[line.index(after: colon)...]))
      }
    }
  }

  /// Traps unless `error` can be rendered usefully: at least one diagnostic, each located at a
  /// real line and column and saying something.
  private static func check(_ error: ScenarioError) {
    precondition(!error.diagnostics.isEmpty, "ScenarioError without diagnostics")
    for d in error.diagnostics {
      precondition(d.location.line >= 1, "line < 1: \(d.rendered)")
      precondition(d.location.column >= 1, "column < 1: \(d.rendered)")
      precondition(!d.message.isEmpty, "empty message at \(d.location.line):\(d.location.column)")
    }
  }

  /// Runs the scalar parsers; only a trap or hang matters, not what they return.
  private static func parseScalars(in text: String) {
    _ = Units.minutes(in: text)
    _ = Units.ratePerMinute(in: text)
    _ = CalendarDate.days(text.trimmingSpaces)
  }
}
