import SimStats

/// What an alternative's extra cost buys: rupees a day per unit of an outcome gained (a
/// refusal avoided, a patient more seen the same day, a minute of mean response saved), from
/// replications paired under common random numbers.
///
/// The ratio is of mean paired differences, R = mean(ΔC) / mean(ΔE), and its 95% interval is
/// Fieller's: every R for which mean(ΔC) − R·mean(ΔE) is not significantly different from 0,
/// that is (m_C − R m_E)² ≤ t² (s_C² − 2R s_CE + R² s_E²) / n. The interval is bounded only
/// when the gain itself is significantly different from 0; otherwise the ratio is reported
/// as undetermined (a delta-method interval would be finite but wrong there).
public struct CostRatio: Sendable, Equatable {
  /// How the outcome was judged.
  public enum Status: String, Sendable {
    /// The gain is real and costs money: ``ratio`` and its interval are meaningful.
    case costs
    /// The gain is real and the alternative is on average not dearer: it dominates (the
    /// ratio is ≤ 0, rupees saved per unit gained).
    case saves
    /// The gain's 95% interval includes 0: no price per unit can be stated.
    case noGain = "no-gain"
    /// The outcome is significantly worse: the ratio is rupees saved (if ≥ 0) per unit lost,
    /// or the alternative is both dearer and worse.
    case loses
  }

  /// What is bought, singular: `refusal avoided`.
  public let outcome: String
  /// Index of the alternative (≥ 1) in the comparison.
  public let alternative: Int
  /// Extra cost a day (Rs/d) and gain a day (units/d or minutes), each with its 95% CI.
  public let extraCost: ReplicationEstimate
  public let gain: ReplicationEstimate
  /// Rupees a day per unit gained, and its 95% Fieller interval (NaN when undetermined).
  public let ratio: Double
  public let lower: Double
  public let upper: Double
  public let status: Status
  /// Cost settings (`costs.…`) that differ between the two scenarios: with different prices
  /// the extra cost mixes a change of price with a change of activity.
  public let differentPrices: [String]
  /// The gain's unit (`/d`, `min`) and the price's: rupees per unit for gains counted a day
  /// (a cost a day over units a day), rupees a day per unit otherwise.
  public let gainUnit: String
  public var priceUnit: String { gainUnit == "/d" ? "Rs" : "Rs/d per " + gainUnit }

  /// The outcomes priced: a name, the unit of the gain, and the gain per replication from
  /// the baseline's and the alternative's figures (nil when the figures are missing).
  struct Outcome: Sendable {
    let name: String
    let unit: String
    let gain: @Sendable (_ base: @escaping (String) -> Double?, _ alternative: @escaping (String) -> Double?) -> Double?
  }

  static let outcomes: [Outcome] = [
    Outcome(name: "refusal avoided", unit: "/d") { b, a in
      guard let x = b("beds.refused"), let y = a("beds.refused") else { return nil }
      return x - y
    },
    Outcome(name: "extra patient seen the same day", unit: "/d") { b, a in
      guard let sb = b("teleconsult.same_day"), let cb = b("teleconsult.completed.per_day"),
            let sa = a("teleconsult.same_day"), let ca = a("teleconsult.completed.per_day") else { return nil }
      return sa * ca - sb * cb
    },
    Outcome(name: "minute of mean response saved", unit: "min") { b, a in
      guard let x = b("ambulance.response.mean"), let y = a("ambulance.response.mean") else { return nil }
      return x - y
    },
  ]

  /// Every outcome both results report, for each alternative against the first result;
  /// empty when the results carry no `cost.total`.
  public static func all(_ results: [ExperimentResult]) -> [CostRatio] {
    guard let base = results.first else { return [] }
    var ratios: [CostRatio] = []
    for (k, alt) in results.enumerated().dropFirst() {
      for outcome in outcomes {
        if let r = price(outcome, base: base, alternative: alt, index: k) { ratios.append(r) }
      }
    }
    return ratios
  }

  private static func price(_ outcome: Outcome, base: ExperimentResult, alternative: ExperimentResult, index: Int)
    -> CostRatio?
  {
    var costs: [Double] = []
    var gains: [Double] = []
    for (x, y) in zip(base.replications, alternative.replications) {
      let bx = lookup(x, in: base.metrics)
      let ay = lookup(y, in: alternative.metrics)
      guard let cb = bx("cost.total"), let ca = ay("cost.total"), let g = outcome.gain(bx, ay), g.isFinite else { continue }
      costs.append(ca - cb)
      gains.append(g)
    }
    guard costs.count >= 2, let c = ReplicationEstimate(costs), let e = ReplicationEstimate(gains) else { return nil }
    let (ratio, lower, upper, status) = fieller(costs: costs, gains: gains)
    return CostRatio(outcome: outcome.name, alternative: index, extraCost: c, gain: e, ratio: ratio,
                     lower: lower, upper: upper, status: status, differentPrices: differentPrices(base, alternative),
                     gainUnit: outcome.unit)
  }

  /// The `costs` settings in which `a` and `b` differ.
  static func differentPrices(_ a: ExperimentResult, _ b: ExperimentResult) -> [String] {
    SettingChange.between(a.info.settings, b.info.settings).map(\.path).filter { $0 == "costs" || $0.hasPrefix("costs.") }
  }

  private static func lookup(_ values: MetricValues, in metrics: [Metric]) -> (String) -> Double? {
    { name in
      guard let i = metrics.firstIndex(where: { $0.name == name }), !values.values[i].isNaN else { return nil }
      return values.values[i]
    }
  }

  /// Fieller's 95% interval for mean(costs) / mean(gains) over paired samples.
  package static func fieller(costs: [Double], gains: [Double]) -> (Double, Double, Double, Status) {
    let n = Double(costs.count)
    let mc = costs.reduce(0, +) / n
    let me = gains.reduce(0, +) / n
    var scc = 0.0, see = 0.0, sce = 0.0
    for (c, e) in zip(costs, gains) {
      scc += (c - mc) * (c - mc)
      see += (e - me) * (e - me)
      sce += (c - mc) * (e - me)
    }
    scc /= n - 1; see /= n - 1; sce /= n - 1
    let t = studentTQuantile(0.975, degreesOfFreedom: costs.count - 1)
    let t2n = t * t / n
    // a R² + b R + c ≤ 0; bounded exactly when the gain's interval excludes 0 (a > 0).
    let a = me * me - t2n * see
    guard me != 0, a > 0 else { return (.nan, .nan, .nan, .noGain) }
    let b = -2 * (mc * me - t2n * sce)
    let c = mc * mc - t2n * scc
    let root = max(b * b - 4 * a * c, 0).squareRoot()
    let status: Status = me < 0 ? .loses : mc <= 0 ? .saves : .costs
    return (mc / me, (-b - root) / (2 * a), (-b + root) / (2 * a), status)
  }
}
