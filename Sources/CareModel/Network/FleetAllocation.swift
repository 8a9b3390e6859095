extension FleetSpec {
  /// Places `basic` and `advanced` ambulances at `bases` in proportion to the population each
  /// base is nearest to (largest remainder; ties by base order).
  public static func allocate(basic: Int, advanced: Int, bases: [FacilityID], facilities: [HealthCentre],
                              habitations: [Habitation]) -> [Ambulance] {
    spread(basic, over: bases, kind: .basic, facilities: facilities, habitations: habitations)
      + spread(advanced, over: bases, kind: .advanced, facilities: facilities, habitations: habitations)
  }

  /// Places a district's `basic` and `advanced` ambulances at its `bases` in proportion to
  /// the district's own people nearest each: the habitations of other districts do not count,
  /// or a base on the border would take the ambulances meant for the district's interior.
  /// Without district names on habitations, every habitation counts.
  public static func allocate(basic: Int, advanced: Int, inDistrict district: String, bases: [FacilityID],
                              facilities: [HealthCentre], habitations: [Habitation]) -> [Ambulance] {
    let own = habitations.filter { $0.district == district }
    return allocate(basic: basic, advanced: advanced, bases: bases, facilities: facilities,
                    habitations: own.isEmpty ? habitations : own)
  }

  private static func spread(_ n: Int, over candidates: [FacilityID], kind: Kind, facilities: [HealthCentre],
                             habitations: [Habitation]) -> [Ambulance] {
    guard n > 0, !candidates.isEmpty else { return [] }
    let population = NetworkSelection.catchments(of: candidates, in: facilities, habitations: habitations)
    let counts = largestRemainder(n, weights: population)
    return candidates.indices.flatMap { i in Array(repeating: Ambulance(kind: kind, base: candidates[i]), count: counts[i]) }
  }

  /// Splits `n` in proportion to `weights` (Hamilton's largest-remainder method; ties to the
  /// earlier weight).
  static func largestRemainder(_ n: Int, weights: [Int]) -> [Int] {
    let total = Double(max(weights.reduce(0, +), 1))
    var counts = weights.map { Int(Double(n) * Double($0) / total) }
    var remainders = weights.indices.map { (Double(n) * Double(weights[$0]) / total - Double(counts[$0]), $0) }
    remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
    for k in 0..<(n - counts.reduce(0, +)) { counts[remainders[k % remainders.count].1] += 1 }
    return counts
  }
}
