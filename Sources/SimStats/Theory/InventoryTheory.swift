import CGSL

extension QueueingTheory {
  /// Base-stock (S − 1, S) with lost sales under Poisson unit demand λ and i.i.d. lead times
  /// of mean L: every unit given triggers an order of one, so the units on order are the busy
  /// servers of an Erlang loss system with S servers and offered load a = λL, and a demand
  /// finds the shelf empty exactly when all S are on order. By PASTA the fill rate is
  /// 1 − B(S, a) = 1 − P(D = S) / P(D ≤ S), D ~ Poisson(λL), whatever the lead-time
  /// distribution (Erlang B is insensitive; Hadley and Whitin 1963, §4-9). The mean stock on
  /// hand is S − a(1 − B).
  public static func baseStockLostSales(demandRate lambda: Double, meanLeadTime lead: Double, level: Int)
    throws(TheoryError) -> (fillRate: Double, meanOnHand: Double)
  {
    guard lambda > 0, lead >= 0, lambda.isFinite, lead.isFinite else {
      throw TheoryError("base-stock needs a positive, finite demand rate and a finite lead time ≥ 0")
    }
    guard level >= 0 else { throw TheoryError("a base-stock level is 0 or more") }
    let a = lambda * lead
    let b = erlangB(servers: level, load: a)
    return (1 - b, Double(level) - a * (1 - b))
  }

  /// The truncated-Poisson form of the same fill rate, 1 − P(D = S) / P(D ≤ S), computed from
  /// GSL's Poisson probabilities: a second route to ``baseStockLostSales(demandRate:meanLeadTime:level:)``.
  public static func truncatedPoissonFillRate(leadTimeDemand mean: Double, level: Int) -> Double {
    let s = UInt32(clamping: level)
    return 1 - gsl_ran_poisson_pdf(s, mean) / gsl_cdf_poisson_P(s, mean)
  }
}
