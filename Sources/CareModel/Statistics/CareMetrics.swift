import SimStats

extension CareNetworkSpec {
  /// The statewide figures each replication reports, in order (ambulance figures only when
  /// the scenario has an ambulance service).
  public var metrics: [Metric] {
    Self.careMetrics + (fleet == nil ? [] : Self.ambulanceMetrics)
      + (medicines.map { Self.medicineMetrics(warehouses: $0.warehousePolicy != nil) } ?? [])
      + (asha == nil ? [] : Self.ashaMetrics) + (kitchens == nil ? [] : Self.kitchenMetrics)
  }

  /// The teleconsultation, bed and cost figures. Volumes, loads and costs that follow the
  /// service given (requests, admissions, kilometres, meals) are better neither way.
  static let careMetrics: [Metric] = [
    Metric("teleconsult.requests.per_day", unit: "/d", better: .neither, label: "teleconsultations requested a day"),
    Metric("teleconsult.completed.per_day", unit: "/d", better: .higherIsBetter, label: "teleconsultations completed a day"),
    Metric("teleconsult.wait.mean", unit: "h", better: .lowerIsBetter, label: "wait for a specialist, mean"),
    .quantile("teleconsult.wait.p50", unit: "h", better: .lowerIsBetter, label: "wait for a specialist, median"),
    .quantile("teleconsult.wait.p90", unit: "h", better: .lowerIsBetter, label: "wait for a specialist, 90th percentile"),
    .quantile("teleconsult.wait.p95", unit: "h", better: .lowerIsBetter, label: "wait for a specialist, 95th percentile"),
    Metric("teleconsult.same_day", unit: "ratio", better: .higherIsBetter, label: "patients seen the day they asked"),
    Metric("teleconsult.abandoned", unit: "ratio", better: .lowerIsBetter, label: "patients who gave up waiting"),
    Metric("teleconsult.failed_attempts.per_day", unit: "/d", better: .lowerIsBetter, label: "video calls that failed a day"),
    Metric("teleconsult.waiting.mean", unit: "patients", better: .lowerIsBetter, label: "patients waiting, mean"),
    Metric("specialist.utilisation", unit: "ratio", better: .neither, label: "specialists' time in consultation"),
    Metric("specialist.overtime", unit: "h/d", better: .lowerIsBetter, label: "specialists' overtime a day"),
    Metric("beds.occupancy.mean", unit: "ratio", better: .neither, label: "beds occupied, mean"),
    Metric("beds.full", unit: "ratio", better: .lowerIsBetter, label: "time a bed pool is full"),
    Metric("beds.refused", unit: "/d", better: .lowerIsBetter, label: "admissions refused for want of a bed a day"),
    Metric("admissions.per_day", unit: "/d", better: .neither, label: "admissions after teleconsultation a day"),
    Metric("admissions.other.per_day", unit: "/d", better: .neither, label: "other admissions a day"),
    Metric("referrals.per_day", unit: "/d", better: .neither, label: "referrals a day"),
    Metric("referrals.unplaced.per_day", unit: "/d", better: .lowerIsBetter, label: "referrals with no bed anywhere a day"),
    Metric("transport.km.per_day", unit: "km/d", better: .neither, label: "patient transport a day"),
    Metric("cost.meals", unit: "Rs/d", better: .neither, label: "hospital meals a day"),
    Metric("cost.transport", unit: "Rs/d", better: .neither, label: "patient transport cost a day"),
    Metric("cost.specialists", unit: "Rs/d", better: .neither, label: "specialists' pay a day"),
    Metric("cost.beds", unit: "Rs/d", better: .neither, label: "beds' running and capital cost a day"),
    Metric("cost.ambulances", unit: "Rs/d", better: .neither, label: "ambulances' cost a day (kilometres in transport)"),
    Metric("cost.total", unit: "Rs/d", better: .lowerIsBetter, label: "total cost a day"),
  ]

  /// The ambulance service's figures.
  static let ambulanceMetrics: [Metric] = [
    Metric("ambulance.calls.per_day", unit: "/d", better: .neither, label: "ambulance calls a day"),
    Metric("ambulance.response.mean", unit: "min", better: .lowerIsBetter, label: "ambulance response, mean"),
    .quantile("ambulance.response.p50", unit: "min", better: .lowerIsBetter, label: "ambulance response, median"),
    .quantile("ambulance.response.p90", unit: "min", better: .lowerIsBetter, label: "ambulance response, 90th percentile"),
    Metric("ambulance.response.within_target", unit: "ratio", better: .higherIsBetter, label: "reached calls within the response target"),
    Metric("ambulance.call_to_hospital.mean", unit: "min", better: .lowerIsBetter, label: "call to arrival at hospital, mean"),
    Metric("ambulance.queued", unit: "ratio", better: .lowerIsBetter, label: "calls that waited for a free ambulance"),
    Metric("ambulance.failed", unit: "ratio", better: .lowerIsBetter, label: "calls no ambulance reached"),
    Metric("ambulance.unplaced.per_day", unit: "/d", better: .lowerIsBetter, label: "patients with no hospital bed a day"),
    Metric("ambulance.transfers.per_day", unit: "/d", better: .neither, label: "inter-facility transfers a day"),
    Metric("ambulance.utilisation", unit: "ratio", better: .neither, label: "ambulances' time on calls"),
    Metric("ambulance.km.per_day", unit: "km/d", better: .neither, label: "ambulance driving a day"),
  ]

  /// The medicine figures: at spokes, and the warehouses' stock when they are modelled.
  static func medicineMetrics(warehouses: Bool) -> [Metric] {
    spokeMedicineMetrics + (warehouses ? [warehouseStock] : [])
  }

  static let warehouseStock = Metric("medicines.warehouse_stock.value", unit: "Rs", better: .neither,
                                     label: "stock at the warehouses, mean value")

  static let spokeMedicineMetrics: [Metric] = [
    Metric("medicines.fill_rate", unit: "ratio", better: .higherIsBetter, label: "units prescribed that the spoke gave"),
    Metric("medicines.prescriptions_filled", unit: "ratio", better: .higherIsBetter,
           label: "prescriptions the spoke filled in full"),
    Metric("medicines.stockout", unit: "ratio", better: .lowerIsBetter, label: "time a spoke is out of a medicine, mean"),
    Metric("medicines.stockout_days", unit: "d", better: .lowerIsBetter,
           label: "days a year a spoke is out of a medicine, mean"),
    Metric("medicines.stock.value", unit: "Rs", better: .neither, label: "stock at the spokes, mean value"),
    Metric("medicines.days_on_shelf", unit: "d", better: .neither, label: "time a unit spends on a spoke's shelf, mean"),
    Metric("medicines.orders.per_day", unit: "/d", better: .neither, label: "spokes' orders a day"),
    Metric("medicines.deliveries.per_day", unit: "/d", better: .neither, label: "deliveries to spokes a day"),
    Metric("medicines.order_cut", unit: "ratio", better: .lowerIsBetter, label: "units ordered that the warehouse could not ship"),
    Metric("medicines.out_of_pocket.per_day", unit: "Rs/d", better: .lowerIsBetter,
           label: "patients' spending at private pharmacies a day"),
    Metric("medicines.trips.per_day", unit: "/d", better: .lowerIsBetter, label: "trips to another spoke for medicines a day"),
    Metric("medicines.trip_cost.per_day", unit: "Rs/d", better: .lowerIsBetter, label: "patients' cost of those trips a day"),
    Metric("cost.medicines", unit: "Rs/d", better: .neither, label: "medicines bought by the state a day"),
  ]

  /// The figures of ASHA-mobilised demand.
  static let ashaMetrics: [Metric] = [
    Metric("asha.workers", unit: "count", better: .neither, label: "ASHAs serving the spokes' catchments"),
    Metric("asha.mobilised.per_day", unit: "/d", better: .neither, label: "patients ASHAs brought a day"),
    Metric("asha.seen.per_day", unit: "/d", better: .neither, label: "ASHA-mobilised patients seen a day"),
    Metric("cost.asha_incentives", unit: "Rs/d", better: .neither, label: "ASHA incentives a day"),
  ]

  /// The hospital kitchens' figures.
  static let kitchenMetrics: [Metric] = [
    Metric("kitchen.meals.per_day", unit: "/d", better: .neither, label: "meals served to inpatients a day"),
    Metric("kitchen.shortfall", unit: "ratio", better: .lowerIsBetter, label: "inpatients' meals the kitchens could not serve"),
    Metric("kitchen.short_days", unit: "ratio", better: .lowerIsBetter, label: "kitchen-days with a shortfall"),
  ]
}
