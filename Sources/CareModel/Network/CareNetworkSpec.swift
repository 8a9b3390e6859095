import SimRandom

/// A validated telemedicine network: where patients come from, which hubs see them, when,
/// how long it takes, and what happens after.
public struct CareNetworkSpec: Sendable {
  /// A clinical specialty offered by teleconsultation.
  public struct Specialty: Sendable, Equatable {
    /// Name used in reports (`general_medicine`).
    public var name: String
    /// Share of teleconsultation requests (normalised over all specialties).
    public var share: Double
    /// Consultation time in minutes.
    public var consult: Distribution
    /// Specialists of this specialty on duty during sessions at a hub of each tier (indexed by
    /// `Tier.rank`); a hub with none sends these patients to the nearest hub that has some.
    public var specialistsByHubTier: [Int]
    /// Probability a consultation ends in admission to the spoke's own beds.
    public var admitProbability: Double
    /// Probability a consultation ends in referral to a higher facility.
    public var referProbability: Double
    /// Creates a specialty.
    public init(name: String, share: Double, consult: Distribution, specialistsByHubTier: [Int],
                admitProbability: Double, referProbability: Double) {
      precondition(specialistsByHubTier.count == Tier.allCases.count, "one count per tier")
      self.name = name
      self.share = share
      self.consult = consult
      self.specialistsByHubTier = specialistsByHubTier
      self.admitProbability = admitProbability
      self.referProbability = referProbability
    }
  }

  /// When hubs hold teleconsultation sessions: the same hours on the listed weekdays.
  public struct SessionCalendar: Sendable, Equatable {
    /// Open on each weekday, Monday first.
    public var days: [Bool]
    /// Opening and closing minute of the day.
    public var opensAt: Double
    public var closesAt: Double
    /// Creates a calendar. - Precondition: 7 days, 0 ≤ opensAt < closesAt ≤ 1440.
    public init(days: [Bool], opensAt: Double, closesAt: Double) {
      precondition(days.count == 7 && opensAt >= 0 && opensAt < closesAt && closesAt <= 1440)
      self.days = days
      self.opensAt = opensAt
      self.closesAt = closesAt
    }
    /// Session hours per week.
    public var hoursPerWeek: Double { Double(days.filter { $0 }.count) * (closesAt - opensAt) / 60 }
  }

  /// Which hub sees a spoke's patients.
  public enum Assignment: String, Sendable, CaseIterable {
    /// The nearest hub in the spoke's district (the nearest anywhere if the district has none).
    case ownDistrict = "own-district"
    /// The nearest hub.
    case nearest
    /// One statewide queue per specialty served by every hub's specialists.
    case statewidePool = "statewide-pool"
  }

  /// What happens to patients still waiting when a session closes.
  public enum SessionEnd: String, Sendable, CaseIterable {
    /// They stay in the queue for the next session.
    case wait
    /// They go home unseen (counted as abandoned).
    case goHome = "go-home"
  }

  /// Behaviour of the teleconsultation service.
  public struct Policy: Sendable, Equatable {
    public var assignment: Assignment
    public var sessionEnd: SessionEnd
    /// Probability the video call fails (the specialist loses `failedCallMinutes`).
    public var connectionFailure: Double
    /// Probability the specialist is unavailable when the patient's turn comes.
    public var doctorUnavailable: Double
    /// After a failed attempt: probability the patient comes back next session (else gives up).
    public var retryProbability: Double
    /// Attempts before the patient gives up for good.
    public var maxAttempts: Int
    /// Specialist time lost on a failed call, in minutes.
    public var failedCallMinutes: Double
    public init(assignment: Assignment, sessionEnd: SessionEnd, connectionFailure: Double,
                doctorUnavailable: Double, retryProbability: Double, maxAttempts: Int,
                failedCallMinutes: Double) {
      self.assignment = assignment
      self.sessionEnd = sessionEnd
      self.connectionFailure = connectionFailure
      self.doctorUnavailable = doctorUnavailable
      self.retryProbability = retryProbability
      self.maxAttempts = maxAttempts
      self.failedCallMinutes = failedCallMinutes
    }
  }

  /// Patients requesting teleconsultation.
  public struct Demand: Sendable, Equatable {
    /// Requests per day statewide, averaged over the week (shared by catchment population).
    public var dailyTotal: Double
    /// Relative intensity by hour of day (24) and weekday (7, Monday first).
    public var hourOfDay: [Double]
    public var dayOfWeek: [Double]
    /// Compound growth of demand per 30 days (0.05 = 5%).
    public var monthlyGrowth: Double
    public init(dailyTotal: Double, hourOfDay: [Double], dayOfWeek: [Double], monthlyGrowth: Double) {
      self.dailyTotal = dailyTotal
      self.hourOfDay = hourOfDay
      self.dayOfWeek = dayOfWeek
      self.monthlyGrowth = monthlyGrowth
    }
  }

  /// Travel for referrals (until road-network ambulances replace it).
  public struct Transport: Sendable, Equatable {
    /// Road distance = straight line × detour.
    public var detour: Double
    public var speedKmPerHour: Double
    /// Delay before the vehicle leaves, minutes.
    public var dispatchMinutes: Double
    /// Rupees per km.
    public var costPerKm: Double
    public init(detour: Double, speedKmPerHour: Double, dispatchMinutes: Double, costPerKm: Double) {
      self.detour = detour
      self.speedKmPerHour = speedKmPerHour
      self.dispatchMinutes = dispatchMinutes
      self.costPerKm = costPerKm
    }
  }

  /// A dated change of bed numbers (a PHC upgrade programme step).
  public struct Upgrade: Sendable, Equatable {
    /// When, minutes after the start.
    public var atMinutes: Double
    /// Facilities upgraded (indices into `facilities`).
    public var facilities: [Int]
    /// Their new number of beds.
    public var beds: Int
    public init(atMinutes: Double, facilities: [Int], beds: Int) {
      self.atMinutes = atMinutes
      self.facilities = facilities
      self.beds = beds
    }
  }

  public var facilities: [HealthCentre]
  /// Spokes (indices into `facilities`) and their catchment populations.
  public var spokes: [Int]
  public var spokePopulation: [Int]
  /// Hubs (indices into `facilities`).
  public var hubs: [Int]
  public var specialties: [Specialty]
  public var sessions: SessionCalendar
  public var policy: Policy
  public var demand: Demand
  /// Length of stay by tier (indexed by `Tier.rank`), minutes; nil where the tier has no beds.
  public var stays: [Distribution?]
  /// Admissions per day to each facility of a tier from outside teleconsultation (walk-ins,
  /// deliveries, emergencies), indexed by `Tier.rank`: they compete for the same beds.
  public var otherAdmissionsPerDay: [Double] = Array(repeating: 0, count: Tier.allCases.count)
  /// Lowest tier a referral can go to.
  public var referralTier: Tier
  public var transport: Transport
  public var upgrades: [Upgrade]
  /// Rupees per inpatient-day for meals (Didi ki Rasoi: 4 meals, Rs 150).
  public var mealCostPerPatientDay: Double
  /// The ambulance service, when modelled; referrals then travel by ambulance.
  public var fleet: FleetSpec?
  /// Weekday of the start date (0 = Monday) and the date itself, for reports.
  public var startWeekday: Int
  public var startDate: String

  public init(facilities: [HealthCentre], spokes: [Int], spokePopulation: [Int], hubs: [Int],
              specialties: [Specialty], sessions: SessionCalendar, policy: Policy, demand: Demand,
              stays: [Distribution?], referralTier: Tier, transport: Transport, upgrades: [Upgrade],
              mealCostPerPatientDay: Double, startWeekday: Int, startDate: String) {
    self.facilities = facilities
    self.spokes = spokes
    self.spokePopulation = spokePopulation
    self.hubs = hubs
    self.specialties = specialties
    self.sessions = sessions
    self.policy = policy
    self.demand = demand
    self.stays = stays
    self.referralTier = referralTier
    self.transport = transport
    self.upgrades = upgrades
    self.mealCostPerPatientDay = mealCostPerPatientDay
    self.startWeekday = startWeekday
    self.startDate = startDate
  }

  /// Districts in first-appearance order of the facilities table.
  public var districts: [String] {
    var seen: [String] = []
    for f in facilities where !seen.contains(f.district) { seen.append(f.district) }
    return seen
  }
}
