import QueueNetwork
import ScenarioIO
import Testing

@Suite("Units and values")
struct UnitsTests {
  func load(_ body: String) throws(ScenarioError) -> Scenario {
    try ScenarioLoader.parse("schema: telesim/v1\nkind: queue\n" + body, file: "t.yaml")
  }

  @Test("durations and rates carry units", arguments: [
    ("90s", 1.5), ("12min", 12), ("2h", 120), ("1.5d", 2160), ("1w", 10080), ("3 days", 4320),
  ])
  func durations(text: String, minutes: Double) throws {
    let s = try load("horizon: \(text)\nservers: 1\narrivals: {rate: 3/h}\nservice: 10min\n")
    #expect(s.horizon.minutes == minutes)
  }

  @Test("arrival shorthands: a rate, a distribution, a time-of-day profile")
  func arrivalForms() throws {
    for (text, rate) in [("9/h", 9.0 / 60), ("{rate: 1700/d}", 1700.0 / 1440),
                         ("{dist: exponential, mean: 20min}", 1.0 / 20)] {
      let s = try load("horizon: 10h\nservers: 1\narrivals: \(text)\nservice: 10min\n")
      guard case .queueNetwork(let spec) = s.model else { Issue.record("wrong model"); return }
      #expect(abs(spec.stations[0].arrivals[0]!.meanRatePerMinute - rate) < 1e-12, "\(text)")
    }
    let profile = "{rate: 6/h, day_of_week: [1, 1, 1, 1, 1, 1, 0]}"
    let s = try load("horizon: 10h\nservers: 1\narrivals: \(profile)\nservice: 10min\n")
    guard case .queueNetwork(let spec) = s.model else { return }
    #expect(abs(spec.stations[0].arrivals[0]!.meanRatePerMinute - 0.1 * 6 / 7) < 1e-12)
    // A rate that changes by weekday is Poisson only piecewise: theory checks must not treat it
    // as homogeneous, while a constant rate is.
    #expect(!spec.stations[0].arrivals[0]!.isPoisson)
    let constant = try load("horizon: 10h\nservers: 1\narrivals: 9/h\nservice: 10min\n")
    guard case .queueNetwork(let flat) = constant.model else { return }
    #expect(flat.stations[0].arrivals[0]!.isPoisson)
  }

  @Test("the content hash identifies the exact text")
  func contentHash() throws {
    let a = try load("horizon: 10h\nservers: 1\narrivals: 3/h\nservice: 10min\n")
    let b = try load("horizon: 10h\nservers: 1\narrivals: 3/h\nservice: 10min\n# changed\n")
    #expect(a.contentHash != b.contentHash)
  }
}
