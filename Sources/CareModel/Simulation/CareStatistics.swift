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

  mutating func request(spoke: Int, specialty: Int) {
    requests += 1
    today.requests += 1
    byDistrict[spokeDistrict[spoke]].requests += 1
    bySpecialty[specialty].requests += 1
  }

  mutating func consult(spoke: Int, specialty: Int, pool: Int, wait w: Double, sameDay same: Bool) {
    consults += 1
    wait.record(w)
    waitQuantiles.record(w)
    today.consults += 1
    today.waitTotal += w
    if same { sameDay += 1 }
    let d = spokeDistrict[spoke]
    byDistrict[d].consults += 1
    byDistrict[d].waitTotal.add(w)
    if same { byDistrict[d].sameDay += 1 }
    bySpecialty[specialty].consults += 1
    bySpecialty[specialty].waitTotal.add(w)
    if same { bySpecialty[specialty].sameDay += 1 }
  }

  mutating func abandon(spoke: Int, specialty: Int) {
    abandoned += 1
    today.abandoned += 1
    byDistrict[spokeDistrict[spoke]].abandoned += 1
    bySpecialty[specialty].abandoned += 1
  }

  mutating func referral(spoke: Int, specialty: Int) {
    referrals += 1
    today.referrals += 1
    byDistrict[spokeDistrict[spoke]].referrals += 1
    bySpecialty[specialty].referrals += 1
  }

  mutating func admission(spoke: Int, specialty: Int) {
    admissions += 1
    today.admissions += 1
    byDistrict[spokeDistrict[spoke]].admissions += 1
    bySpecialty[specialty].admissions += 1
  }

  mutating func closeDay(bedsOccupied: Int, afterWarmUp: Bool) {
    today.bedsOccupied = bedsOccupied
    if afterWarmUp { days.append(today) }
    today = DayRecord()
  }
}
