import SimKernel
import SimStats

/// What the care-network model observes after warm-up, statewide and by group.
struct CareStatistics {
  private let spokeDistrict: EntityTable<EntityKind.Spoke, DistrictID>
  var wait = Tally()
  var waitQuantiles = QuantileSketch()
  var sameDay = 0
  var requests = 0
  var consults = 0
  var abandoned = 0
  var failedAttempts = 0
  var referrals = 0
  var admissions = 0
  var unplaced = 0
  var otherAdmissions = 0
  var transportKm = 0.0
  var byDistrict: EntityTable<EntityKind.District, GroupCounts>
  var bySpecialty: EntityTable<EntityKind.Specialty, GroupCounts>
  /// Waits by row of the by-hub table (a hub, or a specialty's statewide queue).
  var groupWaits: EntityTable<EntityKind.QueueGroup, QuantileSketch>
  var days: [DayRecord] = []
  var today = DayRecord()

  init(spokeDistrict: EntityTable<EntityKind.Spoke, DistrictID>, districts: Int, specialties: Int, queueGroups: Int) {
    self.spokeDistrict = spokeDistrict
    byDistrict = EntityTable(repeating: GroupCounts(), count: districts)
    bySpecialty = EntityTable(repeating: GroupCounts(), count: specialties)
    groupWaits = EntityTable(repeating: QuantileSketch(), count: queueGroups)
  }

  /// Discards everything observed so far (end of warm-up).
  mutating func reset() {
    self = CareStatistics(spokeDistrict: spokeDistrict, districts: byDistrict.count, specialties: bySpecialty.count,
                          queueGroups: groupWaits.count)
  }

  /// Applies `update` to the district and the specialty a patient belongs to.
  private mutating func forGroups(spoke: SpokeID, specialty: SpecialtyID, _ update: (inout GroupCounts) -> Void) {
    update(&byDistrict[spokeDistrict[spoke]])
    update(&bySpecialty[specialty])
  }

  mutating func request(spoke: SpokeID, specialty: SpecialtyID) {
    requests += 1
    today.requests += 1
    forGroups(spoke: spoke, specialty: specialty) { $0.requests += 1 }
  }

  mutating func consult(spoke: SpokeID, specialty: SpecialtyID, group: QueueGroupID, wait w: SimDuration,
                        sameDay same: Bool) {
    consults += 1
    wait.record(w.minutes)
    waitQuantiles.record(w.minutes)
    groupWaits[group].record(w.minutes)
    today.consults += 1
    today.waitTotal += w.minutes
    if same { sameDay += 1 }
    forGroups(spoke: spoke, specialty: specialty) { g in
      g.consults += 1
      g.waitTotal.add(w.minutes)
      g.waitQuantiles.record(w.minutes)
      if same { g.sameDay += 1 }
    }
  }

  mutating func abandon(spoke: SpokeID, specialty: SpecialtyID) {
    abandoned += 1
    today.abandoned += 1
    forGroups(spoke: spoke, specialty: specialty) { $0.abandoned += 1 }
  }

  mutating func referral(spoke: SpokeID, specialty: SpecialtyID) {
    referrals += 1
    today.referrals += 1
    forGroups(spoke: spoke, specialty: specialty) { $0.referrals += 1 }
  }

  mutating func admission(spoke: SpokeID, specialty: SpecialtyID) {
    admissions += 1
    today.admissions += 1
    forGroups(spoke: spoke, specialty: specialty) { $0.admissions += 1 }
  }

  /// Ends a day of the daily series (kept only after warm-up).
  mutating func closeDay(_ day: Int, bedsOccupied: Int, bedsRefused: Int, tierOccupancy: [Double], afterWarmUp: Bool) {
    today.day = day
    today.bedsOccupied = bedsOccupied
    today.bedsRefused = bedsRefused
    today.tierOccupancy = tierOccupancy
    if afterWarmUp { days.append(today) }
    today = DayRecord()
  }
}

/// Counts kept by district or specialty for the breakdown tables.
struct GroupCounts {
  var requests = 0
  var consults = 0
  var waitTotal = CompensatedSum()
  var waitQuantiles = QuantileSketch()
  var sameDay = 0
  var referrals = 0
  var admissions = 0
  var abandoned = 0
}

/// One day's figures for the daily series.
struct DayRecord {
  /// Day number (0 = the start date).
  var day = 0
  var requests = 0
  var consults = 0
  var waitTotal = 0.0
  var referrals = 0
  var admissions = 0
  var abandoned = 0
  var bedsOccupied = 0
  /// Admission requests refused (first requests), as `beds.refused` counts them.
  var bedsRefused = 0
  /// Occupied bed-time over bed-time of the day, by tier rank.
  var tierOccupancy: [Double] = []
}
