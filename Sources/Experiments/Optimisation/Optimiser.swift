import Foundation
import ScenarioIO
import SimStats

/// Finds the design that minimises an objective among those that meet every target, with a
/// stated confidence, running as few replications as the decision needs.
///
/// The method (docs/optimisation.md):
/// 1. *Screen*: every design runs `firstReplications` replications, 0…n₀−1, under common
///    random numbers.
/// 2. *Resolve feasibility sequentially*: each target is judged on its confidence interval,
///    at level 1 − α/m for m targets (Bonferroni, so a design judged feasible meets all its
///    targets with confidence 1 − α). A design meets, fails, or is undecided. Undecided
///    designs that could still be the optimum (their objective's lower bound is below the
///    best feasible design's upper bound) double their replications, up to
///    `maxReplications`; the others are left alone.
/// 3. *Select*: among feasible designs that could be best, the one with the smallest
///    objective. An exact objective (a capacity total) is compared directly; a noisy one (a
///    cost or a metric) by Kim and Nelson's fully sequential procedure (KN, 2001) with
///    indifference zone δ, which uses the variance of paired differences and so gains from
///    common random numbers.
public struct Optimiser: Sendable {
  /// Sample sizes, confidence and indifference zone.
  public struct Settings: Sendable, Equatable {
    /// n₀: replications of every design (at least 2, for a variance).
    public var firstReplications = 5
    /// Most replications any design gets.
    public var maxReplications = 40
    /// 1 − α: confidence that a design judged feasible is, and that the selection is right.
    public var level = 0.95
    /// δ for Kim-Nelson: differences of the objective smaller than this do not matter
    /// (default: 0.1% of the smallest screened mean; a cost dominated by fixed lines, such
    /// as beds, differs between staffing plans by less than 1%).
    public var indifference: Double?

    /// The defaults.
    public init() {}
  }

  /// What to minimise: a metric's mean, or a total of the scenario that does not vary.
  public enum Objective: Sendable, Equatable {
    case metric(String)
    /// A constant of each design (a capacity total such as `specialists`).
    case exact(String, values: [Double])

    /// The name as written.
    public var name: String {
      switch self {
      case .metric(let n), .exact(let n, _): return n
      }
    }
  }

  /// What every chosen design must meet.
  public let targets: [Expectations.Threshold]
  /// What is minimised among feasible designs.
  public let objective: Objective
  /// Sample sizes, confidence and indifference zone.
  public let settings: Settings
  /// The metric names of every design, in the order of a record's values.
  public let metricNames: [String]
  /// Designs, numbered as in the plan (design-major units).
  public let designCount: Int

  /// A search over `designCount` designs whose records carry `metricNames`.
  public init(designCount: Int, metricNames: [String], targets: [Expectations.Threshold], objective: Objective,
              settings: Settings) {
    precondition(settings.firstReplications >= 2 && settings.maxReplications >= settings.firstReplications)
    self.designCount = designCount
    self.metricNames = metricNames
    self.targets = targets
    self.objective = objective
    self.settings = settings
  }

  /// Runs the search. `evaluate` runs the given units (design, replication) and returns
  /// their records; `round` hears what each round decided.
  public func search(evaluate: ([ExperimentPlan.Unit]) async throws -> [UnitRecord],
                     round: (String) -> Void = { _ in }) async throws -> Outcome {
    var samples = [[[Double]]](repeating: [], count: designCount)
    func bring(_ designs: [Int], to count: (Int) -> Int) async throws {
      let units = designs.flatMap { d in (samples[d].count..<count(d)).map { ExperimentPlan.Unit(design: d, replication: $0) } }
      guard !units.isEmpty else { return }
      for record in try await evaluate(units) { samples[record.unit.design].append(record.values) }
    }
    try await bring(Array(0..<designCount)) { _ in settings.firstReplications }
    var assessed = assess(samples)
    round(Self.describe(assessed, stage: "screened every design"))
    while true {
      let contenders = undecidedContenders(assessed, samples: samples)
      if contenders.isEmpty { break }
      try await bring(contenders) { d in min(2 * samples[d].count, settings.maxReplications) }
      assessed = assess(samples)
      let most = contenders.map { samples[$0].count }.max() ?? 0
      let total = samples.reduce(0) { $0 + $1.count }
      round(Self.describe(assessed, stage: "\(contenders.count) undecided design\(contenders.count == 1 ? "" : "s") now at "
                          + "\(most) replications (\(total) run in all)"))
    }
    let candidates = selectionCandidates(assessed)
    var note: String
    var chosen: Int?
    switch candidates.count {
    case 0: note = "no design meets every target"
    case 1: chosen = candidates[0]; note = "the only feasible design that could be best"
    default:
      if case .exact = objective {
        chosen = candidates.min { assessed[$0].objective.mean < assessed[$1].objective.mean }
        note = "smallest exact \(objective.name) among \(candidates.count) feasible designs"
      } else {
        let r0 = candidates.map { samples[$0].count }.max()!
        try await bring(candidates) { _ in r0 }
        var kn = KimNelson(candidates: candidates, level: settings.level, indifference: indifference(assessed, candidates))
        chosen = try await kn.select(sampleOf: { d in samples[d].map { self.objectiveValue($0, design: d) } },
                                     limit: settings.maxReplications) { survivors, next in
          try await bring(survivors) { _ in next }
        }
        // Selection's extra replications refine the estimates; feasibility stays as judged
        // before it (a chosen design must not turn undecided because it was looked at again).
        let judged = assessed
        assessed = assess(samples).map { a in
          Assessment(design: a.design, replications: a.replications, targets: a.targets, status: judged[a.design].status,
                     objective: a.objective)
        }
        note = "Kim-Nelson selection among \(candidates.count) feasible designs (δ = \(Self.threeFigures(kn.indifference))), "
          + (kn.survivors.count == 1 ? "one left" : "\(kn.survivors.count) left at \(settings.maxReplications) replications; smallest mean")
      }
    }
    let feasible = assessed.filter { $0.status == .meets }.sorted { $0.objective.mean < $1.objective.mean }.map(\.design)
    // Designs left undecided at the most replications that could still beat the choice.
    let ceiling = chosen.map { upper(assessed[$0].objective) } ?? .infinity
    let open = assessed.filter { $0.status == .undecided && lower($0.objective) <= ceiling }
      .sorted { $0.objective.mean < $1.objective.mean }.map(\.design)
    return Outcome(assessments: assessed, chosen: chosen, runnersUp: feasible.filter { $0 != chosen }, undecided: open,
                   method: note, replicationsRun: samples.reduce(0) { $0 + $1.count })
  }

  // MARK: judging

  /// Where a design stands on one target, or on all of them.
  public enum Status: String, Sendable {
    case meets, fails, undecided
  }

  /// A design's estimates after the replications it has had.
  public struct Assessment: Sendable {
    /// The design's number in the plan, and the replications it has had.
    public let design: Int
    public let replications: Int
    /// Per target: the estimate (nil when the metric was never observed) and the judgement.
    public let targets: [(estimate: ReplicationEstimate?, status: Status)]
    /// Meets every target, fails one, or is undecided.
    public let status: Status
    /// The objective's estimate at the search's confidence (exact objectives: one value).
    public let objective: ReplicationEstimate
  }

  /// The search's answer.
  public struct Outcome: Sendable {
    /// Every design's standing at the end, by design number.
    public let assessments: [Assessment]
    /// The chosen design, nil when no design meets every target.
    public let chosen: Int?
    /// Other feasible designs, best objective first.
    public let runnersUp: [Int]
    /// Designs still undecided after the most replications that could beat the choice (or,
    /// with no choice, any undecided design): the answer holds only if they fail.
    public let undecided: [Int]
    /// How the choice was made.
    public let method: String
    /// Replications run (or reused) over all designs.
    public let replicationsRun: Int
  }

  func assess(_ samples: [[[Double]]]) -> [Assessment] {
    let perTarget = 1 - (1 - settings.level) / Double(max(targets.count, 1))
    let indices = targets.map { t in metricNames.firstIndex(of: t.metric) }
    return samples.indices.map { d in
      let judged = zip(targets, indices).map { t, i -> (estimate: ReplicationEstimate?, status: Status) in
        let values = i.map { i in samples[d].map { $0[i] }.filter { !$0.isNaN } } ?? []
        guard let e = ReplicationEstimate(values, level: perTarget) else { return (nil, .fails) }
        return (e, Self.judge(e, t))
      }
      let status: Status = judged.contains { $0.status == .fails } ? .fails
        : judged.allSatisfy { $0.status == .meets } ? .meets : .undecided
      let objectiveValues = samples[d].map { objectiveValue($0, design: d) }.filter { !$0.isNaN }
      return Assessment(design: d, replications: samples[d].count, targets: judged, status: status,
                        objective: ReplicationEstimate(objectiveValues.isEmpty ? [.infinity] : objectiveValues,
                                                       level: settings.level)!)
    }
  }

  /// Meets when the whole interval is on the right side of the limit, fails when it is wholly
  /// on the wrong side; an interval of one replication (NaN) is undecided.
  static func judge(_ e: ReplicationEstimate, _ t: Expectations.Threshold) -> Status {
    let half = e.count > 1 ? (e.standardDeviation == 0 ? 0 : e.halfWidth) : Double.nan
    guard !half.isNaN else { return .undecided }
    let (low, high) = (e.mean - half, e.mean + half)
    switch t.comparison {
    case .atLeast: return low >= t.limit ? .meets : high < t.limit ? .fails : .undecided
    case .above: return low > t.limit ? .meets : high <= t.limit ? .fails : .undecided
    case .atMost: return high <= t.limit ? .meets : low > t.limit ? .fails : .undecided
    case .below: return high < t.limit ? .meets : low >= t.limit ? .fails : .undecided
    }
  }

  /// The objective in one replication's values of `design` (its constant for exact objectives).
  func objectiveValue(_ values: [Double], design: Int) -> Double {
    switch objective {
    case .metric(let name): return metricNames.firstIndex(of: name).map { values[$0] } ?? .nan
    case .exact(_, let constants): return constants[design]
    }
  }

  /// The best upper bound of the objective among feasible designs (∞ with none).
  private func bound(_ assessed: [Assessment]) -> Double {
    assessed.filter { $0.status == .meets }.map { $0.objective.count > 1 ? upper($0.objective) : $0.objective.mean }
      .min() ?? .infinity
  }

  private func upper(_ e: ReplicationEstimate) -> Double { e.standardDeviation == 0 ? e.mean : e.upper }
  private func lower(_ e: ReplicationEstimate) -> Double { e.standardDeviation == 0 ? e.mean : e.lower }

  private func undecidedContenders(_ assessed: [Assessment], samples: [[[Double]]]) -> [Int] {
    let best = bound(assessed)
    return assessed.filter {
      $0.status == .undecided && samples[$0.design].count < settings.maxReplications && lower($0.objective) <= best
    }.map(\.design)
  }

  private func selectionCandidates(_ assessed: [Assessment]) -> [Int] {
    let best = bound(assessed)
    return assessed.filter { $0.status == .meets && lower($0.objective) <= best }.map(\.design)
  }

  private func indifference(_ assessed: [Assessment], _ candidates: [Int]) -> Double {
    if let d = settings.indifference { return d }
    let smallest = candidates.map { abs(assessed[$0].objective.mean) }.min() ?? 0
    return smallest > 0 ? smallest / 1000 : 1e-9
  }

  /// `395000`, `0.0123`: enough figures to read, none to distract.
  static func threeFigures(_ x: Double) -> String {
    guard x.isFinite, x != 0 else { return "\(x)" }
    let digits = max(0, 2 - Int(log10(abs(x)).rounded(.down)))
    return String(format: "%.\(min(digits, 12))f", x)
  }

  static func describe(_ assessed: [Assessment], stage: String) -> String {
    let count = { (s: Status) in assessed.filter { $0.status == s }.count }
    return "\(stage): \(count(.meets)) meet every target, \(count(.fails)) fail one, \(count(.undecided)) undecided"
  }
}
