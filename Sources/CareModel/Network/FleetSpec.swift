import SimRandom

/// The 102 ambulance service: vehicles, their bases, emergency calls and dispatch rules.
public struct FleetSpec: Sendable {
  /// Basic (BLS) or advanced (ALS) life support.
  public enum Kind: String, Sendable, CaseIterable { case basic, advanced }

  /// One vehicle.
  public struct Ambulance: Sendable, Equatable {
    public var kind: Kind
    /// Facility it starts from and returns to.
    public var base: Int
    public init(kind: Kind, base: Int) {
      self.kind = kind
      self.base = base
    }
  }

  /// A class of emergency call.
  public struct Priority: Sendable, Equatable {
    public var name: String
    /// Share of calls.
    public var share: Double
    /// Needs an advanced ambulance (else any).
    public var needsAdvanced: Bool
    /// Probability the patient needs a bed; the others are treated and released at the
    /// hospital (the nearest one, beds or not).
    public var admitProbability: Double
    public init(name: String, share: Double, needsAdvanced: Bool, admitProbability: Double = 1) {
      self.name = name
      self.share = share
      self.needsAdvanced = needsAdvanced
      self.admitProbability = admitProbability
    }
  }

  /// How the nearest ambulance is chosen.
  public enum Dispatch: String, Sendable, CaseIterable {
    /// Shortest travel time on the road network.
    case road
    /// Shortest straight-line distance (what a map without roads would do), for comparison.
    case straightLine = "straight-line"
  }

  public var ambulances: [Ambulance]
  /// Emergency calls per day statewide (week average), shaped by hour and weekday.
  public var callsPerDay: Double
  public var hourOfDay: [Double]
  public var dayOfWeek: [Double]
  public var priorities: [Priority]
  public var dispatch: Dispatch
  /// Minutes from call to departure, at scene, and for handover at hospital.
  public var chute: Distribution
  public var atScene: Distribution
  public var handover: Distribution
  /// A call still waiting for an ambulance after this long is counted as failed.
  public var maxQueueMinutes: Double
  /// Ambulances farther than this (free-flow road minutes) are not sent; the call waits for
  /// a nearer one to come free (dispatch is regional, as in district control rooms).
  public var maxDispatchMinutes: Double = 60
  /// Daily duty hours of each kind (minutes from midnight, open…close); by default all day.
  /// An ambulance off duty takes no call; one still on a job at the end of its shift finishes
  /// it first.
  public var dutyHours: [Kind: ClosedRange<Double>] = [:]

  /// Whether an ambulance of `kind` is on duty at `minutes` after the start (time 0 is midnight).
  public func isOnDuty(_ kind: Kind, atMinutes t: Double) -> Bool {
    guard let hours = dutyHours[kind] else { return true }
    let minute = t.truncatingRemainder(dividingBy: 1440)
    return hours.lowerBound <= hours.upperBound ? hours.contains(minute) : (minute >= hours.lowerBound || minute <= hours.upperBound)
  }
  /// Response targets (minutes): urban and rural.
  public var urbanTarget: Double
  public var ruralTarget: Double
  /// A call is urban when it comes from within this distance (km) of a district hospital town.
  public var urbanRadiusKm: Double
  /// Lowest tier an emergency patient is taken to (the nearest such facility with a free bed).
  public var hospitalTier: Tier
  /// Road-network travel conditions and detour factor of the synthetic network.
  public var conditions: TravelConditions
  public var detour: Double
  /// Day of the year (0-based) of the start date, for the monsoon factor.
  public var startDayOfYear: Int
  /// Where calls come from (population-weighted) and what the synthetic roads connect.
  public var habitations: [Habitation] = []
  /// A road network given by the user (nodes, edges); nil for the synthetic one.
  public var roads: RoadGraph?

  public init(ambulances: [Ambulance], callsPerDay: Double, hourOfDay: [Double], dayOfWeek: [Double],
              priorities: [Priority], dispatch: Dispatch, chute: Distribution, atScene: Distribution,
              handover: Distribution, maxQueueMinutes: Double, urbanTarget: Double, ruralTarget: Double,
              urbanRadiusKm: Double, hospitalTier: Tier, conditions: TravelConditions, detour: Double,
              startDayOfYear: Int) {
    self.ambulances = ambulances
    self.callsPerDay = callsPerDay
    self.hourOfDay = hourOfDay
    self.dayOfWeek = dayOfWeek
    self.priorities = priorities
    self.dispatch = dispatch
    self.chute = chute
    self.atScene = atScene
    self.handover = handover
    self.maxQueueMinutes = maxQueueMinutes
    self.urbanTarget = urbanTarget
    self.ruralTarget = ruralTarget
    self.urbanRadiusKm = urbanRadiusKm
    self.hospitalTier = hospitalTier
    self.conditions = conditions
    self.detour = detour
    self.startDayOfYear = startDayOfYear
  }

  /// Places `basic` and `advanced` ambulances at `bases` (facility indices) in proportion to
  /// the population each base is nearest to (largest remainder; ties by base order).
  public static func allocate(basic: Int, advanced: Int, bases: [Int], facilities: [HealthCentre],
                              habitations: [Habitation]) -> [Ambulance] {
    func spread(_ n: Int, over candidates: [Int], kind: Kind) -> [Ambulance] {
      guard n > 0, !candidates.isEmpty else { return [] }
      let population = NetworkSelection.catchments(of: candidates, in: facilities, habitations: habitations)
      let total = Double(max(population.reduce(0, +), 1))
      var counts = population.map { Int(Double(n) * Double($0) / total) }
      var remainders = population.indices.map { (Double(n) * Double(population[$0]) / total - Double(counts[$0]), $0) }
      remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
      for k in 0..<(n - counts.reduce(0, +)) { counts[remainders[k % remainders.count].1] += 1 }
      return candidates.indices.flatMap { i in Array(repeating: Ambulance(kind: kind, base: candidates[i]), count: counts[i]) }
    }
    return spread(basic, over: bases, kind: .basic) + spread(advanced, over: bases, kind: .advanced)
  }
}
