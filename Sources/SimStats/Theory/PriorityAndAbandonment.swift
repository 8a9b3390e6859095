extension QueueingTheory {
  /// Mean waits in queue per class of a non-preemptive priority M/M/c whose classes share one
  /// service rate μ (Cobham 1954; GSTH §3.4.1): W_k = C / (cμ (1 − σ_{k−1})(1 − σ_k)), with C
  /// the Erlang C probability of waiting at the total load and σ_k = Σ_{i≤k} λ_i / (cμ).
  /// - Parameter arrivalRates: per class, most urgent first.
  /// - Returns: the mean wait in queue of each class.
  /// - Throws: unless the rates are positive and the total load is below the servers.
  public static func priorityMMC(arrivalRates: [Double], serviceRate mu: Double, servers: Int)
    throws(TheoryError) -> [Double]
  {
    guard mu > 0, arrivalRates.allSatisfy({ $0 > 0 }) else { throw TheoryError("rates must be positive") }
    let capacity = Double(servers) * mu
    let waiting = try erlangC(servers: servers, load: arrivalRates.reduce(0, +) / mu)
    var before = 0.0
    return arrivalRates.map { lambda in
      let after = before + lambda / capacity
      defer { before = after }
      return waiting / (capacity * (1 - before) * (1 - after))
    }
  }

  /// Mean waits in queue per class of a non-preemptive priority M/G/1 (Cobham 1954; GSTH
  /// §3.4.1): W_k = W₀ / ((1 − σ_{k−1})(1 − σ_k)), W₀ = Σ λ_i E[S_i²] / 2, σ_k = Σ_{i≤k} ρ_i.
  /// - Parameters: per class, most urgent first: arrival rates, mean service times and second
  ///   moments of service time.
  /// - Returns: the mean wait in queue of each class.
  /// - Throws: unless every rate and mean is positive, E[S²] ≥ E[S]², and the load is below 1.
  public static func priorityMG1(arrivalRates: [Double], meanService: [Double], secondMoments: [Double])
    throws(TheoryError) -> [Double]
  {
    guard arrivalRates.count == meanService.count, meanService.count == secondMoments.count else {
      throw TheoryError("one rate and two moments per class")
    }
    guard arrivalRates.allSatisfy({ $0 > 0 }), meanService.allSatisfy({ $0 > 0 }),
          zip(meanService, secondMoments).allSatisfy({ $1 >= $0 * $0 * (1 - 1e-12) }) else {
      throw TheoryError("rates and means must be positive, and each second moment at least the mean squared")
    }
    let loads = zip(arrivalRates, meanService).map { $0 * $1 }
    guard loads.reduce(0, +) < 1 else { throw TheoryError("unstable: total load ≥ 1") }
    let residual = zip(arrivalRates, secondMoments).reduce(0.0) { $0 + $1.0 * $1.1 } / 2
    var before = 0.0
    return loads.map { rho in
      let after = before + rho
      defer { before = after }
      return residual / ((1 - before) * (1 - after))
    }
  }

  /// M/M/c with exponential patience, rate θ (Erlang A; Palm 1943, Garnett, Mandelbaum and
  /// Reiman 2002), solved as a birth-death chain truncated where the tail is below 1e-15:
  /// the mean numbers waiting and present and the share of arrivals who abandon (θ·L_q/λ by
  /// Little's law applied to those who leave the queue early).
  /// - Throws: unless the rates and servers are positive.
  public static func erlangA(arrivalRate lambda: Double, serviceRate mu: Double, servers: Int, patienceRate theta: Double)
    throws(TheoryError) -> (meanQueueLength: Double, meanInSystem: Double, abandonment: Double)
  {
    guard lambda > 0, mu > 0, theta > 0, servers >= 1 else { throw TheoryError("rates and servers must be positive") }
    var term = 1.0
    var total = 1.0
    var queue = 0.0
    var present = 0.0
    var n = 0
    while n < 10_000_000 {
      n += 1
      let deaths = Double(min(n, servers)) * mu + Double(max(n - servers, 0)) * theta
      term *= lambda / deaths
      total += term
      queue += Double(max(n - servers, 0)) * term
      present += Double(n) * term
      if n > servers && term < 1e-15 * total { break }
    }
    let lq = queue / total
    return (lq, present / total, theta * lq / lambda)
  }
}
