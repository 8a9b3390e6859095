/// What the network costs to run, in rupees: the prices a planner enters to turn capacity and
/// activity into cost per day.
///
/// Costs follow what the replication measured: specialist-sessions held, beds available
/// (upgrades count from their date), inpatient-days fed, kilometres driven; salaried staff and
/// ambulances cost every day whatever they do.
public struct CareCosts: Sendable, Equatable {
  /// Per specialist per session held (a sessional fee, whatever the session's length).
  public var specialistPerSession: Double = 0
  /// Per specialist per hour on duty in sessions: longer sessions cost more.
  public var specialistPerHour: Double = 0
  /// Per specialist per calendar day (salaried), whether or not a session is held.
  public var specialistPerDay: Double = 0
  /// Running cost of a bed per day it exists (staff, linen, upkeep), occupied or not.
  public var bedPerDay: Double = 0
  /// Capital cost of a bed, spread evenly over ``capitalYears`` (straight-line, no discounting).
  public var bedCapital: Double = 0
  /// Years over which capital is spread.
  public var capitalYears: Double = 10
  /// Per ambulance per day (crew, fuel reserve, maintenance); kilometres cost at
  /// `transport.cost_per_km`.
  public var ambulancePerDay: Double = 0
  /// Per inpatient-day for meals (Didi ki Rasoi: four meals, Rs 150).
  public var mealPerPatientDay: Double = 150

  /// Costs of nothing but meals at `meals` a patient-day.
  public init(mealPerPatientDay: Double = 150) { self.mealPerPatientDay = mealPerPatientDay }

  /// Days in a year, for spreading capital: the Julian year, as `Limits.minutesPerYear` uses.
  static let daysPerYear = 365.25

  /// What a bed costs a day: running cost plus its capital spread over ``capitalYears``.
  public var bedCostPerDay: Double { bedPerDay + bedCapital / (capitalYears * Self.daysPerYear) }
}
