import SimStats

/// What the care-network model observes after warm-up, statewide and by group.
struct CareStatistics {
  let spokeDistrict: [Int]
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
  var byDistrict: [GroupCounts]
  var bySpecialty: [GroupCounts]
  var days: [DayRecord] = []
  var today = DayRecord()

  init(layout: CareLayout, specialties: Int) {
    spokeDistrict = layout.spokeDistrict
    byDistrict = Array(repeating: GroupCounts(), count: layout.districts.count)
    bySpecialty = Array(repeating: GroupCounts(), count: specialties)
  }

  mutating func reset() {
    self = CareStatistics(spokeDistrict: spokeDistrict, districts: byDistrict.count, specialties: bySpecialty.count)
  }

  private init(spokeDistrict: [Int], districts: Int, specialties: Int) {
    self.spokeDistrict = spokeDistrict
    byDistrict = Array(repeating: GroupCounts(), count: districts)
    bySpecialty = Array(repeating: GroupCounts(), count: specialties)
  }

  /// Applies `update` to the district and the specialty a patient belongs to.
  private mutating func forGroups(spoke: Int, specialty: Int, _ update: (inout GroupCounts) -> Void) {
    update(&byDistrict[spokeDistrict[spoke]])
    update(&bySpecialty[specialty])
  }

  mutating func request(spoke: Int, specialty: Int) {
    requests += 1
    today.requests += 1
    forGroups(spoke: spoke, specialty: specialty) { $0.requests += 1 }
  }

  mutating func consult(spoke: Int, specialty: Int, wait w: Double, sameDay same: Bool) {
    consults += 1
    wait.record(w)
    waitQuantiles.record(w)
    today.consults += 1
    today.waitTotal += w
    if same { sameDay += 1 }
    forGroups(spoke: spoke, specialty: specialty) { g in
      g.consults += 1
      g.waitTotal.add(w)
      if same { g.sameDay += 1 }
    }
  }

  mutating func abandon(spoke: Int, specialty: Int) {
    abandoned += 1
    today.abandoned += 1
    forGroups(spoke: spoke, specialty: specialty) { $0.abandoned += 1 }
  }

  mutating func referral(spoke: Int, specialty: Int) {
    referrals += 1
    today.referrals += 1
    forGroups(spoke: spoke, specialty: specialty) { $0.referrals += 1 }
  }

  mutating func admission(spoke: Int, specialty: Int) {
    admissions += 1
    today.admissions += 1
    forGroups(spoke: spoke, specialty: specialty) { $0.admissions += 1 }
  }

  mutating func closeDay(bedsOccupied: Int, afterWarmUp: Bool) {
    today.bedsOccupied = bedsOccupied
    if afterWarmUp { days.append(today) }
    today = DayRecord()
  }
}
