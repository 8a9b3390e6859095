import SimStats

extension CareNetworkSpec {
  /// The statewide figures each replication reports, in order (ambulance figures only when
  /// the scenario has an ambulance service).
  public var metrics: [Metric] { Self.careMetrics + (fleet == nil ? [] : Self.ambulanceMetrics) }

  /// The teleconsultation, bed and cost figures. Volumes, loads and costs that follow the
  /// service given (requests, admissions, kilometres, meals) are better neither way.
  static let careMetrics: [Metric] = [
    Metric("teleconsult.requests.per_day", unit: "/d", better: .neither),
    Metric("teleconsult.completed.per_day", unit: "/d", better: .higherIsBetter),
    Metric("teleconsult.wait.mean", unit: "h", better: .lowerIsBetter),
    .quantile("teleconsult.wait.p50", unit: "h", better: .lowerIsBetter),
    .quantile("teleconsult.wait.p90", unit: "h", better: .lowerIsBetter),
    .quantile("teleconsult.wait.p95", unit: "h", better: .lowerIsBetter),
    Metric("teleconsult.same_day", unit: "ratio", better: .higherIsBetter),
    Metric("teleconsult.abandoned", unit: "ratio", better: .lowerIsBetter),
    Metric("teleconsult.failed_attempts.per_day", unit: "/d", better: .lowerIsBetter),
    Metric("teleconsult.waiting.mean", unit: "patients", better: .lowerIsBetter),
    Metric("specialist.utilisation", unit: "ratio", better: .neither),
    Metric("specialist.overtime", unit: "h/d", better: .lowerIsBetter),
    Metric("beds.occupancy.mean", unit: "ratio", better: .neither),
    Metric("beds.full", unit: "ratio", better: .lowerIsBetter),
    Metric("beds.refused", unit: "/d", better: .lowerIsBetter),
    Metric("admissions.per_day", unit: "/d", better: .neither),
    Metric("admissions.other.per_day", unit: "/d", better: .neither),
    Metric("referrals.per_day", unit: "/d", better: .neither),
    Metric("referrals.unplaced.per_day", unit: "/d", better: .lowerIsBetter),
    Metric("transport.km.per_day", unit: "km/d", better: .neither),
    Metric("cost.meals", unit: "Rs/d", better: .neither),
    Metric("cost.transport", unit: "Rs/d", better: .neither),
  ]

  /// The ambulance service's figures.
  static let ambulanceMetrics: [Metric] = [
    Metric("ambulance.calls.per_day", unit: "/d", better: .neither),
    Metric("ambulance.response.mean", unit: "min", better: .lowerIsBetter),
    .quantile("ambulance.response.p50", unit: "min", better: .lowerIsBetter),
    .quantile("ambulance.response.p90", unit: "min", better: .lowerIsBetter),
    Metric("ambulance.response.within_target", unit: "ratio", better: .higherIsBetter),
    Metric("ambulance.call_to_hospital.mean", unit: "min", better: .lowerIsBetter),
    Metric("ambulance.queued", unit: "ratio", better: .lowerIsBetter),
    Metric("ambulance.failed", unit: "ratio", better: .lowerIsBetter),
    Metric("ambulance.unplaced.per_day", unit: "/d", better: .lowerIsBetter),
    Metric("ambulance.transfers.per_day", unit: "/d", better: .neither),
    Metric("ambulance.utilisation", unit: "ratio", better: .neither),
    Metric("ambulance.km.per_day", unit: "km/d", better: .neither),
  ]
}
