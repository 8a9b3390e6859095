import SimKernel

/// The hospital kitchens of one replication: meals owed at each meal time to the inpatients
/// of every facility with a kitchen, served while the day's meals last.
struct Kitchens {
  let supply: KitchenSupply
  /// The bed pool of each kitchen's facility, and the meals it can serve a day.
  let pools: [BedPoolID]
  let capacity: [Int]
  /// Meals the kitchen can still serve today.
  private var left: [Int]
  private var shortToday: [Bool]
  /// Since the end of warm-up: meals owed and served, days closed and days with a shortfall.
  private(set) var owed: [Int]
  private(set) var served: [Int]
  private(set) var days = 0
  private(set) var shortDays: [Int]
  /// The next meal time's position in ``KitchenSupply/mealTimes``.
  private var nextMeal = 0

  init(supply: KitchenSupply, spec: CareNetworkSpec, beds: BedLayout) {
    self.supply = supply
    var pools: [BedPoolID] = []
    var capacity: [Int] = []
    for b in beds.facilities.ids {
      if let meals = supply.capacityByTier[spec[facility: beds.facilities[b]].tier.rank] {
        pools.append(b)
        capacity.append(meals)
      }
    }
    self.pools = pools
    self.capacity = capacity
    left = capacity
    shortToday = Array(repeating: false, count: pools.count)
    owed = Array(repeating: 0, count: pools.count)
    served = owed
    shortDays = owed
  }

  /// When the first meal comes (nil when there are no meal times or no kitchens).
  var firstMeal: SimTime? {
    guard let t = supply.mealTimes.first, !pools.isEmpty else { return nil }
    return .zero + t
  }

  /// A meal time: each kitchen serves its inpatients while the day's meals last. Returns the
  /// time of the next meal.
  mutating func serve(occupied: (BedPoolID) -> Int, at now: SimTime) -> SimTime {
    for k in pools.indices {
      let due = occupied(pools[k])
      let given = min(due, left[k])
      left[k] -= given
      owed[k] += due
      served[k] += given
      if given < due { shortToday[k] = true }
    }
    nextMeal += 1
    if nextMeal == supply.mealTimes.count { nextMeal = 0 }
    let day = nextMeal == 0 ? now.day + 1 : now.day
    return .startOfDay(day) + supply.mealTimes[nextMeal]
  }

  /// Midnight: a new day's meals.
  mutating func closeDay(afterWarmUp: Bool) {
    for k in pools.indices {
      if afterWarmUp && shortToday[k] { shortDays[k] += 1 }
      shortToday[k] = false
      left[k] = capacity[k]
    }
    if afterWarmUp { days += 1 }
  }

  /// Discards the figures gathered so far (end of warm-up).
  mutating func reset() {
    for k in pools.indices {
      shortToday[k] = false
      owed[k] = 0
      served[k] = 0
      shortDays[k] = 0
    }
    days = 0
  }

  /// Meals served in all.
  var mealsServed: Int { served.reduce(0, +) }

  /// The kitchen of bed pool `b`, if its facility has one.
  func kitchen(of b: BedPoolID) -> Int? { pools.firstIndex(of: b) }

  /// Share of the meals owed that were not served (NaN when none were owed).
  static func shortfall(owed: Int, served: Int) -> Double { owed > 0 ? Double(owed - served) / Double(owed) : .nan }
}
