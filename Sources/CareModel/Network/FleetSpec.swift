import SimKernel
import SimRandom

/// The 102 ambulance service: vehicles, their bases, emergency calls and dispatch rules.
public struct FleetSpec: Sendable {
  /// Basic (BLS) or advanced (ALS) life support.
  public enum Kind: String, Sendable, CaseIterable {
    case basic, advanced
    /// Position in `allCases`, for tables kept per kind.
    var position: Int { self == .basic ? 0 : 1 }
  }

  /// One vehicle.
  public struct Ambulance: Sendable, Equatable {
    public var kind: Kind
    /// Facility it starts from and returns to.
    public var base: FacilityID
    /// Creates an ambulance.
    public init(kind: Kind, base: FacilityID) {
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
    /// Creates a class of call.
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
  public var maxQueue: SimDuration
  /// Ambulances farther than this (free-flow road time) are not sent; the call waits for a
  /// nearer one to come free (dispatch is regional, as in district control rooms).
  public var maxDispatch = SimDuration.hour
  /// Daily duty hours of each kind; by default all day. An ambulance off duty takes no call;
  /// one still on a job at the end of its shift finishes it first.
  public var dutyHours: [Kind: Shift] = [:]

  /// Daily hours on duty: from `start` to `end` (times of day, both included); a shift whose
  /// end is before its start runs past midnight (20:00-08:00).
  public struct Shift: Sendable, Equatable {
    public var start: SimDuration
    public var end: SimDuration
    /// Creates a shift.
    public init(start: SimDuration, end: SimDuration) {
      self.start = start
      self.end = end
    }
    /// Whether the shift covers `timeOfDay`.
    public func covers(_ timeOfDay: SimDuration) -> Bool {
      start <= end ? (start <= timeOfDay && timeOfDay <= end) : (timeOfDay >= start || timeOfDay <= end)
    }
  }
  /// Response targets: urban and rural.
  public var urbanTarget: SimDuration
  public var ruralTarget: SimDuration
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

  /// Creates a service.
  public init(ambulances: [Ambulance], callsPerDay: Double, hourOfDay: [Double], dayOfWeek: [Double],
              priorities: [Priority], dispatch: Dispatch, chute: Distribution, atScene: Distribution,
              handover: Distribution, maxQueue: SimDuration, urbanTarget: SimDuration, ruralTarget: SimDuration,
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
    self.maxQueue = maxQueue
    self.urbanTarget = urbanTarget
    self.ruralTarget = ruralTarget
    self.urbanRadiusKm = urbanRadiusKm
    self.hospitalTier = hospitalTier
    self.conditions = conditions
    self.detour = detour
    self.startDayOfYear = startDayOfYear
  }

  /// The ambulance with `id`.
  public subscript(ambulance id: AmbulanceID) -> Ambulance { ambulances[id.index] }

}
