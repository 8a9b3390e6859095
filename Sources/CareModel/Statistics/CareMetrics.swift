import SimStats

extension CareNetworkSpec {
  /// The statewide figures each replication reports, in order (ambulance figures only when
  /// the scenario has an ambulance service).
  public var metrics: [Metric] { Self.careMetrics + (fleet == nil ? [] : Self.ambulanceMetrics) }

  /// The teleconsultation, bed and cost figures.
  static let careMetrics: [Metric] = [
    Metric("teleconsult.requests.per_day", unit: "/d"), Metric("teleconsult.completed.per_day", unit: "/d"),
    Metric("teleconsult.wait.mean", unit: "h"), .quantile("teleconsult.wait.p50", unit: "h"),
    .quantile("teleconsult.wait.p90", unit: "h"), .quantile("teleconsult.wait.p95", unit: "h"),
    Metric("teleconsult.same_day", unit: "ratio"), Metric("teleconsult.abandoned", unit: "ratio"),
    Metric("teleconsult.failed_attempts.per_day", unit: "/d"),
    Metric("specialist.utilisation", unit: "ratio"), Metric("specialist.overtime", unit: "h/d"),
    Metric("beds.occupancy.mean", unit: "ratio"), Metric("beds.full", unit: "ratio"),
    Metric("beds.refused", unit: "/d"), Metric("admissions.per_day", unit: "/d"),
    Metric("admissions.other.per_day", unit: "/d"),
    Metric("referrals.per_day", unit: "/d"), Metric("referrals.unplaced.per_day", unit: "/d"),
    Metric("transport.km.per_day", unit: "km/d"),
    Metric("cost.meals", unit: "Rs/d"), Metric("cost.transport", unit: "Rs/d"),
  ]

  /// The ambulance service's figures.
  static let ambulanceMetrics: [Metric] = [
    Metric("ambulance.calls.per_day", unit: "/d"), Metric("ambulance.response.mean", unit: "min"),
    .quantile("ambulance.response.p50", unit: "min"), .quantile("ambulance.response.p90", unit: "min"),
    Metric("ambulance.response.within_target", unit: "ratio"), Metric("ambulance.call_to_hospital.mean", unit: "min"),
    Metric("ambulance.queued", unit: "ratio"), Metric("ambulance.failed", unit: "ratio"),
    Metric("ambulance.unplaced.per_day", unit: "/d"), Metric("ambulance.transfers.per_day", unit: "/d"),
    Metric("ambulance.utilisation", unit: "ratio"), Metric("ambulance.km.per_day", unit: "km/d"),
  ]
}
