import Foundation
import SimKernel
import SimRandom

extension CareNetworkSpec {
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
    /// - Precondition: one specialist count per tier.
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

    /// This specialty with every hub's specialists multiplied by `scale` and rounded to whole
    /// people (halves up): `specialists_scale`, one knob for all staffing.
    public func scaled(by scale: Double) -> Specialty {
      var copy = self
      copy.specialistsByHubTier = specialistsByHubTier.map { Int((Double($0) * scale).rounded()) }
      return copy
    }
  }

  /// When hubs hold teleconsultation sessions: the same hours on the listed weekdays.
  public struct SessionCalendar: Sendable, Equatable {
    /// Open on each weekday, Monday first.
    public var days: [Bool]
    /// Opening and closing time of day.
    public var opensAt: SimDuration
    public var closesAt: SimDuration
    /// Creates a calendar.
    /// - Precondition: 7 days; 0 ≤ opensAt < closesAt ≤ one day.
    public init(days: [Bool], opensAt: SimDuration, closesAt: SimDuration) {
      precondition(days.count == 7 && opensAt >= .zero && opensAt < closesAt && closesAt <= .day)
      self.days = days
      self.opensAt = opensAt
      self.closesAt = closesAt
    }

    /// 1 for a session day and 0 for another, for the week whose day 0 is weekday
    /// `startWeekday` (0 = Monday): a day-of-week profile of what comes on session days.
    public func dayFactors(startWeekday: Int) -> [Double] {
      (0..<7).map { days[($0 + startWeekday) % 7] ? 1.0 : 0.0 }
    }
  }

  /// Which hub sees a spoke's patients.
  public enum Assignment: String, Sendable, CaseIterable {
    /// The nearest hub in the spoke's district that has specialists of the specialty (the
    /// nearest such hub anywhere if the district has none).
    case ownDistrict = "own-district"
    /// The nearest hub that has specialists of the specialty.
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
    /// Probability the video call fails (the specialist loses ``failedCall``).
    public var connectionFailure: Double
    /// Probability the specialist is unavailable when the patient's turn comes.
    public var doctorUnavailable: Double
    /// After a failed attempt: probability the patient comes back next session (else gives up).
    public var retryProbability: Double
    /// Attempts before the patient gives up for good.
    public var maxAttempts: Int
    /// Specialist time lost on a failed call.
    public var failedCall: SimDuration
    /// Creates a policy.
    public init(assignment: Assignment, sessionEnd: SessionEnd, connectionFailure: Double,
                doctorUnavailable: Double, retryProbability: Double, maxAttempts: Int,
                failedCall: SimDuration) {
      self.assignment = assignment
      self.sessionEnd = sessionEnd
      self.connectionFailure = connectionFailure
      self.doctorUnavailable = doctorUnavailable
      self.retryProbability = retryProbability
      self.maxAttempts = maxAttempts
      self.failedCall = failedCall
    }
  }

  /// Patients requesting teleconsultation.
  public struct Demand: Sendable, Equatable {
    /// Requests per day statewide at the start, averaged over the week (shared by catchment
    /// population).
    public var dailyTotal: Double
    /// Relative intensity by hour of day (24) and weekday (7, Monday first).
    public var hourOfDay: [Double]
    public var dayOfWeek: [Double]
    /// Compound growth of demand per 30 days (0.05 = 5%; negative for falling demand).
    public var monthlyGrowth: Double
    /// Most requests per day statewide that growth can reach (nil: no ceiling).
    public var maxDaily: Double?
    /// Creates a demand.
    public init(dailyTotal: Double, hourOfDay: [Double], dayOfWeek: [Double], monthlyGrowth: Double,
                maxDaily: Double? = nil) {
      self.dailyTotal = dailyTotal
      self.hourOfDay = hourOfDay
      self.dayOfWeek = dayOfWeek
      self.monthlyGrowth = monthlyGrowth
      self.maxDaily = maxDaily
    }

    /// Growth compounds over periods of 30 days.
    public static let growthPeriod = SimDuration.days(30)

    /// The growth factor after `minutes`, relative to the start:
    /// min((1 + monthly growth)^(t / 30 days), max daily / daily).
    public func growth(afterMinutes minutes: Double) -> Double {
      min(pow(1 + monthlyGrowth, minutes / Self.growthPeriod.minutes), maxDaily.map { $0 / dailyTotal } ?? .infinity)
    }

    /// Slices of the midpoint rule for ``meanGrowth(overMinutes:)``: growth is smooth.
    static let growthSlices = 100

    /// The mean growth factor over a run of `minutes`, by the midpoint rule.
    public func meanGrowth(overMinutes minutes: Double) -> Double {
      let n = Double(Self.growthSlices)
      return (0..<Self.growthSlices).reduce(0.0) { $0 + growth(afterMinutes: (Double($1) + 0.5) * minutes / n) } / n
    }

    /// The highest growth factor over a run of `minutes` (growth is monotone, so it is
    /// reached at the start or at the end).
    public func peakGrowth(overMinutes minutes: Double) -> Double {
      max(growth(afterMinutes: 0), growth(afterMinutes: max(minutes, 0)))
    }
  }

  /// Travel for referrals when there is no ambulance service: straight line × detour at a
  /// fixed speed.
  public struct Transport: Sendable, Equatable {
    /// Road distance = straight line × detour.
    public var detour: Double
    public var speedKmPerHour: Double
    /// Delay before the vehicle leaves.
    public var dispatchDelay: SimDuration
    /// Rupees per km.
    public var costPerKm: Double
    /// Creates a transport rule.
    public init(detour: Double, speedKmPerHour: Double, dispatchDelay: SimDuration, costPerKm: Double) {
      self.detour = detour
      self.speedKmPerHour = speedKmPerHour
      self.dispatchDelay = dispatchDelay
      self.costPerKm = costPerKm
    }
  }

  /// A dated change of bed numbers (a PHC upgrade programme step).
  public struct Upgrade: Sendable, Equatable {
    /// When, after the start.
    public var at: SimTime
    /// Facilities upgraded.
    public var facilities: [FacilityID]
    /// Their new number of beds.
    public var beds: Int
    /// Creates a step.
    public init(at: SimTime, facilities: [FacilityID], beds: Int) {
      self.at = at
      self.facilities = facilities
      self.beds = beds
    }
  }
}
