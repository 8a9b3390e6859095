import Experiments
import Foundation
import ScenarioIO
import SimStats
import Testing

@Suite("Costs: lines a day from capacity and activity, and cost per outcome")
struct CostTests {
  /// care-small over two whole weeks without warm-up: 2 hubs × 2 specialists, sessions on
  /// Mon/Wed/Fri, so 4 × 6 = 24 specialist-sessions in 14 days.
  private func run(_ prices: [String: String]) async throws -> ExperimentResult {
    let costs = "{" + prices.keys.sorted().map { "\($0): \(prices[$0]!)" }.joined(separator: ", ") + "}"
    let overrides = [ScenarioOverride(key: "warmup", value: "0d"), ScenarioOverride(key: "costs", value: costs)]
    let s = try scenario("care-small.yaml", overrides)
    return await results([Design(label: "x", scenario: s)], replications: 2)[0]
  }

  @Test("specialists are paid per session held and per day employed")
  func specialistCost() async throws {
    let r = try await run(["specialist_per_session": "1000", "specialist_per_day": "10"])
    let cost = try #require(r.estimate("cost.specialists"))
    #expect(abs(cost.mean - (24.0 / 14 * 1000 + 4 * 10)) < 1e-6, "\(cost.mean)")
    #expect(cost.standardDeviation == 0)
  }

  @Test("priced by the hour, a session costs in proportion to its length")
  func specialistHours() async throws {
    let r = try await run(["specialist_per_hour": "250"])
    // 24 sessions of 4 hours in 14 days.
    #expect(abs(r.estimate("cost.specialists")!.mean - 24.0 * 4 / 14 * 250) < 1e-6)
  }

  @Test("beds cost from the day they exist, capital spread over its years")
  func bedCost() async throws {
    let r = try await run(["bed_per_day": "100", "bed_capital": "365250", "capital_years": "10"])
    let totals = r.info.capacity
    let start = Double(totals.first { $0.name == "beds" }!.value)
    let end = Double(totals.first { $0.name == "beds_at_end" }!.value)
    // The upgrade is on day 7 of 14: half the run at each size; capital 365,250 over 10 years
    // is 100 a day.
    let expected = (start + end) / 2 * 200
    #expect(abs(r.estimate("cost.beds")!.mean - expected) < 1e-6 * expected)
    #expect(end > start)
  }

  @Test("the total is the sum of the lines, replication by replication")
  func totalIsSum() async throws {
    let r = try await run(["specialist_per_session": "900", "bed_per_day": "50", "meal_per_patient_day": "150"])
    let names = ["cost.meals", "cost.transport", "cost.specialists", "cost.beds", "cost.ambulances"]
    let idx = names.map { n in r.metrics.firstIndex { $0.name == n }! }
    let total = r.metrics.firstIndex { $0.name == "cost.total" }!
    for rep in r.replications {
      let sum = idx.reduce(0.0) { $0 + rep.values[$1] }
      #expect(abs(rep.values[total] - sum) <= 1e-9 * sum)
    }
  }

  @Test("Fieller's interval: with an exact gain it is the cost's interval over the gain")
  func fiellerExactGain() {
    let costs = [100.0, 120, 90, 110, 130]
    let gains = [2.0, 2, 2, 2, 2]
    let (ratio, low, high, status) = CostRatio.fieller(costs: costs, gains: gains)
    let e = ReplicationEstimate(costs)!
    #expect(status == .costs)
    #expect(abs(ratio - e.mean / 2) < 1e-9)
    #expect(abs(low - e.lower / 2) < 1e-9 && abs(high - e.upper / 2) < 1e-9)
  }

  @Test("Fieller's bounds are where the paired t statistic of cost − R × gain reaches its 97.5% quantile")
  func fiellerBoundsAreTCritical() {
    let costs = [120.0, 95, 140, 110, 130, 105, 125, 115]
    let gains = [2.1, 1.6, 2.9, 2.0, 2.4, 1.9, 2.6, 2.2]
    let (_, low, high, status) = CostRatio.fieller(costs: costs, gains: gains)
    #expect(status == .costs)
    let t = studentTQuantile(0.975, degreesOfFreedom: costs.count - 1)
    for r in [low, high] {
      let d = zip(costs, gains).map { $0 - r * $1 }
      let e = ReplicationEstimate(d)!
      #expect(abs(abs(e.mean / e.standardError) - t) < 1e-6, "R = \(r)")
    }
  }

  @Test("no price when the gain's interval includes zero; a saving when the gain costs nothing")
  func fiellerUndetermined() {
    #expect(CostRatio.fieller(costs: [10, 12, 11, 9], gains: [1, -1, 0.5, -0.4]).3 == .noGain)
    #expect(CostRatio.fieller(costs: [-10, -12, -11, -9], gains: [1, 1.2, 0.9, 1.1]).3 == .saves)
    // A significant loss is not "no gain": fewer ambulances lose minutes and save money.
    let loss = CostRatio.fieller(costs: [-5000, -5200, -4900, -5100], gains: [-12, -12.5, -11.6, -12.2])
    #expect(loss.3 == .loses && loss.0 > 0)
  }

  @Test("a compare of more beds prices each refusal avoided")
  func pricesRefusals() async throws {
    let base = try scenario("care-small.yaml", [.init(key: "costs", value: "{bed_per_day: 1000}")])
    let more = try scenario("care-small.yaml", [.init(key: "costs", value: "{bed_per_day: 1000}"),
                                                .init(key: "beds.scale", value: "3")])
    let rs = await results([Design(label: "a", scenario: base), Design(label: "b", scenario: more)], replications: 6)
    let ratio = try #require(CostRatio.all(rs).first { $0.outcome == "refusal avoided" })
    let comparison = Comparison(rs, labels: ["a", "b"])
    #expect(comparison.costRatios.count == CostRatio.all(rs).count)
    #expect(ratio.gain.mean > 0 && ratio.extraCost.mean > 0)
    #expect(abs(ratio.ratio - ratio.extraCost.mean / ratio.gain.mean) < 1e-9 * ratio.ratio)
    #expect(ratio.differentPrices.isEmpty)
    // Priced differently: the comparison says so.
    let dearer = try scenario("care-small.yaml", [.init(key: "costs", value: "{bed_per_day: 2000}")])
    let mixed = await results([Design(label: "a", scenario: base), Design(label: "c", scenario: dearer)], replications: 3)
    #expect(CostRatio.all(mixed).first?.differentPrices == ["costs.bed_per_day"])
  }
}
