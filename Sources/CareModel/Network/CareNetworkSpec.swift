import SimKernel
import SimRandom

/// A validated telemedicine network: where patients come from, which hubs see them, when,
/// how long it takes, and what happens after.
///
/// Facilities are rows of ``facilities`` (``FacilityID``); spokes and hubs are lists of
/// facilities, and a patient's spoke is a position in ``spokes`` (``SpokeID``).
public struct CareNetworkSpec: Sendable {
  /// Every facility of the state, spokes, hubs and hospitals alike.
  public var facilities: [HealthCentre]
  /// Spokes (facilities) and their catchment populations, in the same order.
  public var spokes: [FacilityID]
  public var spokePopulation: [Int]
  /// Hubs (facilities).
  public var hubs: [FacilityID]
  public var specialties: [Specialty]
  public var sessions: SessionCalendar
  public var policy: Policy
  public var demand: Demand
  /// Length of stay by tier (indexed by `Tier.rank`), minutes.
  public var stays: [Distribution]
  /// Admissions per day to each facility of a tier from outside teleconsultation (walk-ins,
  /// deliveries, emergencies), indexed by `Tier.rank`: they compete for the same beds.
  public var otherAdmissionsPerDay: [Double] = Array(repeating: 0, count: Tier.allCases.count)
  /// Lowest tier a referral can go to.
  public var referralTier: Tier
  public var transport: Transport
  public var upgrades: [Upgrade]
  /// Prices of staff, beds, ambulances and meals.
  public var costs: CareCosts
  /// Rupees per inpatient-day for meals (Didi ki Rasoi: 4 meals, Rs 150).
  public var mealCostPerPatientDay: Double { costs.mealPerPatientDay }
  /// The ambulance service, when modelled; referrals then travel by ambulance.
  public var fleet: FleetSpec?
  /// Medicines at the spokes, when modelled.
  public var medicines: MedicineSupply?
  /// Patients ASHAs bring, on top of ``demand``, when modelled.
  public var asha: AshaMobilisation?
  /// Hospital kitchens, when modelled.
  public var kitchens: KitchenSupply?
  /// Weekday of the start date (0 = Monday): day 0 of the run is the start date.
  public var startWeekday: Int
  /// The start date (`YYYY-MM-DD`), for reports.
  public var startDate: String

  /// Creates a network.
  public init(facilities: [HealthCentre], spokes: [FacilityID], spokePopulation: [Int], hubs: [FacilityID],
              specialties: [Specialty], sessions: SessionCalendar, policy: Policy, demand: Demand,
              stays: [Distribution], referralTier: Tier, transport: Transport, upgrades: [Upgrade],
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
    costs = CareCosts(mealPerPatientDay: mealCostPerPatientDay)
    self.startWeekday = startWeekday
    self.startDate = startDate
  }

  /// People in the spokes' catchments (every habitation belongs to its nearest spoke).
  public var catchmentPopulation: Double { Double(spokePopulation.reduce(0, +)) }

  /// The facility with `id`.
  public subscript(facility id: FacilityID) -> HealthCentre { facilities[id.index] }
  /// The facility that is spoke `spoke`.
  public func facility(ofSpoke spoke: SpokeID) -> FacilityID { spokes[spoke.index] }
  /// The facility that is hub `hub`.
  public func facility(ofHub hub: HubID) -> FacilityID { hubs[hub.index] }
  /// The specialty with `id`.
  public subscript(specialty id: SpecialtyID) -> Specialty { specialties[id.index] }

  /// Every facility ID, in table order.
  public var facilityIDs: [FacilityID] { facilities.indices.map(FacilityID.init) }
  /// Every spoke ID, in order.
  public var spokeIDs: [SpokeID] { spokes.indices.map(SpokeID.init) }
  /// Every hub ID, in order.
  public var hubIDs: [HubID] { hubs.indices.map(HubID.init) }
  /// Every specialty ID, in order.
  public var specialtyIDs: [SpecialtyID] { specialties.indices.map(SpecialtyID.init) }

  /// Districts in first-appearance order of the facilities table.
  public var districts: [String] {
    var seen: [String] = []
    for f in facilities where !seen.contains(f.district) { seen.append(f.district) }
    return seen
  }
}
