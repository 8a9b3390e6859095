import CGSL

/// Classical queueing formulas. Each is exact in steady state under its stated assumptions;
/// sources: Gross, Shortle, Thompson and Harris, *Fundamentals of Queueing Theory*, 4th ed.
/// (GSTH), chapters 2-4.
public enum QueueingTheory {
  /// Erlang B: probability that all `servers` are busy in M/M/c/c (= M/G/c/c) with offered
  /// load `load` = λ/μ (GSTH §2.5). Computed by the stable recursion
  /// B(0) = 1, B(k) = a·B(k−1)/(k + a·B(k−1)).
  public static func erlangB(servers: Int, load: Double) -> Double {
    precondition(servers >= 0 && load >= 0, "Erlang B needs servers ≥ 0 and load ≥ 0")
    var b = 1.0
    if servers > 0 {
      for k in 1...servers { b = load * b / (Double(k) + load * b) }
    }
    return b
  }

  /// Erlang C: probability that an arrival waits in M/M/c with load a = λ/μ < c (GSTH §2.3),
  /// C = c·B / (c − a(1 − B)).
  public static func erlangC(servers: Int, load: Double) throws(TheoryError) -> Double {
    guard servers >= 1 else { throw TheoryError("Erlang C needs at least one server") }
    guard load < Double(servers) else {
      throw TheoryError("unstable: offered load \(load) ≥ \(servers) servers")
    }
    let b = erlangB(servers: servers, load: load)
    let c = Double(servers)
    return c * b / (c - load * (1 - b))
  }

  /// M/M/c with FIFO service (GSTH §2.3): W_q = C/(cμ − λ), P(W_q > t) = C·e^(−(cμ−λ)t), and
  /// the wait quantiles that follow from it.
  public static func mmc(arrivalRate lambda: Double, serviceRate mu: Double, servers: Int)
    throws(TheoryError) -> QueueMetrics
  {
    guard lambda > 0, mu > 0 else { throw TheoryError("rates must be positive") }
    let a = lambda / mu
    let waitProbability = try erlangC(servers: servers, load: a)
    let drain = Double(servers) * mu - lambda
    let wq = waitProbability / drain
    let quantiles = [0.5, 0.9, 0.95, 0.99].map { q -> (level: Double, value: Double) in
      (q, 1 - q >= waitProbability ? 0 : log(waitProbability / (1 - q)) / drain)
    }
    return QueueMetrics(
      utilisation: a / Double(servers), meanWait: wq, meanSojourn: wq + 1 / mu,
      meanQueueLength: lambda * wq, meanInSystem: lambda * (wq + 1 / mu), blocking: 0,
      throughput: lambda, probabilityOfWaiting: waitProbability, waitQuantiles: quantiles)
  }

  /// P(W_q > t) in M/M/c.
  public static func mmcWaitExceeds(
    _ t: Double, arrivalRate lambda: Double, serviceRate mu: Double, servers: Int
  ) throws(TheoryError) -> Double {
    let c = try erlangC(servers: servers, load: lambda / mu)
    return c * exp(-(Double(servers) * mu - lambda) * t)
  }

  /// M/M/c/K: at most K in the system, arrivals beyond are lost (GSTH §2.5). Exact for any
  /// load. With K = c this is the Erlang loss system and `blocking` equals Erlang B.
  public static func mmck(
    arrivalRate lambda: Double, serviceRate mu: Double, servers: Int, capacity: Int
  ) throws(TheoryError) -> QueueMetrics {
    guard lambda > 0, mu > 0 else { throw TheoryError("rates must be positive") }
    guard servers >= 1, capacity >= servers else {
      throw TheoryError("M/M/c/K needs c ≥ 1 and K ≥ c")
    }
    let p = mmckStateProbabilities(load: lambda / mu, servers: servers, capacity: capacity)
    var l = 0.0
    var lq = 0.0
    for (n, pn) in p.enumerated() {
      l += Double(n) * pn
      lq += Double(Swift.max(n - servers, 0)) * pn
    }
    let blocking = p[capacity]
    let effective = lambda * (1 - blocking)
    let waitProbability = p[servers..<capacity].reduce(0, +) / (1 - blocking)
    return QueueMetrics(
      utilisation: (l - lq) / Double(servers), meanWait: lq / effective,
      meanSojourn: l / effective, meanQueueLength: lq, meanInSystem: l, blocking: blocking,
      throughput: effective, probabilityOfWaiting: waitProbability, waitQuantiles: [])
  }

  /// Stationary distribution p₀…p_K of M/M/c/K, by ratios pₙ/pₙ₋₁ = a/min(n, c) (no factorials,
  /// so large K does not overflow).
  public static func mmckStateProbabilities(load a: Double, servers c: Int, capacity k: Int)
    -> [Double]
  {
    var weights = [1.0]
    weights.reserveCapacity(k + 1)
    var largest = 1.0
    for n in stride(from: 1, through: k, by: 1) {
      let w = weights[n - 1] * a / Double(Swift.min(n, c))
      weights.append(w)
      largest = Swift.max(largest, w)
    }
    // Rescale as we go would be needed only for astronomically large loads; normalise once.
    let total = weights.reduce(0) { $0 + $1 / largest }
    return weights.map { ($0 / largest) / total }
  }

  /// M/G/1 (Pollaczek-Khinchine, GSTH §5.1): W_q = λ·E[S²] / (2(1 − ρ)), with
  /// E[S²] = Var[S] + E[S]². Exact for Poisson arrivals, one server, FIFO, any service law.
  public static func mg1(arrivalRate lambda: Double, serviceMean: Double, serviceVariance: Double)
    throws(TheoryError) -> QueueMetrics
  {
    guard lambda > 0, serviceMean > 0, serviceVariance >= 0 else {
      throw TheoryError("M/G/1 needs positive rates and a non-negative variance")
    }
    let rho = lambda * serviceMean
    guard rho < 1 else { throw TheoryError("unstable: utilisation \(rho) ≥ 1") }
    let wq = lambda * (serviceVariance + serviceMean * serviceMean) / (2 * (1 - rho))
    return QueueMetrics(
      utilisation: rho, meanWait: wq, meanSojourn: wq + serviceMean,
      meanQueueLength: lambda * wq, meanInSystem: lambda * (wq + serviceMean), blocking: 0,
      throughput: lambda, probabilityOfWaiting: rho, waitQuantiles: [])
  }
}
