import SimKernel
import SimStats

/// The inpatient beds of one facility, with the occupancy figures planners read.
struct BedPool {
  let facility: FacilityID
  let tier: Tier
  var capacity: Int
  var occupied = 0
  private var lastChange = SimTime.zero
  /// When the figures started (the end of warm-up).
  private(set) var start = SimTime.zero
  /// Bed-minutes occupied, bed-minutes available, and minutes with every bed taken.
  private(set) var occupiedArea = CompensatedSum()
  private(set) var capacityArea = CompensatedSum()
  private(set) var fullTime = CompensatedSum()
  var admissions = 0
  /// Admission requests whose first hospital was this one and found no free bed.
  var refusals = 0

  init(facility: FacilityID, tier: Tier, capacity: Int) {
    self.facility = facility
    self.tier = tier
    self.capacity = capacity
  }

  var hasFreeBed: Bool { occupied < capacity }

  /// Adds the time since the last change to the areas.
  mutating func advance(to now: SimTime) {
    let dt = now.minutes - lastChange.minutes
    guard dt > 0 else { return }
    occupiedArea.add(Double(occupied) * dt)
    capacityArea.add(Double(capacity) * dt)
    if capacity > 0 && occupied >= capacity { fullTime.add(dt) }
    lastChange = now
  }

  /// Discards the figures gathered so far (end of warm-up).
  mutating func reset(at now: SimTime) {
    advance(to: now)
    start = now
    occupiedArea = CompensatedSum()
    capacityArea = CompensatedSum()
    fullTime = CompensatedSum()
    admissions = 0
    refusals = 0
  }
}
