import CGSL

extension QueueingTheory {
  /// One station of an open Jackson network.
  public struct JacksonStation: Sendable {
    /// Servers.
    public var servers: Int
    /// Service rate per server (exponential service).
    public var serviceRate: Double
    /// Poisson arrivals from outside, per time unit.
    public var externalArrivalRate: Double
    /// Creates a station.
    public init(servers: Int, serviceRate: Double, externalArrivalRate: Double) {
      self.servers = servers
      self.serviceRate = serviceRate
      self.externalArrivalRate = externalArrivalRate
    }
  }

  /// Steady state of an open Jackson network (Jackson, 1957; GSTH §4.1).
  ///
  /// Solves the traffic equations λ = γ + Pᵀλ by LU decomposition (GSL), then treats each
  /// station as an independent M/M/cᵢ queue with arrival rate λᵢ. `routing[i][j]` is the
  /// probability of moving from station i to j; the rest of row i leaves the network.
  /// - Returns: per-station metrics and the network's mean sojourn Σ Lᵢ / Σ γᵢ.
  public static func jackson(stations: [JacksonStation], routing: [[Double]])
    throws(TheoryError) -> (stations: [QueueMetrics], meanNetworkSojourn: Double)
  {
    let n = stations.count
    guard n > 0, routing.count == n, routing.allSatisfy({ $0.count == n }) else {
      throw TheoryError("routing must be an n×n matrix for n stations")
    }
    let lambdas = try solveTrafficEquations(
      external: stations.map(\.externalArrivalRate), routing: routing)
    var metrics: [QueueMetrics] = []
    var totalInSystem = 0.0
    for (i, s) in stations.enumerated() {
      guard lambdas[i] > 0 else { throw TheoryError("station \(i) receives no traffic") }
      let m = try mmc(arrivalRate: lambdas[i], serviceRate: s.serviceRate, servers: s.servers)
      metrics.append(m)
      totalInSystem += m.meanInSystem
    }
    let external = stations.reduce(0) { $0 + $1.externalArrivalRate }
    return (metrics, totalInSystem / external)
  }

  /// Solves (I − Pᵀ)λ = γ with GSL's LU decomposition.
  public static func solveTrafficEquations(external: [Double], routing: [[Double]])
    throws(TheoryError) -> [Double]
  {
    let n = external.count
    let matrix = gsl_matrix_alloc(n, n)!
    let rhs = gsl_vector_alloc(n)!
    let solution = gsl_vector_alloc(n)!
    let permutation = gsl_permutation_alloc(n)!
    defer {
      gsl_matrix_free(matrix)
      gsl_vector_free(rhs)
      gsl_vector_free(solution)
      gsl_permutation_free(permutation)
    }
    for i in 0..<n {
      gsl_vector_set(rhs, i, external[i])
      for j in 0..<n { gsl_matrix_set(matrix, i, j, (i == j ? 1 : 0) - routing[j][i]) }
    }
    var sign: Int32 = 0
    let status = gsl_linalg_LU_decomp(matrix, permutation, &sign)
    let det = gsl_linalg_LU_det(matrix, sign)
    guard status == 0, det.isFinite, abs(det) > 1e-12 else {
      throw TheoryError("traffic equations are singular: some customers never leave")
    }
    guard gsl_linalg_LU_solve(matrix, permutation, rhs, solution) == 0 else {
      throw TheoryError("could not solve the traffic equations")
    }
    return (0..<n).map { gsl_vector_get(solution, $0) }
  }
}
