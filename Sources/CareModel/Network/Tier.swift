/// Level of a health facility, from the village sub-centre to the medical college.
public enum Tier: String, Sendable, CaseIterable, Comparable {
  /// Health sub-centre.
  case hsc
  /// Health & wellness centre (Ayushman Arogya Mandir).
  case hwc
  /// Additional primary health centre.
  case aphc
  /// Primary health centre (6 beds).
  case phc
  /// Community health centre or referral hospital (30 beds).
  case chc
  /// Sub-divisional hospital.
  case sdh
  /// District hospital.
  case dh
  /// Medical college hospital.
  case mch

  /// Rank from 0 (sub-centre) upwards.
  public var rank: Int { Tier.allCases.firstIndex(of: self)! }

  public static func < (a: Tier, b: Tier) -> Bool { a.rank < b.rank }
}

/// A health facility: a spoke, a hub, a bed pool, or several of these.
public struct HealthCentre: Sendable, Equatable {
  /// Identifier from the facilities table.
  public var id: String
  /// Name for reports.
  public var name: String
  /// Level.
  public var tier: Tier
  /// District name.
  public var district: String
  /// Location.
  public var location: GeoPoint
  /// Inpatient beds at the start (0 for none).
  public var beds: Int
  /// Block (sub-district) name, when known.
  public var block: String

  /// Creates a facility.
  public init(id: String, name: String, tier: Tier, district: String, location: GeoPoint, beds: Int, block: String = "") {
    self.id = id
    self.name = name
    self.tier = tier
    self.district = district
    self.location = location
    self.beds = beds
    self.block = block
  }
}

/// A point of demand: a habitation and its population.
public struct Habitation: Sendable, Equatable {
  /// Location.
  public var location: GeoPoint
  /// People living there.
  public var population: Int
  /// District name, when known.
  public var district: String
  /// Creates a habitation.
  public init(location: GeoPoint, population: Int, district: String = "") {
    self.location = location
    self.population = population
    self.district = district
  }
}
