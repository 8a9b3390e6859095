import SimKernel

/// Hospital kitchens (Didi ki Rasoi): at each meal time every inpatient of a facility with a
/// kitchen is owed a meal; the kitchen serves them until its meals for the day run out, and
/// the rest go without (a shortfall). Every meal owed costs the meal price, whether the
/// kitchen serves it or the family buys it: a shortfall shows as such, not as a saving.
public struct KitchenSupply: Sendable, Equatable {
  /// Meal times, as times of day, in order.
  public var mealTimes: [SimDuration]
  /// Meals a day a kitchen can serve at a facility of each tier (indexed by `Tier.rank`);
  /// nil where the tier has no kitchen.
  public var capacityByTier: [Int?]
  /// Rupees per meal served.
  public var costPerMeal: Double

  /// Creates a supply.
  /// - Precondition: meal times within a day, in increasing order; one capacity per tier.
  public init(mealTimes: [SimDuration], capacityByTier: [Int?], costPerMeal: Double) {
    precondition(capacityByTier.count == Tier.allCases.count, "one capacity per tier")
    precondition(
      zip(mealTimes, mealTimes.dropFirst()).allSatisfy { $0 < $1 }
        && mealTimes.allSatisfy { $0 >= .zero && $0 < .day }, "meal times within a day, in order")
    self.mealTimes = mealTimes
    self.capacityByTier = capacityByTier
    self.costPerMeal = costPerMeal
  }
}
