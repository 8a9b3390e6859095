/// How much of everything a care network has: what a planner pays for and an optimiser trades.
public struct CapacityTotals: Sendable, Equatable {
  /// Spokes offering teleconsultation.
  public var spokes: Int
  /// Hubs with specialists.
  public var hubs: Int
  /// Specialists on duty in a session, over all hubs and specialties.
  public var specialists: Int
  /// Beds in every facility at the start.
  public var bedsAtStart: Int
  /// Beds once every upgrade dated before the horizon has happened.
  public var bedsAtEnd: Int
  /// Ambulances of every kind (0 without an ambulance service).
  public var ambulances: Int
}

extension CareNetworkSpec {
  /// The network's totals for a run of `minutes`: upgrades dated at or after the horizon do
  /// not count toward ``CapacityTotals/bedsAtEnd``.
  public func capacity(overMinutes minutes: Double) -> CapacityTotals {
    let specialists = hubs.reduce(0) { sum, hub in
      sum + specialties.reduce(0) { $0 + $1.specialistsByHubTier[self[facility: hub].tier.rank] }
    }
    var beds = facilities.map(\.beds)
    // Upgrades set a facility's beds; later steps override earlier ones.
    for step in upgrades.sorted(by: { $0.at < $1.at }) where step.at.minutes < minutes {
      for f in step.facilities { beds[f.index] = step.beds }
    }
    return CapacityTotals(
      spokes: spokes.count, hubs: hubs.count, specialists: specialists,
      bedsAtStart: facilities.reduce(0) { $0 + $1.beds }, bedsAtEnd: beds.reduce(0, +),
      ambulances: fleet?.ambulances.count ?? 0)
  }
}
